import fc from 'fast-check';
import { POST_LAUNCH_LIMITS, type Iteration, type Launch } from '../../contract/post-launch/post-launch';
import { addDays } from './days';
import {
  addIteration,
  addLaunch,
  currentIteration,
  currentLaunch,
  iterationState,
  emptyLaunchBook,
  iterationIssues,
  presetIterations,
  removeIteration,
  removeLaunch,
  updateIteration,
} from './launch-book';

const stamp = { by: 'acc-1', at: '2025-07-01T10:00:00.000Z' };
let n = 0;
const newId = () => `it-${++n}`;

const launch = (over: Partial<Launch> = {}): Launch => ({
  id: 'l1',
  name: 'Portal 1.0',
  versionId: '10100',
  versionName: 'Portal 1.0',
  date: '2025-06-30',
  createdBy: 'acc-1',
  createdAt: stamp.at,
  iterations: presetIterations('2025-06-30', '30-60-90', newId),
  ...over,
});

const bookWith = (...ls: Launch[]) => {
  let book = emptyLaunchBook();
  for (const l of ls) {
    const r = addLaunch(book, l, '2025-07-01', stamp);
    if (!r.ok) throw new Error(JSON.stringify(r.violation));
    book = r.book;
  }
  return book;
};

const window = (start: string, end: string, name = 'Named'): Iteration => ({ id: newId(), name, start, end, versionId: null, versionName: null });

describe('presets', () => {
  it('makes +30/+60/+90 days as consecutive windows right after the launch day', () => {
    const its = presetIterations('2025-06-30', '30-60-90', newId);
    expect(its.map(({ name, start, end }) => [name, start, end])).toEqual([
      ['+30 days', '2025-07-01', '2025-07-30'],
      ['+60 days', '2025-07-31', '2025-08-29'],
      ['+90 days', '2025-08-30', '2025-09-28'],
    ]);
    expect(presetIterations('2025-06-30', 'none', newId)).toEqual([]);
  });

  it('never overlaps and always starts after the launch, whatever the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (offset) => {
        const date = addDays('2001-01-01', offset);
        const l = launch({ date, iterations: [] });
        let acc = l;
        for (const it of presetIterations(date, '30-60-90', newId)) {
          expect(iterationIssues(acc, it)).toEqual([]);
          acc = { ...acc, iterations: [...acc.iterations, it] };
        }
      }),
    );
  });
});

describe('launches', () => {
  it('keeps the book newest first and bumps its revision', () => {
    const book = bookWith(launch({ id: 'a', date: '2025-01-10', versionId: null }), launch({ id: 'b', date: '2025-06-30' }));
    expect(book.launches.map((l) => l.id)).toEqual(['b', 'a']);
    expect(book.revision).toBe(2);
  });

  it('launches a version once, and plans at most a year ahead', () => {
    const book = bookWith(launch());
    const twice = addLaunch(book, launch({ id: 'l2' }), '2025-07-01', stamp);
    expect(!twice.ok && twice.violation).toMatchObject({ kind: 'invalid', fields: [{ path: 'versionId' }] });
    const far = addLaunch(book, launch({ id: 'l3', versionId: null, date: '2026-12-31' }), '2025-07-01', stamp);
    expect(!far.ok && far.violation).toMatchObject({ kind: 'invalid', fields: [{ path: 'date' }] });
  });

  it('stops at the limit', () => {
    let book = emptyLaunchBook();
    for (let i = 0; i < POST_LAUNCH_LIMITS.maxLaunches; i++) {
      const r = addLaunch(book, launch({ id: `l${i}`, versionId: null }), '2025-07-01', stamp);
      if (!r.ok) throw new Error('setup');
      book = r.book;
    }
    const over = addLaunch(book, launch({ id: 'one-more', versionId: null }), '2025-07-01', stamp);
    expect(!over.ok && over.violation.kind).toBe('limit');
  });

  it('removes a launch, and says when it is already gone', () => {
    const book = bookWith(launch());
    const r = removeLaunch(book, 'l1', stamp);
    expect(r.ok && r.book.launches).toEqual([]);
    expect(!removeLaunch(book, 'nope', stamp).ok).toBe(true);
  });
});

