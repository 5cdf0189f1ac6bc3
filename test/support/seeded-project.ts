/**
 * A project seeded with something of everything (PV: goals, KPIs, measurements, a launch with its
 * iterations, feedback, a decision, a published vision; MOB: its own goal, KPI, launch, feedback and
 * published vision), with the Jira resolver and the macro resolver on it, and for every Jira resolver
 * key a payload that a project admin of PV can send successfully. Shared by the permission matrix and
 * the fuzzing (which mutates these payloads).
 */
import { JIRA_KEYS, type ApiKey } from '../../src/contract';
import { createMacroTestApp } from './macro-app';
import { goalInput, kpiInput, PV, visionInput } from './local-app';
import { fixedClock, IDS, ITERATION_30 } from './post-launch';

export const MOB = { id: '10001', key: 'MOB', type: 'software' };
export const settings = (project = PV) => ({ type: 'jira:projectSettingsPage', project });

export type JiraKey = (typeof JIRA_KEYS)[number];
export type App = ReturnType<typeof createMacroTestApp>;

/**
 * What a key needs. `read`: browse the project; `admin`: administer it; `epic-edit`: edit its issues
 * (Jira decides per epic on write); `panel-*`: the same, on the issue the panel is open on;
 * `macro-read`: browse the project the macro's config names; `macro-list`: a signed-in user.
 */
/** `admin-read`: project admins only, and it writes nothing. `issue-create`: Jira's *Create issues* (admins and members in PV). */
/** `contribute`: anyone who may browse the project, and it writes (feedback). */
/**
 * `signed-in`: any signed-in user of the site (the portfolio, company goals to read); `company-edit`:
 * Jira administrators and named editors (none are named in the seed); `jira-admin`: Jira administrators.
 */
export type Access = 'read' | 'contribute' | 'admin' | 'admin-read' | 'epic-edit' | 'issue-create' | 'panel-read' | 'panel-edit' | 'macro-read' | 'macro-list' | 'signed-in' | 'company-edit' | 'jira-admin';

