/**
 * Least privilege: the Jira scopes in manifest.yml are exactly the classic scopes that Jira's OpenAPI
 * description requires for the operations the app calls (recorded by the simulated site while every
 * resolver key runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INTAKE_KEYS, JIRA_KEYS, PORTFOLIO_KEYS, POST_LAUNCH_KEYS, TRANSFER_KEYS } from '../src/contract';
import { DEMO_GROUPS, DEMO_USERS } from '../devtools/simulated-jira/seed';
import { companyGoalInput } from './support/seeded-project';
import { exerciseEveryPostLaunchKey } from './support/post-launch';
import { exerciseEveryTransferKey } from './support/transfer';
import { goalInput, kpiInput, panelOn, visionInput } from './support/local-app';
import { createMacroTestApp, PV_CONFIG } from './support/macro-app';
import { gadget } from './support/seeded-project';

const root = join(__dirname, '..');
const spec = JSON.parse(readFileSync(join(root, 'test/fixtures/jira-openapi/jira-subset.json'), 'utf8'));
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));

/** `GET /rest/api/3/project/10000` → the spec's templated path for it. */
function operationOf(call: string): { method: string; path: string } {
  const [method, path] = call.split(' ');
  const match = Object.keys(spec.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
  if (!match) throw new Error(`The app calls ${call}, which the OpenAPI subset does not describe`);
  return { method: method.toLowerCase(), path: match };
}

function classicScopes(call: string): string[] {
  const { method, path } = operationOf(call);
  const op = spec.paths[path][method];
  const current = (op['x-atlassian-oauth2-scopes'] ?? []).find((s: { state: string }) => s.state === 'Current');
  // POST /permissions/check lists no classic scope; its description says read:jira-work.
  return current?.scopes?.length ? current.scopes : ['read:jira-work'];
}

it('declares exactly the Jira scopes the app needs', async () => {
  const app = createMacroTestApp();
  const payloads: Record<string, unknown> = {
    'vision/save': visionInput(0),
    // Publishing writes the summary for the Confluence macro: PUT project properties, as the admin.
    'vision/publish': { baseRevision: 1 },
    'vision/diff': { from: 1, to: 'draft' },
    'vision/restore': { version: 1, baseRevision: 1 },
    'goal/create': { goal: goalInput(), baseRevision: 0 },
    'kpi/create': { kpi: kpiInput('id-1'), baseRevision: 1 },
    'goal/update': { goalId: 'id-1', goal: goalInput({ status: 'achieved' }), baseRevision: 2 },
    // Tie PV-1 to the goal (PUT the issue property) and clear PV-8's link (DELETE it).
    'panel/set-goal': { goalId: 'id-1' },
    'alignment/set-goal': { issueKey: 'PV-8', goalId: null, baseGoalId: 'retired-goal-2024' },
    'alignment/set-goal-many': { epics: [{ issueKey: 'PV-2', baseGoalId: null }], goalId: 'id-1' },
    // The opt-in for Confluence readers: a project property written as the admin (read as the app by the macro).
    'vision/set-open-readers': { enabled: true },
    'kpi/update': { kpiId: 'id-2', kpi: kpiInput('id-1', { target: 500 }), baseRevision: 3 },
    'kpi/delete': { kpiId: 'id-2', baseRevision: 4 },
    'goal/delete': { goalId: 'id-1', baseRevision: 5 },
    'guided/adopt-example': { exampleId: 'adoption', baseRevision: 6 },
  };
  // Post-launch keys act on the launch they create: they run below, in an order that gives each what it needs.
  // Export and import keys need an export in hand, an upload, a check: they run below too.
  // Feedback intake keys act on the source they add and the items its fetch brings in: they run below.
  const postLaunch = new Set<string>([...POST_LAUNCH_KEYS, ...TRANSFER_KEYS, ...INTAKE_KEYS, ...PORTFOLIO_KEYS]);
  const order = [...Object.keys(payloads), ...JIRA_KEYS.filter((k) => !(k in payloads) && !postLaunch.has(k))] as Array<(typeof JIRA_KEYS)[number]>;
  for (const key of order) {
    const r = await app.call('admin', key, payloads[key] ?? {}, key.startsWith('panel/') ? panelOn(app.issue('PV-1')) : key.startsWith('gadget/') ? gadget() : undefined);
    expect({ key, result: r.ok ? 'ok' : r.error }).toEqual({ key, result: 'ok' });
  }
  expect((await exerciseEveryPostLaunchKey(app.call)).sort()).toEqual([...POST_LAUNCH_KEYS].sort());
  expect((await exerciseEveryTransferKey(app)).sort()).toEqual([...TRANSFER_KEYS].sort());
  // Feedback intake: a source over the service desk, fetched by the queue (as the app), triaged, removed.
  const source = await app.call('admin', 'intake/add-source', { jql: 'project = SD AND "Request Type" = "Report a bug"' });
  const fetched = await app.call('admin', 'intake/fetch', { sourceId: source.ok ? source.data.id : '' });
  await app.queue.drain();
  const view = await app.call('admin', 'intake/view', {});
  const item = view.ok ? view.data.untriaged[0]?.feedback.id : undefined;
  const triaged = await app.call('admin', 'intake/triage', { feedbackId: item ?? 'none', sentiment: 'negative', goalId: null, kpiId: null, iteration: null });
  const removed = await app.call('admin', 'intake/remove-source', { sourceId: source.ok ? source.data.id : '' });
  expect([source, fetched, view, triaged, removed].map((r) => (r.ok ? 'ok' : r.error))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  // Company goals and the portfolio: a Jira administrator names a group, whose member then loads the
  // portfolio (the caller's groups are asked) and changes a company goal; a project admin contributes.
  const global = { type: 'jira:globalPage' };
  const portfolio: Array<[(typeof PORTFOLIO_KEYS)[number], 'siteAdmin' | 'member' | 'admin', unknown]> = [
    ['company-goal/find-principals', 'siteAdmin', { query: 'product' }],
    ['company-goal/set-editors', 'siteAdmin', { accountIds: [DEMO_USERS.viewer], groups: [DEMO_GROUPS.productLeads], baseRevision: 0 }],
    ['company-goal/editors', 'siteAdmin', {}],
    ['company-goal/create', 'member', { goal: companyGoalInput({ ownerAccountId: DEMO_USERS.admin }), baseRevision: 0 }],
    ['company-goal/update', 'member', { goalId: 'id-100', goal: companyGoalInput(), baseRevision: 1 }],
    ['company-goal/choices', 'admin', {}],
    ['portfolio/load', 'member', {}],
    ['company-goal/delete', 'member', { goalId: 'id-100', baseRevision: 1 }],
    ['goal/contribute', 'admin', { goalId: 'id-nothing', companyGoalId: null, baseRevision: 0 }],
  ];
  for (const [key, role, payload] of portfolio) {
    const r = await app.call(role, key, payload, key === 'goal/contribute' ? undefined : global);
    expect({ key, result: r.ok || (key === 'goal/contribute' && !r.ok && ['NOT_FOUND', 'CONFLICT'].includes(r.error.code)) || (key.startsWith('company-goal/') && !r.ok && r.error.code === 'NOT_FOUND') ? 'ok' : r.error }).toEqual({ key, result: 'ok' });
  }
  expect(portfolio.map(([k]) => k).sort()).toEqual([...PORTFOLIO_KEYS].sort());
  // The Confluence macro and its config screen: the project with its properties as the viewer,
  // the projects they can browse; and, for a project that is gone, the existence check as the app.
  for (const [key, payload, config] of [
    ['macro/load', {}, PV_CONFIG],
    ['macro/load', {}, { ...PV_CONFIG, projectId: '99999' }],
    ['macro/projects', {}, undefined],
    ['macro/versions', { projectId: '10000' }, undefined],
  ] as const) {
    const r = await app.callMacro('admin', key, payload, config);
    expect({ key, result: r.ok || r.error.code === 'NOT_FOUND' ? 'ok' : r.error }).toEqual({ key, result: 'ok' });
  }
  // The background pass that alignment/rescan queued runs as the app: its calls count too.
  await app.queue.drain();
  const needed = new Set(Object.keys(app.site.calls).flatMap(classicScopes));
  const declaredJira = (manifest.permissions.scopes as string[]).filter((s) => s.includes('jira'));
  expect(declaredJira.sort()).toEqual([...needed].sort());
  expect(manifest.permissions.scopes).toContain('storage:app');
});
