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
/** `admin-read`: project admins only, and it writes nothing. */
export type Access = 'read' | 'admin' | 'admin-read' | 'epic-edit' | 'panel-read' | 'panel-edit' | 'macro-read' | 'macro-list';

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
  'feedback/create': { access: 'admin', payload: { source: 'survey', text: 'Faster than calling.', sentiment: 'positive', goalId: IDS.goal, kpiId: null, iteration: null } },
  'feedback/list': { access: 'read', payload: { iteration: ITERATION_30 } },
  'feedback/delete': { access: 'admin', payload: { feedbackId: 'SEEDED' } },
  'vision/publish': { access: 'admin', payload: { baseRevision: 1, changeNote: 'Again' } },
  'vision/versions': { access: 'read', payload: {} },
  'vision/diff': { access: 'read', payload: { from: 1, to: 1 } },
  'vision/restore': { access: 'admin', payload: { version: 1, baseRevision: 1 } },
  'vision/reader-view': { access: 'admin-read', payload: {} },
  // Export and import (another engineer's keys): admins only. The import keys name an import that does
  // not exist, so the admin's answer is NOT_FOUND: past the gate, nothing changed.
  'export/project': { access: 'admin', payload: {} },
  'import/upload': { access: 'admin', payload: { importId: 'no-such-import', index: 0, total: 1, bytes: 2, text: '{}' }, admin: 'NOT_FOUND' },
  'import/check': { access: 'admin', payload: { importId: 'no-such-import' }, admin: 'NOT_FOUND' },
  'import/run': { access: 'admin', payload: { importId: 'no-such-import', replace: false }, admin: 'NOT_FOUND' },
  'import/rollback': { access: 'admin', payload: { importId: 'no-such-import' }, admin: 'NOT_FOUND' },
  'import/status': { access: 'admin', payload: {} },
  // Guided start: adopting an example goal with its KPI is a goal-book change, admins only.
  'guided/adopt-example': { access: 'admin', payload: { exampleId: 'adoption', baseRevision: 3 } },
  // The dashboard gadget: its project comes from its configuration (extensionFor), read by those who may browse it.
  'gadget/load': { access: 'read', payload: {} },
  // Its edit view's project picker: any signed-in user, who is offered only projects they may browse.
  'gadget/projects': { access: 'macro-list', payload: {} },
};

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
  await must('iteration/decide', { ...ITERATION_30, kind: 'next-step', text: 'Add SMS.' });
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
  await must('vision/save', { ...visionInput(), statement: 'The MOB vision, for MOB readers only.' }, mob);
  await must('vision/publish', { baseRevision: 1 }, mob);
  return { app, feedbackId: feedback.id as string, mob: { goal: mobGoal, kpi: mobKpi, launch: mobLaunch, iteration: mobIteration, feedback: mobFeedback.id as string } };
}
export type Seeded = Awaited<ReturnType<typeof seeded>>;


/** The payload of a key for the seeded project (feedback/delete names the seeded item). */
export const payloadOf = (key: JiraKey, s: Seeded) => (key === 'feedback/delete' ? { feedbackId: s.feedbackId } : JIRA_ROWS[key].payload);

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