/** A row per key: what it needs, and a payload that succeeds for a project admin on the seeded PV. */
export const JIRA_ROWS: Record<JiraKey, { access: Access; payload: unknown; /** The admin's answer when not 'ok' (the payload names nothing that exists). */ admin?: string }> = {
  'project/load': { access: 'read', payload: {} },
  'project/people': { access: 'admin', payload: {} },
  'vision/save': { access: 'admin', payload: { ...visionInput(1), horizon: '2030' } },
  'vision/history': { access: 'read', payload: {} },
  'goal/create': { access: 'admin', payload: { goal: goalInput({ title: 'Grow self-service' }), baseRevision: 3 } },
  'goal/update': { access: 'admin', payload: { goalId: IDS.goal, goal: goalInput({ status: 'achieved' }), baseRevision: 3 } },
  'goal/delete': { access: 'admin', payload: { goalId: IDS.goal, baseRevision: 3, confirm: true } },
  'kpi/create': { access: 'admin', payload: { kpi: kpiInput(IDS.goal, { name: 'NPS', direction: 'increase', baseline: 10, target: 40, anyPercent: false }), baseRevision: 3 } },
  'kpi/update': { access: 'admin', payload: { kpiId: IDS.calls, kpi: kpiInput(IDS.goal, { target: 500 }), baseRevision: 3 } },
  'kpi/delete': { access: 'admin', payload: { kpiId: IDS.csat, baseRevision: 3 } },
  'panel/load': { access: 'panel-read', payload: {} },
  'panel/set-goal': { access: 'panel-edit', payload: { goalId: IDS.goal, baseGoalId: null } },
  'alignment/report': { access: 'read', payload: {} },
  'alignment/unaligned': { access: 'read', payload: {} },
  'alignment/set-goal': { access: 'epic-edit', payload: { issueKey: 'PV-2', goalId: IDS.goal, baseGoalId: null } },
  'alignment/set-goal-many': { access: 'epic-edit', payload: { epics: [{ issueKey: 'PV-2', baseGoalId: null }, { issueKey: 'PV-3', baseGoalId: null }], goalId: IDS.goal } },
  'alignment/rescan': { access: 'admin', payload: {} },
  'launch/overview': { access: 'read', payload: {} },
  'launch/summary': { access: 'read', payload: { launchId: IDS.launch } },
  'launch/versions': { access: 'admin', payload: {} },
  'launch/create': { access: 'admin', payload: { name: 'Summer campaign', versionId: null, date: '2025-08-01', preset: 'none', baseRevision: 1 } },
  'launch/delete': { access: 'admin', payload: { launchId: IDS.launch, baseRevision: 1 } },
  'iteration/create': { access: 'admin', payload: { launchId: IDS.launch, iteration: { name: 'Autumn', start: '2025-10-01', end: '2025-12-31', versionId: null }, baseRevision: 1 } },
  'iteration/update': {
    access: 'admin',
    payload: { launchId: IDS.launch, iterationId: IDS.it90, iteration: { name: 'Third month', start: '2025-08-30', end: '2025-09-30', versionId: '10101' }, baseRevision: 1 },
  },
  'iteration/delete': { access: 'admin', payload: { launchId: IDS.launch, iterationId: IDS.it90, baseRevision: 1 } },
  'iteration/load': { access: 'read', payload: ITERATION_30 },
  'iteration/decide': { access: 'admin', payload: { ...ITERATION_30, kind: 'decision', text: 'Keep the reset flow.' } },
  'iteration/decisions': { access: 'read', payload: ITERATION_30 },
  // Lists what the caller may create (a viewer: none); writes nothing.
  'iteration/issue-types': { access: 'read', payload: {} },
  // Creates a Task from the seeded decision, as the caller (payloadOf names the decision).
  'iteration/create-issue': { access: 'issue-create', payload: { ...ITERATION_30, decisionId: 'SEEDED', issueTypeId: '10002' } },
  'kpi/chart': { access: 'read', payload: { kpiId: IDS.calls } },
  'kpi/chart-year': { access: 'read', payload: { kpiId: IDS.calls, year: 2023 } },
  'kpi/measure': { access: 'admin', payload: { kpiId: IDS.calls, date: '2025-08-10', value: 1050, note: '', baseRevision: 0, iteration: { launchId: IDS.launch, iterationId: IDS.it60 }, confirmed: false } },
  'kpi/unmeasure': { access: 'admin', payload: { kpiId: IDS.calls, date: '2025-07-20', baseRevision: 1 } },
  'kpi/measurement': { access: 'read', payload: { kpiId: IDS.calls, date: '2025-07-20' } },
  'kpi/set-jql': { access: 'admin', payload: { kpiId: IDS.csat, jql: 'project = PV AND issuetype = Bug', baseJql: null } },
  // Counts as the admin and writes nothing: admins only, as switching the source is.
  'kpi/preview-jql': { access: 'admin', payload: { kpiId: IDS.csat, jql: 'project = PV AND issuetype = Bug' } },
  // The seeded day is no outlier: confirming it answers it unchanged.
  'kpi/confirm-outlier': { access: 'admin', payload: { kpiId: IDS.calls, date: '2025-07-20', baseRevision: 1 } },
  'feedback/create': { access: 'contribute', payload: { source: 'survey', text: 'Faster than calling.', sentiment: 'positive', goalId: IDS.goal, kpiId: null, iteration: null } },
  'feedback/list': { access: 'read', payload: { iteration: ITERATION_30 } },
  // The seeded item is the admin's: other readers are not its author (authors deleting their own: feedback tests).
  'feedback/delete': { access: 'admin', payload: { feedbackId: 'SEEDED' } },
  'feedback/classify': { access: 'admin', payload: { feedbackId: 'SEEDED', source: 'support', sentiment: 'negative', goalId: IDS.goal, kpiId: null, iteration: null } },
  'feedback/cadence': { access: 'admin', payload: { cadenceDays: 14 } },
  'vision/publish': { access: 'admin', payload: { baseRevision: 1, changeNote: 'Again' } },
  'vision/versions': { access: 'read', payload: {} },
  'vision/diff': { access: 'read', payload: { from: 1, to: 1 } },
  'vision/restore': { access: 'admin', payload: { version: 1, baseRevision: 1 } },
  'vision/reader-view': { access: 'admin-read', payload: {} },
  'vision/open-readers': { access: 'admin-read', payload: {} },
  // Writes the project property the macro reads as the app (see test/reliability/open-readers.test.ts).
  'vision/set-open-readers': { access: 'admin', payload: { enabled: true } },
  // Export and import (another engineer's keys): admins only. The import keys name an import that does
  // not exist, so the admin's answer is NOT_FOUND: past the gate, nothing changed.
  'export/project': { access: 'admin', payload: {} },
  'import/upload': { access: 'admin', payload: { importId: 'no-such-import', index: 0, total: 1, bytes: 2, text: '{}' }, admin: 'NOT_FOUND' },
  'import/check': { access: 'admin', payload: { importId: 'no-such-import' }, admin: 'NOT_FOUND' },
  'import/run': { access: 'admin', payload: { importId: 'no-such-import', replace: false }, admin: 'NOT_FOUND' },
  'import/rollback': { access: 'admin', payload: { importId: 'no-such-import' }, admin: 'NOT_FOUND' },
  'import/status': { access: 'admin', payload: {} },
  // Feedback intake from Jira: admins only. The source and the untriaged item are seeded (payloadOf).
  'intake/view': { access: 'admin-read', payload: {} },
  'intake/add-source': { access: 'admin', payload: { jql: 'project = PV AND issuetype = Story' } },
  'intake/remove-source': { access: 'admin', payload: { sourceId: 'SEEDED' } },
  'intake/fetch': { access: 'admin', payload: { sourceId: 'SEEDED' } },
  'intake/triage': { access: 'admin', payload: { feedbackId: 'SEEDED', sentiment: 'negative', goalId: IDS.goal, kpiId: null, iteration: null } },
  'portfolio/load': { access: 'signed-in', payload: {} },
  'company-goal/choices': { access: 'signed-in', payload: {} },
  'company-goal/create': { access: 'company-edit', payload: { goal: companyGoalInput(), baseRevision: 0 } },
  'company-goal/update': { access: 'company-edit', payload: { goalId: 'no-such-goal', goal: companyGoalInput(), baseRevision: 0 }, admin: 'NOT_FOUND' },
  'company-goal/delete': { access: 'company-edit', payload: { goalId: 'no-such-goal', baseRevision: 0 }, admin: 'NOT_FOUND' },
  'company-goal/editors': { access: 'jira-admin', payload: {} },
  'company-goal/set-editors': { access: 'jira-admin', payload: { accountIds: [], groups: [{ groupId: '5a1c2f3e-0b4d-4e6f-8a9b-0c1d2e3f4a5b', name: 'product-leads' }], baseRevision: 0 } },
  'company-goal/find-principals': { access: 'jira-admin', payload: { query: 'a' } },
  'goal/contribute': { access: 'admin', payload: { goalId: IDS.goal, companyGoalId: null, baseRevision: 3 } },
  // Guided start: adopting an example goal with its KPI is a goal-book change, admins only.
  'guided/adopt-example': { access: 'admin', payload: { exampleId: 'adoption', baseRevision: 3 } },
  // The dashboard gadget: its project comes from its configuration (extensionFor), read by those who may browse it.
  'gadget/load': { access: 'read', payload: {} },
  // Its edit view's project picker: any signed-in user, who is offered only projects they may browse.
  'gadget/projects': { access: 'macro-list', payload: {} },
};

