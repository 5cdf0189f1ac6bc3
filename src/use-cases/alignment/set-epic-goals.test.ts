/**
 * One goal on several epics (`alignment/set-goal-many`): a mixed batch where some epics cannot be
 * edited, are not epics (or not in the project), already serve the goal, or changed since the list was
 * loaded. Each gets its own outcome and reason; the ones set are written as the user, exactly as the
 * single picker writes them; the stored tally then equals a full recount, and the macro's figures are
 * asked to refresh once for the batch.
 */
import { GOAL_LINK_PROPERTY, type Result } from '../../contract';
import { ALIGNMENT_BATCH_MAX } from '../../contract/alignment/alignment';
import { createTestApp, goalInput, visionInput } from '../../../test/support/local-app';
import { readAlignmentTally } from '../../storage/alignment-tally';
import * as currentFigures from '../macro/current-figures';

const data = (r: Result<any>) => {
  if (!r.ok) throw new Error(`Expected success, got ${JSON.stringify(r.error)}`);
  return r.data;
};

/** PV published, goals id-1 (active) and id-2 (active), a full pass done (the tally exists). */
async function counted() {
  const app = createTestApp();
  data(await app.call('admin', 'vision/save', visionInput()));
  data(await app.call('admin', 'vision/publish', { baseRevision: 1 }));
  for (const [i, title] of ['Goal A', 'Goal B'].entries()) data(await app.call('admin', 'goal/create', { goal: goalInput({ title }), baseRevision: i }));
  data(await app.call('admin', 'alignment/rescan', {}));
  await app.queue.drain();
  return app;
}
type App = Awaited<ReturnType<typeof counted>>;

const link = (app: App, key: string) => app.site.issues.find((i) => i.key === key)!.properties.get(GOAL_LINK_PROPERTY);
const tallyOf = async (app: App) => {
  const { rev: _rev, updatedAt: _at, countedAt: _counted, ...counts } = (await readAlignmentTally({ store: app.store }, '10000'))! as any;
  return counts;
};

afterEach(() => jest.restoreAllMocks());

it('a mixed batch: each epic its outcome and reason; the tally equals a full recount; one figures refresh', async () => {
  const app = await counted();
  // PV-5 is in a status whose workflow denies editing; PV-6 already serves id-1 (someone set it a moment ago).
  app.site.issues.find((i) => i.key === 'PV-5')!.editDenied = true;
  data(await app.call('admin', 'alignment/set-goal', { issueKey: 'PV-6', goalId: 'id-1', baseGoalId: null }));
  // PV-7 was moved to id-2 by someone else after the member's list was loaded.
  data(await app.call('admin', 'alignment/set-goal', { issueKey: 'PV-7', goalId: 'id-2', baseGoalId: null }));
  const refreshes = jest.spyOn(currentFigures, 'figuresChanged');
  const linksBefore = { 'PV-5': link(app, 'PV-5'), 'PV-7': link(app, 'PV-7'), 'PV-9': link(app, 'PV-9') };

  const r = data(
    await app.call('member', 'alignment/set-goal-many', {
      goalId: 'id-1',
      epics: [
        { issueKey: 'PV-1', baseGoalId: null },
        { issueKey: 'PV-5', baseGoalId: null },
        { issueKey: 'PV-6', baseGoalId: null },
        { issueKey: 'PV-7', baseGoalId: null },
        { issueKey: 'PV-8', baseGoalId: 'retired-goal-2024' },
        { issueKey: 'PV-9', baseGoalId: null },
        { issueKey: 'MOB-1', baseGoalId: null },
        { issueKey: 'PV-999', baseGoalId: null },
      ],
    }),
  );
  expect(r.results.map((x: any) => [x.issueKey, x.outcome])).toEqual([
    ['PV-1', 'set'],
    ['PV-5', 'forbidden'],
    ['PV-6', 'already'],
    ['PV-7', 'conflict'],
    ['PV-8', 'set'],
    ['PV-9', 'not-epic'],
    ['MOB-1', 'not-found'],
    ['PV-999', 'not-found'],
  ]);
  const why = Object.fromEntries(r.results.map((x: any) => [x.issueKey, x.message]));
  expect(why['PV-5']).toBe("You can't edit PV-5, so you can't change its goal.");
  expect(why['PV-7']).toMatch(/^Someone else changed the goal of PV-7 since you opened it: it now serves “Goal B”/);
  expect(why['PV-9']).toMatch(/^PV-9 is a Story, not an epic/);
  expect(why['MOB-1']).toBe('There is no epic MOB-1 in PV that you can see.');
  expect(why['PV-1']).toBeNull();
  // A refused epic comes with its row as it is now, so the list can show it: PV-7 is aligned now (it leaves the list).
  expect(r.results.find((x: any) => x.issueKey === 'PV-5').row).toMatchObject({ key: 'PV-5', flag: 'none' });
  expect(r.results.find((x: any) => x.issueKey === 'PV-7').row).toBeNull();

  // Written as the single picker writes (as the member), and nothing else touched.
  expect(link(app, 'PV-1')).toMatchObject({ goalId: 'id-1', setBy: expect.any(String) });
  expect(link(app, 'PV-8')).toMatchObject({ goalId: 'id-1' });
  expect({ 'PV-5': link(app, 'PV-5'), 'PV-7': link(app, 'PV-7'), 'PV-9': link(app, 'PV-9') }).toEqual(linksBefore);

  // One refresh of the macro's figures for the batch, not one per epic.
  expect(refreshes).toHaveBeenCalledTimes(1);

  // The tally as the batch left it equals what a full pass counts from Jira.
  const afterBatch = await tallyOf(app);
  expect(afterBatch).toMatchObject({ linked: { 'id-1': 3, 'id-2': 1 } });
  data(await app.call('admin', 'alignment/rescan', {}));
  await app.queue.drain();
  expect(await tallyOf(app)).toEqual(afterBatch);
});

