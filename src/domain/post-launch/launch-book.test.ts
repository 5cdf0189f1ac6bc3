import fc from 'fast-check';
import { POST_LAUNCH_LIMITS, type Iteration, type Launch, type LaunchBook } from '../../contract/post-launch/post-launch';
import { addDays } from './days';
import {
  addIteration,
  addLaunch,
  currentIteration,
  currentLaunch,
  iterationState,
  emptyLaunchBook,
  iterationIssues,
  lastEnd,
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

/** Several launches with several iterations each, so every change is checked for which item it touched. */
describe('a change touches exactly the launch and iteration it names', () => {
  const later = { by: 'acc-9', at: '2025-07-02T09:00:00.000Z' };
  const it3 = (prefix: string, date: string): Iteration[] =>
    presetIterations(date, '30-60-90', () => `x`).map((i, k) => ({ ...i, id: `${prefix}-${k + 1}` }));
  const three = () =>
    bookWith(
      launch({ id: 'a', name: 'A', versionId: null, date: '2025-01-10', iterations: it3('a', '2025-01-10') }),
      launch({ id: 'b', name: 'B', versionId: '1', versionName: 'B 1', date: '2025-06-30', iterations: it3('b', '2025-06-30') }),
      launch({ id: 'c', name: 'C', versionId: '2', versionName: 'C 1', date: '2025-03-01', iterations: it3('c', '2025-03-01') }),
    );
  const ok = (r: ReturnType<typeof addLaunch>) => {
    if (!r.ok) throw new Error(JSON.stringify(r.violation));
    return r.book;
  };
  const others = (book: LaunchBook, except: string) => book.launches.filter((l) => l.id !== except);

  it('starts empty, and stamps every change', () => {
    expect(emptyLaunchBook()).toEqual({ revision: 0, launches: [], updatedBy: null, updatedAt: null });
    const book = three();
    expect(book).toMatchObject({ revision: 3, updatedBy: 'acc-1', updatedAt: stamp.at });
    expect(ok(removeLaunch(book, 'a', later))).toMatchObject({ revision: 4, updatedBy: 'acc-9', updatedAt: later.at });
  });

  it('keeps launches newest date first, the later-created first on the same day', () => {
    const book = bookWith(
      launch({ id: 'early-made', versionId: null, date: '2025-05-01', createdAt: '2025-01-01T00:00:00.000Z' }),
      launch({ id: 'old-day', versionId: null, date: '2025-02-01', createdAt: '2025-06-01T00:00:00.000Z' }),
      launch({ id: 'late-made', versionId: null, date: '2025-05-01', createdAt: '2025-03-01T00:00:00.000Z' }),
    );
    expect(book.launches.map((l) => l.id)).toEqual(['late-made', 'early-made', 'old-day']);
  });

  it('removes only the launch named', () => {
    const book = three();
    const after = ok(removeLaunch(book, 'c', later));
    expect(after.launches).toEqual(others(book, 'c'));
    expect(removeLaunch(book, 'z', later)).toEqual({ ok: false, violation: { kind: 'not-found', message: 'This launch no longer exists.' } });
  });

  it('adds an iteration to the launch named only', () => {
    const book = three();
    const after = ok(addIteration(book, 'c', window('2025-06-01', '2025-06-01', 'June 1st'), later)); // one day
    expect(after.launches.find((l) => l.id === 'c')!.iterations.map((i) => [i.name, i.start, i.end])).toEqual([
      ['+30 days', '2025-03-02', '2025-03-31'],
      ['+60 days', '2025-04-01', '2025-04-30'],
      ['+90 days', '2025-05-01', '2025-05-30'],
      ['June 1st', '2025-06-01', '2025-06-01'],
    ]);
    expect(others(after, 'c')).toEqual(others(book, 'c'));
  });

  it('sorts iterations added out of order by start', () => {
    let book = bookWith(launch({ iterations: [] }));
    for (const w of [window('2025-09-01', '2025-09-30', 'Sep'), window('2025-07-01', '2025-07-31', 'Jul'), window('2025-08-01', '2025-08-31', 'Aug')])
      book = ok(addIteration(book, 'l1', w, stamp));
    expect(book.launches[0]!.iterations.map((i) => i.name)).toEqual(['Jul', 'Aug', 'Sep']);
  });

  it('edits only the iteration named, keeping its id, in the launch named', () => {
    const book = three();
    const after = ok(updateIteration(book, 'b', 'b-2', { name: 'Second month', start: '2025-07-31', end: '2025-08-20', versionId: '7', versionName: 'B 1.1' }, later));
    const b = after.launches.find((l) => l.id === 'b')!;
    const before = book.launches.find((l) => l.id === 'b')!;
    expect(b.iterations).toEqual([
      before.iterations[0],
      { id: 'b-2', name: 'Second month', start: '2025-07-31', end: '2025-08-20', versionId: '7', versionName: 'B 1.1' },
      before.iterations[2],
    ]);
    expect({ ...b, iterations: [] }).toEqual({ ...before, iterations: [] });
    expect(others(after, 'b')).toEqual(others(book, 'b'));
  });

  it('re-sorts an edited iteration by its new start', () => {
    const book = bookWith(launch({ iterations: [window('2025-07-01', '2025-07-10', 'First'), window('2025-08-01', '2025-08-10', 'Second')] }));
    const first = book.launches[0]!.iterations[0]!;
    const moved = ok(updateIteration(book, 'l1', first.id, { ...first, start: '2025-09-01', end: '2025-09-02' }, stamp));
    expect(moved.launches[0]!.iterations.map((i) => i.name)).toEqual(['Second', 'First']);
  });

  it('refuses an edit that breaks a window rule, and one that names what is gone', () => {
    const book = three();
    const fields = { name: 'x', start: '2025-08-01', end: '2025-08-10', versionId: null, versionName: null };
    expect(updateIteration(book, 'b', 'b-1', fields, later)).toEqual({
      ok: false,
      violation: {
        kind: 'invalid',
        message: 'Check the iteration’s dates.',
        fields: [{ path: 'iteration.start', message: 'Overlaps “+60 days” (2025-07-31 to 2025-08-29).' }],
      },
    });
    expect(updateIteration(book, 'z', 'b-1', fields, later)).toEqual({ ok: false, violation: { kind: 'not-found', message: 'This launch no longer exists.' } });
    expect(updateIteration(book, 'b', 'a-1', fields, later)).toEqual({ ok: false, violation: { kind: 'not-found', message: 'This iteration no longer exists.' } });
    expect(addIteration(book, 'z', window('2025-12-01', '2025-12-02'), later)).toEqual({ ok: false, violation: { kind: 'not-found', message: 'This launch no longer exists.' } });
    expect(addIteration(book, 'b', window('2025-06-30', '2025-06-30'), later)).toMatchObject({ ok: false, violation: { kind: 'invalid', message: 'Check the iteration’s dates.' } });
  });

  it('deletes only the iteration named, in the launch named', () => {
    const book = three();
    const after = ok(removeIteration(book, 'a', 'a-2', false, { feedback: 0, decisions: 0 }, later));
    const before = book.launches.find((l) => l.id === 'a')!;
    expect(after.launches.find((l) => l.id === 'a')!.iterations).toEqual([before.iterations[0], before.iterations[2]]);
    expect(others(after, 'a')).toEqual(others(book, 'a'));
    for (const [launchId, iterationId] of [['a', 'b-2'], ['z', 'a-2'], ['a', 'a-9']])
      expect(removeIteration(book, launchId!, iterationId!, true, { feedback: 0, decisions: 0 }, later)).toEqual({
        ok: false,
        violation: { kind: 'not-found', message: 'This iteration no longer exists.' },
      });
  });

  it('says what an iteration holds before deleting it, in words', () => {
    const book = three();
    const ask = (feedback: number, decisions: number) => removeIteration(book, 'b', 'b-1', false, { feedback, decisions }, later);
    expect(ask(1, 0)).toEqual({
      ok: false,
      violation: {
        kind: 'needs-confirmation',
        message: '“+30 days” has 1 feedback item. Deleting it unlinks them from the iteration.',
        details: { iterationId: 'b-1', feedback: 1, decisions: 0 },
      },
    });
    expect(!ask(0, 2).ok && (ask(0, 2) as { violation: { message: string } }).violation.message).toBe(
      '“+30 days” has 2 decisions. Deleting it unlinks them from the iteration.',
    );
    expect((ask(3, 1) as { violation: { message: string } }).violation.message).toBe(
      '“+30 days” has 3 feedback items and 1 decision. Deleting it unlinks them from the iteration.',
    );
    expect(ask(1, 1).ok).toBe(false);
    expect(ask(0, 0).ok).toBe(true);
  });
});

describe('boundaries', () => {
  const ahead = (today: string, days: number) => addLaunch(emptyLaunchBook(), launch({ versionId: null, date: addDays(today, days) }), today, stamp);

  it(`plans a launch up to ${POST_LAUNCH_LIMITS.launchAheadDays} days ahead, not a day more`, () => {
    expect(ahead('2025-07-01', POST_LAUNCH_LIMITS.launchAheadDays).ok).toBe(true);
    expect(ahead('2025-07-01', POST_LAUNCH_LIMITS.launchAheadDays + 1)).toEqual({
      ok: false,
      violation: { kind: 'invalid', message: 'Check the launch.', fields: [{ path: 'date', message: `A launch can be planned at most ${POST_LAUNCH_LIMITS.launchAheadDays} days ahead.` }] },
    });
  });

  it('names the launch a version is already recorded as', () => {
    const book = bookWith(launch({ id: 'first', name: 'Spring release', versionId: '10100', versionName: 'Portal 1.0' }));
    const again = (versionName: string | null) => addLaunch(book, launch({ id: 'second', versionId: '10100', versionName }), '2025-07-01', stamp);
    expect(again('Portal 1.0')).toEqual({
      ok: false,
      violation: { kind: 'invalid', message: 'Check the launch.', fields: [{ path: 'versionId', message: 'Portal 1.0 is already recorded as the launch “Spring release”.' }] },
    });
    expect(!again(null).ok && (again(null) as { violation: { fields: unknown } }).violation.fields).toEqual([
      { path: 'versionId', message: 'This version is already recorded as the launch “Spring release”.' },
    ]);
    // Launches without a version are never twins.
    expect(bookWith(launch({ id: 'x', versionId: null }), launch({ id: 'y', versionId: null })).launches).toHaveLength(2);
  });

  it(`stops at ${POST_LAUNCH_LIMITS.maxLaunches} launches and ${POST_LAUNCH_LIMITS.maxIterationsPerLaunch} iterations, saying so`, () => {
    const full: LaunchBook = { ...emptyLaunchBook(), launches: Array.from({ length: POST_LAUNCH_LIMITS.maxLaunches }, (_, i) => launch({ id: `l${i}`, versionId: null })) };
    expect(addLaunch(full, launch({ id: 'more', versionId: null }), '2025-07-01', stamp)).toEqual({
      ok: false,
      violation: { kind: 'limit', message: `A project can have at most ${POST_LAUNCH_LIMITS.maxLaunches} launches; delete an old one first.` },
    });
    const its = Array.from({ length: POST_LAUNCH_LIMITS.maxIterationsPerLaunch }, (_, i) => window(addDays('2025-07-01', i * 2), addDays('2025-07-01', i * 2)));
    const crowded = bookWith(launch({ iterations: its }));
    expect(addIteration(crowded, 'l1', window('2026-06-01', '2026-06-02'), stamp)).toEqual({
      ok: false,
      violation: { kind: 'limit', message: `A launch can have at most ${POST_LAUNCH_LIMITS.maxIterationsPerLaunch} iterations.` },
    });
    expect(addIteration(bookWith(launch({ iterations: its.slice(1) })), 'l1', window('2026-06-01', '2026-06-02'), stamp).ok).toBe(true);
  });

  it('takes one-day windows, touching windows and the farthest end, and refuses windows that share a day', () => {
    const l = launch({ iterations: [window('2025-08-01', '2025-08-10', 'Aug')] });
    expect(iterationIssues(l, window('2025-07-01', '2025-07-01'))).toEqual([]); // one day, the day after the launch
    expect(iterationIssues(l, window('2025-07-31', '2025-07-31'))).toEqual([]); // ends the day before Aug starts
    expect(iterationIssues(l, window('2025-08-11', '2025-08-12'))).toEqual([]); // starts the day after Aug ends
    const overlap = [{ path: 'iteration.start', message: 'Overlaps “Aug” (2025-08-01 to 2025-08-10).' }];
    expect(iterationIssues(l, window('2025-07-20', '2025-08-01'))).toEqual(overlap); // ends the day Aug starts
    expect(iterationIssues(l, window('2025-08-10', '2025-08-20'))).toEqual(overlap); // starts the day Aug ends
    expect(iterationIssues(l, window('2025-08-03', '2025-08-04'))).toEqual(overlap); // inside
    expect(iterationIssues(l, window('2025-07-03', '2025-09-04'))).toEqual(overlap); // around
    const reach = POST_LAUNCH_LIMITS.iterationReachDays;
    expect(iterationIssues(l, window('2026-01-01', addDays(l.date, reach)))).toEqual([]);
    expect(iterationIssues(l, window('2026-01-01', addDays(l.date, reach + 1)))).toEqual([
      { path: 'iteration.end', message: `An iteration ends at most ${reach} days after its launch.` },
    ]);
    expect(iterationIssues(l, window('2025-06-29', '2025-06-29'), undefined, 'x.')).toEqual([
      { path: 'x.start', message: 'An iteration starts after its launch (2025-06-30).' },
    ]);
    expect(iterationIssues(l, window('2025-07-05', '2025-07-04'))).toEqual([{ path: 'iteration.end', message: 'The end must not be before the start.' }]);
  });

  it('knows the last day of a launch’s iterations, whatever their order', () => {
    expect(lastEnd(launch({ iterations: [] }))).toBeNull();
    expect(lastEnd(launch({ iterations: [window('2025-07-01', '2025-07-05'), window('2025-09-01', '2025-09-05'), window('2025-08-01', '2025-08-05')] }))).toBe('2025-09-05');
  });

  it('takes a launch dated today as the current one, whatever the book’s order', () => {
    const at = (id: string, date: string) => launch({ id, versionId: null, date });
    const book: LaunchBook = { ...emptyLaunchBook(), launches: [at('old', '2025-01-01'), at('today', '2025-07-15'), at('next', '2025-09-01'), at('later', '2025-08-01')] };
    expect(currentLaunch(book, '2025-07-15')?.id).toBe('today');
    expect(currentLaunch(book, '2025-07-14')?.id).toBe('old');
    expect(currentLaunch({ ...book, launches: [at('next', '2025-09-01'), at('later', '2025-08-01')] }, '2025-07-14')?.id).toBe('later');
  });

  it('takes an iteration from its first day to its last, and the last started one between iterations', () => {
    const l = launch({ iterations: [window('2025-07-01', '2025-07-10', 'One'), window('2025-07-20', '2025-07-30', 'Two')] });
    expect(['2025-07-01', '2025-07-10', '2025-07-15', '2025-07-19', '2025-07-20', '2025-08-30'].map((d) => currentIteration(l, d)?.name)).toEqual([
      'One',
      'One',
      'One',
      'One',
      'Two',
      'Two',
    ]);
    expect(currentIteration(l, '2025-06-30')).toBeNull();
  });
});