/** A company goal as the global page's form sends it. */
export function companyGoalInput(over: Record<string, unknown> = {}) {
  return { title: 'Grow self-service revenue', description: 'Customers buy and fix things themselves.', businessUnit: 'Digital', ownerAccountId: null, targetDate: '2027-12-31', status: 'active', kpis: [{ name: 'Self-service revenue share', unit: '%', target: 40 }], ...over };
}

/** PV seeded as test/support/post-launch.ts does (same ids), plus a published vision; MOB with its own goal, KPI, launch, feedback and vision. */
export async function seeded() {
  const app = createMacroTestApp({ clock: fixedClock() });
  const must = async (key: string, payload: unknown, extension: unknown = settings()) => {
    const r = await app.call('admin', key as ApiKey, payload, extension as Record<string, unknown>);
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  await must('goal/create', { goal: goalInput(), baseRevision: 0 });
  await must('kpi/create', { kpi: kpiInput(IDS.goal), baseRevision: 1 });
  await must('kpi/create', { kpi: kpiInput(IDS.goal, { name: 'CSAT', unit: '', direction: 'increase', baseline: 3.9, target: 4.5 }), baseRevision: 2 });
  await must('kpi/measure', { kpiId: IDS.calls, date: '2025-06-20', value: 1250, note: 'Before launch', baseRevision: 0 });
  await must('launch/create', { name: '', versionId: '10100', date: null, preset: '30-60-90', baseRevision: 0 });
  await must('kpi/measure', { kpiId: IDS.calls, date: '2025-07-20', value: 1100, note: 'Reset flow live', baseRevision: 0, iteration: ITERATION_30 });
  const feedback = await must('feedback/create', { source: 'interview', text: 'Saved me a call.', sentiment: 'positive', goalId: IDS.goal, kpiId: IDS.calls, iteration: ITERATION_30 });
  const decision = await must('iteration/decide', { ...ITERATION_30, kind: 'next-step', text: 'Add SMS.' });
  // A feedback source over PV's bugs, fetched: one item (PV-20) waits for triage.
  const source = await must('intake/add-source', { jql: 'project = PV AND issuetype = Bug' });
  await must('intake/fetch', { sourceId: source.id });
  await app.queue.drain();
  const untriaged = await must('intake/view', {});
  if (untriaged.untriaged.length !== 1) throw new Error('The seeded source brought in no item');
  await must('vision/save', visionInput());
  await must('vision/publish', { baseRevision: 1 });

  const mob = settings(MOB);
  const mobBook = await must('goal/create', { goal: goalInput({ title: 'Offline first' }), baseRevision: 0 }, mob);
  const mobGoal: string = mobBook.goals[0].id;
  const withKpi = await must('kpi/create', { kpi: kpiInput(mobGoal, { name: 'Crash-free sessions' }), baseRevision: 1 }, mob);
  const mobKpi: string = withKpi.kpis[0].id;
  await must('kpi/measure', { kpiId: mobKpi, date: '2025-07-01', value: 900, note: '', baseRevision: 0 }, mob);
  const launched = await must('launch/create', { name: 'App 3.2', versionId: null, date: '2025-07-01', preset: '30-60-90', baseRevision: 0 }, mob);
  const mobLaunch: string = launched.launchBook.launches[0].id;
  const mobIteration: string = launched.launchBook.launches[0].iterations[0].id;
  const mobFeedback = await must('feedback/create', { source: 'survey', text: 'MOB only.', sentiment: 'neutral', goalId: mobGoal, kpiId: mobKpi, iteration: { launchId: mobLaunch, iterationId: mobIteration } }, mob);
  const mobSource = await must('intake/add-source', { jql: 'project = MOB AND issuetype = Bug' }, mob);
  await must('vision/save', { ...visionInput(), statement: 'The MOB vision, for MOB readers only.' }, mob);
  await must('vision/publish', { baseRevision: 1 }, mob);
  return {
    app,
    feedbackId: feedback.id as string,
    decisionId: decision.id as string,
    sourceId: source.id as string,
    untriagedId: untriaged.untriaged[0].feedback.id as string,
    mob: { goal: mobGoal, kpi: mobKpi, launch: mobLaunch, iteration: mobIteration, feedback: mobFeedback.id as string, source: mobSource.id as string },
  };
}
export type Seeded = Awaited<ReturnType<typeof seeded>>;


/** The payload of a key for the seeded project (feedback/delete names the seeded item). */
export const payloadOf = (key: JiraKey, s: Seeded): unknown => {
  if (key === 'feedback/delete') return { feedbackId: s.feedbackId };
  if (key === 'feedback/classify') return { ...(JIRA_ROWS[key].payload as object), feedbackId: s.feedbackId };
  if (key === 'intake/remove-source' || key === 'intake/fetch') return { sourceId: s.sourceId };
  if (key === 'iteration/create-issue') return { ...(JIRA_ROWS[key].payload as object), decisionId: s.decisionId };
  if (key === 'intake/triage') return { ...(JIRA_ROWS[key].payload as object), feedbackId: s.untriagedId };
  return JIRA_ROWS[key].payload;
};

/** The context a key is invoked in: the settings page, or the issue panel on PV-1 (MOB-1 in MOB). */
export const extensionFor = (app: App, key: string, project: typeof PV) =>
  key.startsWith('panel/')
    ? { type: 'jira:issuePanel', project, issue: app.issue(project === PV ? 'PV-1' : 'MOB-1') }
    : key.startsWith('gadget/')
      ? gadget(project)
      : settings(project);

/** A dashboard gadget configured with a project (a dashboard has no project of its own). */
export const gadget = (project: { id: string; key: string } = PV) => ({
  type: 'jira:dashboardGadget',
  gadget: { id: '10050' },
  dashboard: { id: '10010' },
  gadgetConfiguration: { projectId: project.id, projectKey: project.key },
});

export type { ApiKey };
export const ALL_JIRA_KEYS = JIRA_KEYS;
