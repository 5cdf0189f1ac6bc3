/**
 * A new project's guided start, through the bundle `forge deploy` uploads: it shows every step to do,
 * the admin adopts the vision template and an example KPI, and the score moves as each step is done.
 */
import { createTestApp, type Role } from '../../../test/support/local-app';
import { ELEVATOR_PITCH } from '../../domain/guided-start/templates';
import type { GuidedStart } from '../../contract/guided-start/guided-start';
import { readGuidedStart } from './guided-start-queries';

const READS = ['get', 'query'];
const WRITES = ['set', 'setIfAbsent', 'delete', 'transact'];

/** The bundle runs on the platform's clock: dates are set relative to today. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('guided start of a new project', () => {
  const app = createTestApp();
  const count = (ops: string[]) => ops.reduce((n, op) => n + (app.store.calls[op] ?? 0), 0);
  const must = async (key: string, payload: unknown, role: Role = 'admin') => {
    const r = await app.callBundled(role, key as never, payload);
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const guided = async (role: Role = 'admin'): Promise<GuidedStart> => (await must('project/load', {}, role)).guidedStart;
  const done = (g: GuidedStart) => g.steps.filter((s) => s.done).map((s) => s.id);

  it('shows all six steps, none done, in the one project/load', async () => {
    const g = await guided();
    expect([g.done, g.of]).toEqual([0, 6]);
    expect(g.steps.map((s) => s.id)).toEqual(['vision', 'goals', 'alignment', 'iterations', 'feedback', 'shared']);
  });

  it('the vision template, saved and published through the vision draft, does the first step', async () => {
    await must('vision/save', { statement: ELEVATOR_PITCH, targetUsers: '', problem: '', valueProposition: '', horizon: '', baseRevision: 0 });
    expect((await guided()).done).toBe(0); // a draft is not a published vision
    await must('vision/publish', { baseRevision: 1 });
    const g = await guided();
    expect(done(g)).toEqual(['vision']);
    expect(g.steps[0]).toMatchObject({ published: true, overdue: false, dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect([day(89), day(90)]).toContain((g.steps[0] as { dueOn: string }).dueOn);
  });

  it('an example KPI adopted in one click is one goal-book revision, and does the goals step', async () => {
    const book = await must('guided/adopt-example', { exampleId: 'self-service', baseRevision: 0 });
    expect(book.revision).toBe(1);
    expect(book.goals.map((g: { title: string }) => g.title)).toEqual(['Let users help themselves']);
    expect(book.kpis).toEqual([expect.objectContaining({ name: 'Support requests per month', direction: 'decrease', goalId: book.goals[0].id })]);
    // The base revision is checked like any goal-book change: a stale one changes nothing.
    const stale = await app.callBundled('admin', 'guided/adopt-example', { exampleId: 'adoption', baseRevision: 0 });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    const member = await app.callBundled('member', 'guided/adopt-example', { exampleId: 'adoption', baseRevision: 1 });
    expect(!member.ok && member.error.code).toBe('FORBIDDEN');
    expect(done(await guided())).toEqual(['vision', 'goals']);
  });

  it('a non-admin opening the vision shares it: one write the first time, none after', async () => {
    const writes = count(WRITES);
    await guided('viewer');
    expect(count(WRITES) - writes).toBe(1);
    const again = count(WRITES);
    const g = await guided('member');
    expect(count(WRITES)).toBe(again);
    expect(done(g)).toEqual(['vision', 'goals', 'shared']);
  });

  it('feedback within the cadence and a launch with a started iteration do two more', async () => {
    await must('feedback/create', { source: 'survey', text: 'Found it myself.', sentiment: 'positive', goalId: null, kpiId: null, iteration: null });
    expect(done(await guided())).toEqual(['vision', 'goals', 'feedback', 'shared']);
    await must('launch/create', { name: 'Portal 2', versionId: null, date: day(-10), preset: '30-60-90', baseRevision: 0 });
    expect((await guided()).done).toBe(5);
  });

  it('alignment: 6 of 8 epics (75%) is not enough, 7 of 8 is', async () => {
    expect((await app.call('admin', 'alignment/rescan', {})).ok).toBe(true);
    await app.queue.drain();
    const goalId = (await must('project/load', {})).goalBook.goals[0].id;
    for (const n of [1, 2, 3, 4, 5, 6]) await must('alignment/set-goal', { issueKey: `PV-${n}`, goalId, baseGoalId: null });
    const six = await guided();
    expect(six.steps[2]).toMatchObject({ done: false, epics: 8, aligned: 6 });
    await must('alignment/set-goal', { issueKey: 'PV-7', goalId, baseGoalId: null });
    const seven = await guided();
    expect(seven.steps[2]).toMatchObject({ done: true, epics: 8, aligned: 7 });
    expect([seven.done, seven.of]).toEqual([6, 6]);
  });

  it('project/load reads 11 times here (2 of them for the guided start); readGuidedStart alone agrees and writes nothing', async () => {
    const before = count(READS);
    const loaded = await guided();
    // Vision (draft, head), goal book, highlights (tally + goals; latest values, launches, goals, digest), feedback, marker.
    expect(count(READS) - before).toBe(11);
    const [reads, writes] = [count(READS), count(WRITES)];
    const alone = await readGuidedStart({ store: app.store, clock: { now: () => new Date() } } as never, '10000');
    expect(alone).toEqual({ ...loaded, links: undefined });
    expect(count(WRITES)).toBe(writes);
    expect(count(READS) - reads).toBe(11);
  });
});