describe('iterations', () => {
  it('refuses windows before the launch, inverted, too far, or overlapping, naming the field', () => {
    const l = launch();
    expect(iterationIssues(l, window('2025-06-30', '2025-07-05'))).toEqual([{ path: 'iteration.start', message: expect.stringContaining('after its launch') }]);
    expect(iterationIssues(l, window('2025-12-10', '2025-12-01'))).toEqual([{ path: 'iteration.end', message: expect.stringContaining('before the start') }]);
    expect(iterationIssues(l, window('2027-06-01', '2027-07-01'))).toEqual([{ path: 'iteration.end', message: expect.stringContaining('730 days') }]);
    expect(iterationIssues(l, window('2025-07-15', '2025-08-15'))).toEqual([{ path: 'iteration.start', message: expect.stringContaining('Overlaps “+30 days”') }]);
    expect(iterationIssues(l, window('2025-10-01', '2025-12-31'))).toEqual([]);
  });

  it('adds, edits (keeping start order) and deletes iterations', () => {
    const book = bookWith(launch());
    const added = addIteration(book, 'l1', window('2025-10-01', '2025-12-31', 'Q4'), stamp);
    if (!added.ok) throw new Error('add');
    expect(added.book.launches[0]!.iterations.map((i) => i.name)).toEqual(['+30 days', '+60 days', '+90 days', 'Q4']);
    const q4 = added.book.launches[0]!.iterations[3]!;
    const moved = updateIteration(added.book, 'l1', q4.id, { ...q4, start: '2025-09-29', end: '2025-09-30' }, stamp);
    expect(moved.ok && moved.book.launches[0]!.iterations.map((i) => i.start)).toEqual(['2025-07-01', '2025-07-31', '2025-08-30', '2025-09-29']);
    const self = updateIteration(added.book, 'l1', q4.id, { ...q4, name: 'Renamed' }, stamp);
    expect(self.ok).toBe(true); // its own window is not an overlap
    const gone = removeIteration(added.book, 'l1', q4.id, false, { feedback: 0, decisions: 0 }, stamp);
    expect(gone.ok && gone.book.launches[0]!.iterations).toHaveLength(3);
  });

  it('asks before deleting an iteration that holds feedback or decisions', () => {
    const book = bookWith(launch());
    const it = book.launches[0]!.iterations[0]!;
    const asked = removeIteration(book, 'l1', it.id, false, { feedback: 2, decisions: 1 }, stamp);
    expect(!asked.ok && asked.violation).toMatchObject({ kind: 'needs-confirmation', message: expect.stringContaining('2 feedback items and 1 decision') });
    expect(removeIteration(book, 'l1', it.id, true, { feedback: 2, decisions: 1 }, stamp).ok).toBe(true);
  });

  it('stops at the per-launch limit', () => {
    let book = bookWith(launch({ iterations: [] }));
    for (let i = 0; i < POST_LAUNCH_LIMITS.maxIterationsPerLaunch; i++) {
      const start = addDays('2025-07-01', i * 10);
      const r = addIteration(book, 'l1', window(start, addDays(start, 9)), stamp);
      if (!r.ok) throw new Error('setup');
      book = r.book;
    }
    const over = addIteration(book, 'l1', window('2026-06-01', '2026-06-02'), stamp);
    expect(!over.ok && over.violation.kind).toBe('limit');
  });
});

describe('current launch and iteration', () => {
  it('is the latest launch on or before today, else the next planned one', () => {
    const book = bookWith(launch({ id: 'old', versionId: null, date: '2025-01-01' }), launch({ id: 'new', versionId: null, date: '2025-06-30' }), launch({ id: 'next', versionId: null, date: '2025-09-01' }));
    expect(currentLaunch(book, '2025-07-15')?.id).toBe('new');
    expect(currentLaunch(book, '2024-12-01')?.id).toBe('old');
    expect(currentLaunch(emptyLaunchBook(), '2025-07-15')).toBeNull();
  });

  it('is the iteration running today, else the latest started, else none', () => {
    const l = launch();
    expect(currentIteration(l, '2025-08-01')?.name).toBe('+60 days');
    expect(currentIteration(l, '2026-01-01')?.name).toBe('+90 days');
    expect(currentIteration(l, '2025-06-30')).toBeNull();
  });
});

