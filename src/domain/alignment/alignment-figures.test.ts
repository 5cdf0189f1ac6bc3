import fc from 'fast-check';
import { applyGoalChange, epicsOfGoal, figuresOf, tallyFromPass, type AlignmentTally } from './alignment-figures';

const goals = [
  { id: 'g1', status: 'active' as const },
  { id: 'g2', status: 'achieved' as const },
  { id: 'g3', status: 'dropped' as const },
];
const start = (): AlignmentTally => tallyFromPass({ epics: 10, linked: { g1: 3, g2: 2, g3: 1, gone: 1 }, unlinked: 3, epicName: 'Feature' }, 'T0');

it('counts aligned epics against the goals as they are now: dropped and deleted goals are not aligned', () => {
  expect(figuresOf(start(), goals)).toEqual({
    epics: 10,
    aligned: 5,
    unaligned: 5,
    coverage: 0.5,
    perGoal: [{ goalId: 'g1', epics: 3 }, { goalId: 'g2', epics: 2 }],
    asOf: 'T0',
    countedAt: 'T0',
    epicName: 'Feature',
  });
  // Restoring g3 makes its epic count at once, with no recount.
  expect(figuresOf(start(), [...goals.slice(0, 2), { id: 'g3', status: 'active' }]).aligned).toBe(6);
});

it('sets, moves and clears goals, one epic at a time, and says when', () => {
  let t = start();
  t = applyGoalChange(t, null, 'g1', 'T1')!; // set
  expect(figuresOf(t, goals)).toMatchObject({ epics: 10, aligned: 6, unaligned: 4, asOf: 'T1', countedAt: 'T0' });
  t = applyGoalChange(t, 'g1', 'g2', 'T2')!; // move between goals
  expect(figuresOf(t, goals).perGoal).toEqual([{ goalId: 'g1', epics: 3 }, { goalId: 'g2', epics: 3 }]);
  t = applyGoalChange(t, 'g2', null, 'T3')!; // clear
  expect(figuresOf(t, goals)).toMatchObject({ aligned: 5, unaligned: 5, asOf: 'T3' });
  t = applyGoalChange(t, 'gone', 'g2', 'T4')!; // from a deleted goal to a live one
  expect(t.linked.gone).toBeUndefined();
  expect(figuresOf(t, goals)).toMatchObject({ epics: 10, aligned: 6 });
  expect(epicsOfGoal(t, 'g2')).toBe(3);
  expect(epicsOfGoal(t, 'nothing')).toBe(0);
});

it('changes nothing when the goal stays the same', () => {
  expect(applyGoalChange(start(), 'g1', 'g1', 'T1')).toBeNull();
  expect(applyGoalChange(start(), null, null, 'T1')).toBeNull();
});

it('counts an epic created after the last pass when its goal is first set', () => {
  const t = applyGoalChange(tallyFromPass({ epics: 2, linked: { g1: 2 }, unlinked: 0 }, 'T0'), null, 'g2', 'T1')!;
  expect(figuresOf(t, goals)).toMatchObject({ epics: 3, aligned: 3, unaligned: 0, coverage: 1 });
  expect(figuresOf(t, goals).epicName).toBe('Epic');
});

it('a full pass replaces the tally wholesale', () => {
  const changed = applyGoalChange(start(), null, 'g1', 'T1')!;
  const replaced = tallyFromPass({ epics: 4, linked: { g2: 1 }, unlinked: 3 }, 'T9', changed.rev);
  expect(figuresOf(replaced, goals)).toMatchObject({ epics: 4, aligned: 1, perGoal: [{ goalId: 'g2', epics: 1 }], asOf: 'T9', countedAt: 'T9' });
});

it('never loses or invents an epic, whatever the changes (property)', () => {
  const bucket = fc.constantFrom<string | null>(null, 'g1', 'g2', 'g3', 'gone');
  fc.assert(
    fc.property(fc.array(fc.tuple(bucket, bucket), { maxLength: 60 }), (moves) => {
      // Epics that exist, each with its bucket; every move takes an existing epic from where it is.
      const epics: Array<string | null> = ['g1', 'g1', 'g1', 'g2', 'g2', 'g3', 'gone', null, null, null];
      let t = start();
      for (const [pick, to] of moves) {
        const i = epics.findIndex((b) => b === pick);
        if (i < 0) continue;
        t = applyGoalChange(t, pick, to, 'T') ?? t;
        epics[i] = to;
      }
      const named = Object.values(t.linked).reduce((a, b) => a + b, 0);
      expect(t.epics).toBe(10);
      expect(named + t.unlinked).toBe(10);
      const f = figuresOf(t, goals);
      expect(f.aligned).toBe(epics.filter((b) => b === 'g1' || b === 'g2').length);
      expect(f.aligned + f.unaligned).toBe(f.epics);
    }),
  );
});
