/**
 * The stored alignment tally through the real set-goal paths: several goals and users, set, clear, move
 * between goals, users setting goals at the same moment (compare-and-set: no count lost), and a full pass
 * that replaces it wholesale (a link written in Jira behind the app's back counts from then on).
 */
import { GOAL_LINK_PROPERTY } from '../../contract';
import { figuresOf } from '../../domain/alignment/alignment-figures';
import { createTestApp, goalInput, panelOn, visionInput, type Role } from '../../../test/support/local-app';
import { moveEpicInTally, readAlignmentTally } from '../../storage/alignment-tally';
import { storageKeys } from '../../storage/keys';

const data = (r: { ok: boolean; data?: any; error?: any }) => {
  if (!r.ok) throw new Error(`Expected success, got ${JSON.stringify(r.error)}`);
  return r.data;
};

async function counted() {
  const app = createTestApp();
  data(await app.call('admin', 'vision/save', visionInput()));
  for (const [i, title] of ['Goal A', 'Goal B', 'Goal C'].entries())
    data(await app.call('admin', 'goal/create', { goal: goalInput({ title }), baseRevision: i }));
  data(await app.call('admin', 'alignment/rescan', {}));
  await app.queue.drain();
  return app;
}
type App = Awaited<ReturnType<typeof counted>>;

const setOnPanel = (app: App, role: Role, key: string, goalId: string | null) =>
  app.call(role, 'panel/set-goal', { goalId }, panelOn(app.issue(key)));
const setInReport = (app: App, role: Role, key: string, goalId: string | null, baseGoalId: string | null) =>
  app.call(role, 'alignment/set-goal', { issueKey: key, goalId, baseGoalId });
const figures = async (app: App) => {
  const tally = (await readAlignmentTally({ store: app.store }, '10000'))!;
  const goals = (await app.store.get<{ goals: Array<{ id: string; status: 'active' }> }>(storageKeys.goalBook('10000')))!.goals;
  return figuresOf(tally, goals);
};

it('a full pass leaves the tally every figure reads', async () => {
  const app = await counted();
  expect(await figures(app)).toMatchObject({ epics: 8, aligned: 0, unaligned: 8, perGoal: [] });
});

it('counts sets, moves and clears by several users, from the panel and the report', async () => {
  const app = await counted();
  data(await setOnPanel(app, 'admin', 'PV-1', 'id-1'));
  data(await setOnPanel(app, 'member', 'PV-2', 'id-1'));
  data(await setInReport(app, 'member', 'PV-3', 'id-2', null));
  data(await setInReport(app, 'admin', 'PV-4', 'id-3', null));
  expect(await figures(app)).toMatchObject({ epics: 8, aligned: 4, perGoal: [{ goalId: 'id-1', epics: 2 }, { goalId: 'id-2', epics: 1 }, { goalId: 'id-3', epics: 1 }] });
  data(await setInReport(app, 'admin', 'PV-1', 'id-2', 'id-1')); // move
  data(await setOnPanel(app, 'member', 'PV-4', null)); // clear
  data(await setOnPanel(app, 'member', 'PV-3', 'id-2')); // the same goal again: nothing moves
  expect(await figures(app)).toMatchObject({ epics: 8, aligned: 3, unaligned: 5, perGoal: [{ goalId: 'id-2', epics: 2 }, { goalId: 'id-1', epics: 1 }] });
});

it('a refused change moves nothing', async () => {
  const app = await counted();
  const before = await readAlignmentTally({ store: app.store }, '10000');
  expect((await setOnPanel(app, 'viewer', 'PV-1', 'id-1')).ok).toBe(false);
  expect((await setInReport(app, 'member', 'PV-1', 'id-1', 'id-2')).ok).toBe(false); // stale base: CONFLICT
  expect(await readAlignmentTally({ store: app.store }, '10000')).toEqual(before);
});

it('users setting goals at the same moment lose no count', async () => {
  const app = await counted();
  const keys = ['PV-1', 'PV-2', 'PV-3', 'PV-4', 'PV-5', 'PV-6'];
  const results = await Promise.all(keys.map((key, i) => (i % 2 ? setOnPanel(app, 'admin', key, 'id-1') : setInReport(app, 'member', key, 'id-2', null))));
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await figures(app)).toMatchObject({ epics: 8, aligned: 6, perGoal: [{ goalId: 'id-1', epics: 3 }, { goalId: 'id-2', epics: 3 }] });
});

it('the storage layer counts every one of many concurrent moves (compare-and-set on claim keys)', async () => {
  const app = await counted();
  const deps = { store: app.store };
  const start = (await readAlignmentTally(deps, '10000'))!;
  // The demo site's PV: 8 epics, one linked to a goal deleted long ago, 7 with no link.
  expect(start).toMatchObject({ epics: 8, unlinked: 7 });
  await Promise.all(Array.from({ length: 7 }, (_, i) => moveEpicInTally(deps, '10000', null, i % 2 ? 'id-1' : 'id-2', `T${i}`)));
  const tally = (await readAlignmentTally(deps, '10000'))!;
  expect(tally).toMatchObject({ epics: 8, unlinked: 0, linked: { 'id-1': 3, 'id-2': 4 } });
  expect(tally.rev).toBe(start.rev + 7);
});

it('nothing to move before the first full pass: the pass counts it', async () => {
  const app = createTestApp();
  data(await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 }));
  data(await setOnPanel(app, 'admin', 'PV-1', 'id-1'));
  expect(await readAlignmentTally({ store: app.store }, '10000')).toBeUndefined();
});

it('a rescan replaces the tally wholesale, counting links written in Jira behind its back', async () => {
  const app = await counted();
  data(await setOnPanel(app, 'admin', 'PV-1', 'id-1'));
  // Written straight to Jira (another tool, or the REST API): the tally cannot know until a pass.
  app.site.issues.find((i) => i.key === 'PV-2')!.properties.set(GOAL_LINK_PROPERTY, { goalId: 'id-3', setBy: 'x', setAt: '2026-01-01T00:00:00Z' });
  expect(await figures(app)).toMatchObject({ aligned: 1 });
  data(await app.call('admin', 'alignment/rescan', {}));
  await app.queue.drain();
  expect(await figures(app)).toMatchObject({ epics: 8, aligned: 2, perGoal: [{ goalId: 'id-1', epics: 1 }, { goalId: 'id-3', epics: 1 }] });
});