describe('iterationState: an iteration that has ended is never running', () => {
  const win = (id: string, start: string, end: string) => ({ id, name: id, start, end, versionId: null, versionName: null });
  const names = (s: ReturnType<typeof iterationState>) => ({ running: s.running?.id ?? null, latest: s.latest?.id ?? null, next: s.next?.id ?? null, stalledSince: s.stalledSince });

  it('a one-day iteration runs on its day only, and tracking stalls the day after', () => {
    const l = launch({ iterations: [win('a', '2025-07-01', '2025-07-01')] });
    expect(names(iterationState(l, '2025-06-30'))).toEqual({ running: null, latest: null, next: 'a', stalledSince: null });
    expect(names(iterationState(l, '2025-07-01'))).toEqual({ running: 'a', latest: 'a', next: null, stalledSince: null });
    expect(names(iterationState(l, '2025-07-02'))).toEqual({ running: null, latest: 'a', next: null, stalledSince: '2025-07-01' });
  });

  it('ending today is running; ending yesterday with nothing after it is stalled since yesterday', () => {
    const l = launch({ iterations: [win('a', '2025-07-01', '2025-07-30')] });
    expect(names(iterationState(l, '2025-07-30'))).toMatchObject({ running: 'a', stalledSince: null });
    expect(names(iterationState(l, '2025-07-31'))).toMatchObject({ running: null, latest: 'a', stalledSince: '2025-07-30' });
    // Five months on: still stalled since the same day, never current.
    expect(names(iterationState(l, '2025-12-31'))).toMatchObject({ running: null, stalledSince: '2025-07-30' });
  });

  it('touching windows hand over on the day: the next one runs the day after the first ends', () => {
    const l = launch({ iterations: [win('b', '2025-07-31', '2025-08-29'), win('a', '2025-07-01', '2025-07-30')] });
    expect(names(iterationState(l, '2025-07-30'))).toEqual({ running: 'a', latest: 'a', next: 'b', stalledSince: null });
    expect(names(iterationState(l, '2025-07-31'))).toEqual({ running: 'b', latest: 'b', next: null, stalledSince: null });
    expect(names(iterationState(l, '2025-08-30'))).toEqual({ running: null, latest: 'b', next: null, stalledSince: '2025-08-29' });
  });

  it('between two iterations nothing runs, and tracking has not stalled: the next one is planned', () => {
    const l = launch({ iterations: [win('a', '2025-07-01', '2025-07-10'), win('b', '2025-08-01', '2025-08-10')] });
    expect(names(iterationState(l, '2025-07-20'))).toEqual({ running: null, latest: 'a', next: 'b', stalledSince: null });
  });

  it('overlapping windows: the latest started of those running', () => {
    const l = launch({ iterations: [win('long', '2025-07-01', '2025-12-31'), win('short', '2025-08-01', '2025-08-10')] });
    expect(names(iterationState(l, '2025-08-05'))).toMatchObject({ running: 'short' });
    expect(names(iterationState(l, '2025-08-11'))).toMatchObject({ running: 'long', stalledSince: null });
  });

  it('stalled since the last day any iteration covered, not the latest started one’s end', () => {
    const l = launch({ iterations: [win('long', '2025-07-01', '2025-07-31'), win('short', '2025-07-05', '2025-07-10')] });
    expect(names(iterationState(l, '2025-08-05'))).toEqual({ running: null, latest: 'short', next: null, stalledSince: '2025-07-31' });
  });

  it('a launch without iterations has no state', () => {
    expect(names(iterationState(launch({ iterations: [] }), '2025-08-01'))).toEqual({ running: null, latest: null, next: null, stalledSince: null });
  });

  it('property: running holds today; stalled only when nothing runs or follows, since the latest end', () => {
    const day = fc.integer({ min: 0, max: 200 }).map((d) => addDays('2025-07-01', d));
    const window = fc.tuple(day, fc.integer({ min: 0, max: 60 })).map(([start, len]) => ({ start, end: addDays(start, len) }));
    fc.assert(
      fc.property(fc.array(window, { maxLength: 5 }), day, (windows, today) => {
        const l = launch({ iterations: windows.map((w, i) => win(`i${i}`, w.start, w.end)) });
        const s = iterationState(l, today);
        const holding = windows.filter((w) => w.start <= today && today <= w.end);
        expect(s.running === null).toBe(holding.length === 0);
        if (s.running) expect(s.running.start <= today && today <= s.running.end).toBe(true);
        const ahead = windows.some((w) => w.start > today);
        expect(s.next === null).toBe(!ahead);
        if (s.stalledSince !== null) {
          expect(holding).toEqual([]);
          expect(ahead).toBe(false);
          expect(s.stalledSince < today).toBe(true);
          expect(s.stalledSince).toBe(windows.filter((w) => w.start <= today).map((w) => w.end).sort().at(-1));
        } else expect(holding.length > 0 || ahead || windows.length === 0).toBe(true);
      }),
    );
  });
});