it('single changes ask for a refresh each (what the batch saves): the spy can tell', async () => {
  const app = await counted();
  const refreshes = jest.spyOn(currentFigures, 'figuresChanged');
  for (const key of ['PV-1', 'PV-2', 'PV-3']) data(await app.call('member', 'alignment/set-goal', { issueKey: key, goalId: 'id-2', baseGoalId: null }));
  expect(refreshes).toHaveBeenCalledTimes(3);
});

it('a batch where nothing changes writes nothing and asks for no refresh', async () => {
  const app = await counted();
  const before = await app.snapshot();
  const refreshes = jest.spyOn(currentFigures, 'figuresChanged');
  const r = data(await app.call('member', 'alignment/set-goal-many', { goalId: 'id-1', epics: [{ issueKey: 'PV-9', baseGoalId: null }, { issueKey: 'MOB-2', baseGoalId: null }] }));
  expect(r.results.map((x: any) => x.outcome)).toEqual(['not-epic', 'not-found']);
  expect(refreshes).not.toHaveBeenCalled();
  expect(await app.snapshot()).toEqual(before);
});

it('refuses the whole batch, changing nothing: a viewer, an outsider, a dropped or unknown goal, bad lists', async () => {
  const app = await counted();
  data(await app.call('admin', 'goal/update', { goalId: 'id-2', goal: goalInput({ title: 'Goal B', status: 'dropped' }), baseRevision: 2 }));
  const before = await app.snapshot();
  const links = app.goalLinks();
  const epics = [{ issueKey: 'PV-1', baseGoalId: null }];
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ issueKey: `PV-${i + 1}`, baseGoalId: null }));
  const cases: Array<[string, unknown, string, string?]> = [
    ['viewer', { goalId: 'id-1', epics }, 'FORBIDDEN'],
    ['outsider', { goalId: 'id-1', epics }, 'NO_ACCESS'],
    ['anonymous', { goalId: 'id-1', epics }, 'UNAUTHENTICATED'],
    ['member', { goalId: 'id-2', epics }, 'VALIDATION_FAILED', 'goalId'],
    ['member', { goalId: 'nope', epics }, 'VALIDATION_FAILED', 'goalId'],
    ['member', { goalId: 'id-1', epics: [] }, 'VALIDATION_FAILED', 'epics'],
    ['member', { goalId: 'id-1', epics: many(ALIGNMENT_BATCH_MAX + 1) }, 'VALIDATION_FAILED', 'epics'],
    ['member', { goalId: 'id-1', epics: [...epics, ...epics] }, 'VALIDATION_FAILED', 'epics'],
    ['member', { goalId: 'id-1', epics: [{ issueKey: 'pv-1', baseGoalId: null }] }, 'VALIDATION_FAILED', 'epics.0.issueKey'],
    ['member', { goalId: null, epics }, 'VALIDATION_FAILED', 'goalId'],
  ];
  for (const [role, payload, code, field] of cases) {
    const r = await app.call(role as never, 'alignment/set-goal-many', payload);
    expect({ role, payload: JSON.stringify(payload).slice(0, 80), code: r.ok ? 'ok' : r.error.code }).toEqual({ role, payload: JSON.stringify(payload).slice(0, 80), code });
    if (field && !r.ok) expect(r.error.fields?.map((f) => f.path)).toContain(field);
  }
  expect(await app.snapshot()).toEqual(before);
  expect(app.goalLinks()).toEqual(links);
});

it(`takes ${ALIGNMENT_BATCH_MAX} epics in one call, with two Jira calls per epic at most`, async () => {
  const app = await counted();
  const { addIssue } = await import('../../../devtools/simulated-jira');
  const keys = Array.from({ length: ALIGNMENT_BATCH_MAX }, (_, i) => addIssue(app.site, { projectKey: 'PV', type: 'Epic', summary: `Epic ${i}`, created: '2025-09-01T00:00:00Z' }).key);
  app.site.calls = {};
  const r = data(await app.call('member', 'alignment/set-goal-many', { goalId: 'id-1', epics: keys.map((issueKey) => ({ issueKey, baseGoalId: null })) }));
  expect(r.results.every((x: any) => x.outcome === 'set')).toBe(true);
  expect(app.site.calls).toEqual({
    'GET /rest/api/3/mypermissions': 1,
    'GET /rest/api/3/issue/{issueIdOrKey}': ALIGNMENT_BATCH_MAX,
    'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': ALIGNMENT_BATCH_MAX,
  });
});

it('through the bundle: the batch and the figures every surface reads agree', async () => {
  const app = await counted();
  const r = data(
    await app.callBundled('member', 'alignment/set-goal-many', {
      goalId: 'id-2',
      epics: ['PV-1', 'PV-2', 'PV-3'].map((issueKey) => ({ issueKey, baseGoalId: null })),
    }),
  );
  expect(r.results.map((x: any) => x.outcome)).toEqual(['set', 'set', 'set']);
  const report = data(await app.callBundled('member', 'alignment/report', {}));
  expect(report.headline).toMatchObject({ epics: 8, aligned: 3 });
});
