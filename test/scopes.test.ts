/**
 * Least privilege: the Jira scopes in manifest.yml are exactly the classic scopes that Jira's OpenAPI
 * description requires for the operations the app calls (recorded by the simulated site while every
 * resolver key runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { JIRA_KEYS } from '../src/contract';
import { createTestApp, goalInput, kpiInput, visionInput } from './support/local-app';

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
  const app = createTestApp();
  const payloads: Record<string, unknown> = {
    'vision/save': visionInput(0),
    'goal/create': { goal: goalInput(), baseRevision: 0 },
    'kpi/create': { kpi: kpiInput('id-1'), baseRevision: 1 },
    'goal/update': { goalId: 'id-1', goal: goalInput({ status: 'achieved' }), baseRevision: 2 },
    'kpi/update': { kpiId: 'id-2', kpi: kpiInput('id-1', { target: 500 }), baseRevision: 3 },
    'kpi/delete': { kpiId: 'id-2', baseRevision: 4 },
    'goal/delete': { goalId: 'id-1', baseRevision: 5 },
  };
  const order = [...Object.keys(payloads), ...JIRA_KEYS.filter((k) => !(k in payloads))] as Array<(typeof JIRA_KEYS)[number]>;
  for (const key of order) {
    const r = await app.call('admin', key, payloads[key] ?? {});
    expect({ key, result: r.ok ? 'ok' : r.error }).toEqual({ key, result: 'ok' });
  }
  const needed = new Set(Object.keys(app.site.calls).flatMap(classicScopes));
  const declaredJira = (manifest.permissions.scopes as string[]).filter((s) => s.includes('jira'));
  expect(declaredJira.sort()).toEqual([...needed].sort());
  expect(manifest.permissions.scopes).toContain('storage:app');
});
