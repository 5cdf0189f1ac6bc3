/**
 * One source per figure, through the bundle `forge deploy` uploads: after a goal is set (from the issue
 * panel, and from the report), the project page's tile, the report's headline, its epics per goal, the
 * trend's last point, the issue panel and the Confluence macro all show the same numbers, with "as of";
 * a KPI value entered a minute ago shows in the macro beside the vision version it shows. And the
 * refresh behind the macro is bounded: one queued event per burst of changes.
 */
import { goalInput, kpiInput, panelOn, visionInput, type Role } from '../support/local-app';
import { createMacroTestApp, PV_CONFIG } from '../support/macro-app';

const data = (r: { ok: boolean; data?: any; error?: any }) => {
  if (!r.ok) throw new Error(`Expected success, got ${JSON.stringify(r.error)}`);
  return r.data;
};

/** The in-process calls that set the project up run a day earlier than the bundle's (platform) clock. */
const clock = { now: () => new Date(Date.now() - 24 * 3600 * 1000) };

async function published() {
  const app = createMacroTestApp({ clock });
  const must = async (key: string, payload: unknown) => data(await app.call('admin', key as never, payload));
  await must('vision/save', visionInput());
  await must('goal/create', { goal: goalInput({ title: 'Halve support calls' }), baseRevision: 0 });
  const book = await must('goal/create', { goal: goalInput({ title: 'Grow self-service' }), baseRevision: 1 });
  expect(book.goals.map((g: { id: string }) => g.id)).toEqual(['id-1', 'id-2']);
  await must('kpi/create', { kpi: kpiInput('id-1'), baseRevision: 2 });
  await must('vision/publish', { baseRevision: 1, changeNote: 'First.' });
  for (const [key, goalId] of [['PV-1', 'id-1'], ['PV-2', 'id-1'], ['PV-3', 'id-2']] as const)
    data(await app.call('member', 'panel/set-goal', { goalId }, panelOn(app.issue(key))));
  data(await app.call('admin', 'alignment/rescan', {}));
  await app.queue.drain();
  return app;
}

type App = Awaited<ReturnType<typeof published>>;

/** Every surface's figures, read through the bundle as a member (and the macro as a Confluence reader). */
async function surfaces(app: App, epicKey: string, role: Role = 'member') {
  const view = data(await app.callBundled(role, 'project/load', {}, { type: 'jira:projectPage', project: { id: '10000', key: 'PV', type: 'software' } }));
  const report = data(await app.callBundled(role, 'alignment/report', {}));
  const panel = data(await app.callBundled(role, 'panel/load', {}, panelOn(app.issue(epicKey))));
  const macro = data(await app.callMacroBundled(role, 'macro/load', {}, PV_CONFIG));
  return { tile: view.highlights.coverage, report, panel, macro };
}

function expectAgree(s: Awaited<ReturnType<typeof surfaces>>, expected: { epics: number; aligned: number; perGoal: Array<{ goalId: string; epics: number }> }) {
  const coverage = expected.aligned / expected.epics;
  expect(s.report.headline).toMatchObject({ epics: expected.epics, aligned: expected.aligned, unaligned: expected.epics - expected.aligned, coverage });
  expect(s.report.latest).toMatchObject({ epics: expected.epics, aligned: expected.aligned, unaligned: expected.epics - expected.aligned, perGoal: expected.perGoal });
  expect(s.report.trend.at(-1).coverage).toBeCloseTo(coverage, 4);
  expect(s.tile).toMatchObject({ epics: expected.epics, aligned: expected.aligned, coverage, asOf: s.report.headline.asOf });
  expect(s.panel.figures).toMatchObject({ epics: expected.epics, aligned: expected.aligned, coverage, asOf: s.report.headline.asOf });
  expect(s.macro.summary.coverage).toMatchObject({ epics: expected.epics, aligned: expected.aligned, coverage, asOf: s.report.headline.asOf });
  expect(s.macro.summary.version).toBe(1);
}

