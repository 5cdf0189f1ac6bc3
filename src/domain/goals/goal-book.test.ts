import fc from 'fast-check';
import type { GoalFields, KpiFields } from '../../contract';
import { LIMITS } from '../../contract';
import { addGoal, addKpi, emptyGoalBook, kpiIssues, mentionedAccounts, removeGoal, removeKpi, updateGoal, updateKpi } from './goal-book';

const stamp = { by: 'acc-1', at: '2026-11-25T10:00:00.000Z' };
const goal = (over: Partial<GoalFields> = {}): GoalFields => ({
  title: 'Cut onboarding time',
  description: '',
  ownerAccountId: 'acc-2',
  status: 'active',
  targetDate: '2027-06-30',
  ...over,
});
const kpi = (goalId: string, over: Partial<KpiFields> = {}): KpiFields => ({
  goalId,
  name: 'Days to first value',
  unit: 'days',
  direction: 'decrease',
  baseline: 14,
  target: 3,
  bandLow: null,
  bandHigh: null,
  ...over,
});

const bookWithGoal = () => {
  const r = addGoal(emptyGoalBook(), 'g1', goal(), stamp);
  if (!r.ok) throw new Error('setup');
  return r.book;
};

describe('goal book rules', () => {
  it('adds a goal and bumps the revision with who and when', () => {
    const r = addGoal(emptyGoalBook(), 'g1', goal(), stamp);
    expect(r.ok && r.book).toMatchObject({ revision: 1, updatedBy: 'acc-1', goals: [{ id: 'g1', createdBy: 'acc-1' }] });
  });

  it(`refuses a goal past ${LIMITS.maxGoals}`, () => {
    let book = emptyGoalBook();
    for (let i = 0; i < LIMITS.maxGoals; i++) {
      const r = addGoal(book, `g${i}`, goal(), stamp);
      if (r.ok) book = r.book;
    }
    const r = addGoal(book, 'one-more', goal(), stamp);
    expect(!r.ok && r.violation.kind).toBe('limit');
  });

  it('refuses a KPI for a goal that does not exist, naming the field', () => {
    const r = addKpi(bookWithGoal(), 'k1', kpi('nope'), stamp);
    expect(!r.ok && r.violation).toMatchObject({ kind: 'invalid', fields: [{ path: 'kpi.goalId' }] });
  });

  it('asks before deleting a goal that has KPIs, and lists them', () => {
    const withKpi = addKpi(bookWithGoal(), 'k1', kpi('g1'), stamp);
    if (!withKpi.ok) throw new Error('setup');
    const asked = removeGoal(withKpi.book, 'g1', false, stamp);
    expect(!asked.ok && asked.violation).toMatchObject({
      kind: 'needs-confirmation',
      impact: { goalId: 'g1', kpis: [{ id: 'k1', name: 'Days to first value' }] },
    });
    const done = removeGoal(withKpi.book, 'g1', true, stamp);
    expect(done.ok && done.book).toMatchObject({ goals: [], kpis: [] });
  });

  it('deletes a goal without KPIs straight away', () => {
    const r = removeGoal(bookWithGoal(), 'g1', false, stamp);
    expect(r.ok && r.book.goals).toEqual([]);
  });

  it('answers not-found for unknown goal and KPI ids', () => {
    const book = bookWithGoal();
    for (const r of [updateGoal(book, 'x', goal(), stamp), removeGoal(book, 'x', true, stamp), updateKpi(book, 'x', kpi('g1'), stamp), removeKpi(book, 'x', stamp)])
      expect(!r.ok && r.violation.kind).toBe('not-found');
  });

  it('lists the accounts a page mentions once each', () => {
    expect(mentionedAccounts(bookWithGoal()).sort()).toEqual(['acc-1', 'acc-2']);
  });
});

describe('KPI direction rules', () => {
  it.each([
    ['increase', 10, 5, 'target'],
    ['increase', 10, 10, 'target'],
    ['decrease', 10, 12, 'target'],
  ] as const)('%s from %d to %d is refused on %s', (direction, baseline, target, path) => {
    expect(kpiIssues(kpi('g1', { direction, baseline, target }))).toEqual([{ path, message: expect.any(String) }]);
  });

  it('needs a band with low below high, and no single target', () => {
    expect(kpiIssues(kpi('g1', { direction: 'band', target: null, bandLow: 5, bandHigh: 2 })).map((i) => i.path)).toEqual(['bandHigh']);
    expect(kpiIssues(kpi('g1', { direction: 'band', target: 3, bandLow: 1, bandHigh: 2 })).map((i) => i.path)).toEqual(['target']);
    expect(kpiIssues(kpi('g1', { direction: 'band', target: null, bandLow: null, bandHigh: null })).map((i) => i.path)).toEqual(['bandLow', 'bandHigh']);
  });

  it('accepts any target strictly on the right side of the baseline (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.double({ noNaN: true, min: 1e-6, max: 1e9 }), (baseline, gap) => {
        const up = baseline + gap;
        const down = baseline - gap;
        fc.pre(up > baseline && down < baseline);
        expect(kpiIssues(kpi('g1', { direction: 'increase', baseline, target: up }))).toEqual([]);
        expect(kpiIssues(kpi('g1', { direction: 'decrease', baseline, target: down }))).toEqual([]);
        expect(kpiIssues(kpi('g1', { direction: 'increase', baseline, target: down }))).not.toEqual([]);
        expect(kpiIssues(kpi('g1', { direction: 'decrease', baseline, target: up }))).not.toEqual([]);
      }),
    );
  });

  it('re-checks the rules when a KPI is edited', () => {
    const withKpi = addKpi(bookWithGoal(), 'k1', kpi('g1'), stamp);
    if (!withKpi.ok) throw new Error('setup');
    const r = updateKpi(withKpi.book, 'k1', kpi('g1', { target: 20 }), stamp);
    expect(!r.ok && r.violation.kind).toBe('invalid');
  });
});
