import fc from 'fast-check';
import { emptyTally, passBuckets, tallyChild, tallyEpic, toSnapshot } from './alignment-tally';

const goals = [
  { id: 'g1', status: 'active' as const },
  { id: 'g2', status: 'achieved' as const },
  { id: 'g3', status: 'dropped' as const },
];
const link = (goalId: string) => ({ kind: 'link' as const, link: { goalId, setBy: '', setAt: '' } });

it('tallies epics per goal and unaligned ones by reason', () => {
  const t = emptyTally();
  expect(tallyEpic(t, link('g1'), goals)).toBe(true);
  tallyEpic(t, link('g1'), goals);
  tallyEpic(t, link('g2'), goals);
  expect(tallyEpic(t, link('g3'), goals)).toBe(false);
  tallyEpic(t, link('gone'), goals);
  tallyEpic(t, { kind: 'broken' }, goals);
  tallyEpic(t, { kind: 'none' }, goals);
  expect(t).toMatchObject({ epics: 7, aligned: 3, perGoal: { g1: 2, g2: 1 }, flags: { none: 1, 'goal-deleted': 1, 'goal-dropped': 1, 'broken-link': 1 } });
});

it('weights by open issues, and by story points only when the project uses them', () => {
  const t = emptyTally();
  tallyChild(t, true, null);
  tallyChild(t, false, null);
  expect(toSnapshot(t, '2026-03-04', 'now')).toMatchObject({ openIssueCoverage: 0.5, storyPointCoverage: null });
  tallyChild(t, true, 6);
  tallyChild(t, false, 2);
  expect(toSnapshot(t, '2026-03-04', 'now')).toMatchObject({ openIssueCoverage: 0.5, storyPointCoverage: 0.75 });
});

it('makes a snapshot with per-goal counts, most epics first', () => {
  const t = emptyTally();
  for (const g of ['g2', 'g1', 'g1']) tallyEpic(t, link(g), goals);
  tallyEpic(t, { kind: 'none' }, goals);
  expect(toSnapshot(t, '2026-03-04', '2026-03-04T02:00:00Z')).toEqual({
    date: '2026-03-04',
    takenAt: '2026-03-04T02:00:00Z',
    epics: 4,
    aligned: 3,
    unaligned: 1,
    coverage: 0.75,
    perGoal: [{ goalId: 'g1', epics: 2 }, { goalId: 'g2', epics: 1 }],
    openIssueCoverage: null,
    storyPointCoverage: null,
  });
});

it('adds up: aligned + flagged = epics, per-goal sums to aligned', () => {
  const parsed = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.constant({ kind: 'broken' as const }),
    fc.constantFrom('g1', 'g2', 'g3', 'gone').map(link),
  );
  fc.assert(
    fc.property(fc.array(parsed, { maxLength: 200 }), (epics) => {
      const t = emptyTally();
      for (const p of epics) tallyEpic(t, p, goals);
      const flagged = Object.values(t.flags).reduce((a, b) => a + b, 0);
      expect(t.aligned + flagged).toBe(t.epics);
      expect(Object.values(t.perGoal).reduce((a, b) => a + b, 0)).toBe(t.aligned);
    }),
  );
});

it('starts from zero everywhere', () => {
  expect(emptyTally()).toEqual({
    epics: 0,
    aligned: 0,
    perGoal: {},
    linked: {},
    flags: { none: 0, 'goal-deleted': 0, 'goal-dropped': 0, 'broken-link': 0 },
    openIssues: 0,
    openIssuesAligned: 0,
    storyPoints: 0,
    storyPointsAligned: 0,
    usesStoryPoints: false,
  });
});

it('counts only positive, finite story points', () => {
  const t = emptyTally();
  for (const points of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) tallyChild(t, true, points);
  expect(t).toMatchObject({ openIssues: 4, openIssuesAligned: 4, storyPoints: 0, storyPointsAligned: 0, usesStoryPoints: false });
  expect(toSnapshot(t, '2026-03-04', 'now').storyPointCoverage).toBeNull();
  tallyChild(t, false, 0.5);
  tallyChild(t, true, 1.5);
  expect(t).toMatchObject({ openIssues: 6, openIssuesAligned: 5, storyPoints: 2, storyPointsAligned: 1.5, usesStoryPoints: true });
  expect(toSnapshot(t, '2026-03-04', 'now')).toMatchObject({ openIssueCoverage: 5 / 6, storyPointCoverage: 0.75 });
});

it('orders goals by epics, most first, then by goal id', () => {
  const t = emptyTally();
  const many = [{ id: 'b', status: 'active' as const }, { id: 'a', status: 'active' as const }, { id: 'c', status: 'active' as const }, { id: 'd', status: 'active' as const }];
  for (const g of ['d', 'b', 'a', 'c', 'c', 'c', 'a', 'b']) tallyEpic(t, link(g), many);
  expect(toSnapshot(t, '2026-03-04', 'now').perGoal).toEqual([
    { goalId: 'c', epics: 3 },
    { goalId: 'a', epics: 2 },
    { goalId: 'b', epics: 2 },
    { goalId: 'd', epics: 1 },
  ]);
});

it('makes an empty snapshot without coverage figures', () => {
  expect(toSnapshot(emptyTally(), '2026-03-04', 'now')).toEqual({
    date: '2026-03-04',
    takenAt: 'now',
    epics: 0,
    aligned: 0,
    unaligned: 0,
    coverage: null,
    perGoal: [],
    openIssueCoverage: null,
    storyPointCoverage: null,
  });
});

describe('what a finished pass stores: epics by the goal id their link names', () => {
  it('counts every link by its goal id, whatever the goal’s state, and the epics naming none', () => {
    const t = emptyTally();
    for (const g of ['g1', 'g1', 'g2', 'g3', 'gone']) tallyEpic(t, link(g), goals);
    tallyEpic(t, { kind: 'broken' }, goals);
    tallyEpic(t, { kind: 'none' }, goals);
    expect(t.linked).toEqual({ g1: 2, g2: 1, g3: 1, gone: 1 });
    expect(passBuckets(t)).toEqual({ epics: 7, linked: { g1: 2, g2: 1, g3: 1, gone: 1 }, unlinked: 2 });
  });

  it('copies the counts (the tally can go on counting) and never answers a negative "unlinked"', () => {
    const t = emptyTally();
    tallyEpic(t, link('g1'), goals);
    const buckets = passBuckets(t);
    tallyEpic(t, link('g1'), goals);
    expect(buckets.linked).toEqual({ g1: 1 });
    // A tally read back without its links (stored before they were counted): every epic names none.
    expect(passBuckets({ ...emptyTally(), epics: 3, linked: undefined } as unknown as ReturnType<typeof emptyTally>)).toEqual({ epics: 3, linked: {}, unlinked: 3 });
    // More links than epics (a hand-edited tally): none unlinked, not a negative count.
    expect(passBuckets({ ...emptyTally(), epics: 1, linked: { g1: 3 } })).toEqual({ epics: 1, linked: { g1: 3 }, unlinked: 0 });
  });

  it('starts the links afresh on a tally that has none yet', () => {
    const t = { ...emptyTally(), linked: undefined } as unknown as ReturnType<typeof emptyTally>;
    tallyEpic(t, link('g2'), goals);
    tallyEpic(t, link('g2'), goals);
    expect(t.linked).toEqual({ g2: 2 });
  });
});