it('after a goal is set on the issue panel and in the report, every surface shows the same figures as of the same moment', async () => {
  const app = await published();
  const platform = app.forge();
  const before = await surfaces(app, 'PV-1');
  expectAgree(before, { epics: 8, aligned: 3, perGoal: [{ goalId: 'id-1', epics: 2 }, { goalId: 'id-2', epics: 1 }] });

  data(await app.callBundled('member', 'panel/set-goal', { goalId: 'id-1', baseGoalId: null }, panelOn(app.issue('PV-6'))));
  data(await app.callBundled('member', 'alignment/set-goal', { issueKey: 'PV-7', goalId: 'id-2', baseGoalId: null }));
  // Two changes, one queued refresh of the macro's figures and one of the portfolio row (each coalesced), run as the app.
  expect(platform.queue.size).toBe(2);
  await platform.queue.drain();

  const after = await surfaces(app, 'PV-6');
  expectAgree(after, { epics: 8, aligned: 5, perGoal: [{ goalId: 'id-1', epics: 3 }, { goalId: 'id-2', epics: 2 }] });
  // The bundle runs on the platform's clock: the change is later than the pass the figures came from.
  expect(after.report.headline.asOf > before.report.headline.asOf).toBe(true);
  expect(after.panel.figures).toMatchObject({ goalEpics: 3, epicName: 'Epic' });
  expect(after.macro.figuresAsOf >= after.report.headline.asOf).toBe(true);

  // Moved between goals, then cleared: the same, everywhere.
  data(await app.callBundled('member', 'alignment/set-goal', { issueKey: 'PV-7', goalId: 'id-1', baseGoalId: 'id-2' }));
  data(await app.callBundled('member', 'panel/set-goal', { goalId: null, baseGoalId: 'id-1' }, panelOn(app.issue('PV-1'))));
  await platform.queue.drain();
  expectAgree(await surfaces(app, 'PV-7'), { epics: 8, aligned: 4, perGoal: [{ goalId: 'id-1', epics: 3 }, { goalId: 'id-2', epics: 1 }] });
});

it('the macro shows a KPI value entered a minute ago, with the vision version it shows', async () => {
  const app = await published();
  data(await app.callBundled('admin', 'kpi/measure', { kpiId: 'id-3', date: new Date().toISOString().slice(0, 10), value: 950, note: '', baseRevision: 0 }));
  await app.forge().queue.drain();
  const macro = data(await app.callMacroBundled('viewer', 'macro/load', {}, PV_CONFIG));
  const kpi = macro.summary.goals.find((g: any) => g.id === 'id-1').kpis[0];
  expect(kpi).toMatchObject({ current: { value: 950 }, status: 'on-track' });
  expect(macro.summary).toMatchObject({ version: 1, changeNote: 'First.' });
  // Figures as of the refresh the measurement queued, later than the publish the vision text comes from.
  expect(macro.figuresAsOf > macro.summary.publishedAt).toBe(true);
  // The vision text stays at its published version: a draft saved since does not show.
  data(await app.callBundled('admin', 'vision/save', { ...visionInput(1), statement: 'A draft nobody published.' }));
  await app.forge().queue.drain();
  expect(data(await app.callMacroBundled('viewer', 'macro/load', {}, PV_CONFIG)).summary.vision.statement).toBe(visionInput().statement);
});

it('a goal added after publishing appears in the macro; a burst of changes costs one refresh', async () => {
  const app = await published();
  const platform = app.forge();
  const writes = () => app.site.calls['PUT /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}'] ?? 0;
  const before = writes();
  const added = data(await app.callBundled('admin', 'goal/create', { goal: goalInput({ title: 'Added after publishing' }), baseRevision: 3 })).goals.at(-1).id;
  data(await app.callBundled('admin', 'goal/update', { goalId: added, goal: goalInput({ title: 'Added after publishing, renamed' }), baseRevision: 4 }));
  // One refresh of the macro's figures and one of the portfolio row (each coalesced).
  expect(platform.queue.size).toBe(2);
  await platform.queue.drain();
  expect(writes() - before).toBe(1);
  const macro = data(await app.callMacroBundled('member', 'macro/load', {}, PV_CONFIG));
  expect(macro.summary.goals.map((g: any) => g.title)).toContain('Added after publishing, renamed');
  // A change after the refreshes ran queues the next ones (the macro's figures, the portfolio row).
  data(await app.callBundled('admin', 'goal/delete', { goalId: added, baseRevision: 5 }));
  expect(platform.queue.size).toBe(2);
});
