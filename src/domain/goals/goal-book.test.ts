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

/** Three goals and four KPIs, so every change can be checked for which item it touched and which it left alone. */
describe('a change touches exactly the item it names', () => {
  const later = { by: 'acc-9', at: '2026-11-26T08:00:00.000Z' };
  const build = () => {
    let book = emptyGoalBook();
    const steps = [
      (b: typeof book) => addGoal(b, 'g1', goal({ title: 'One', ownerAccountId: 'acc-2' }), stamp),
      (b: typeof book) => addGoal(b, 'g2', goal({ title: 'Two', ownerAccountId: null }), stamp),
      (b: typeof book) => addGoal(b, 'g3', goal({ title: 'Three', ownerAccountId: 'acc-3' }), stamp),
      (b: typeof book) => addKpi(b, 'k1', kpi('g1', { name: 'K one' }), stamp),
      (b: typeof book) => addKpi(b, 'k2', kpi('g2', { name: 'K two' }), stamp),
      (b: typeof book) => addKpi(b, 'k3', kpi('g1', { name: 'K three', direction: 'increase', baseline: 1, target: 2 }), stamp),
      (b: typeof book) => addKpi(b, 'k4', kpi('g3', { name: 'K four', direction: 'band', target: null, bandLow: 1, bandHigh: 2 }), stamp),
    ];
    for (const step of steps) {
      const r = step(book);
      if (!r.ok) throw new Error(JSON.stringify(r.violation));
      book = r.book;
    }
    return book;
  };
  const ok = (r: ReturnType<typeof addGoal>) => {
    if (!r.ok) throw new Error(JSON.stringify(r.violation));
    return r.book;
  };

  it('starts empty at revision 0, and counts every change with who made it and when', () => {
    expect(emptyGoalBook()).toEqual({ revision: 0, goals: [], kpis: [], updatedBy: null, updatedAt: null });
    const book = build();
    expect(book).toMatchObject({ revision: 7, updatedBy: 'acc-1', updatedAt: stamp.at });
    expect(ok(removeKpi(book, 'k2', later))).toMatchObject({ revision: 8, updatedBy: 'acc-9', updatedAt: later.at });
  });

  it('adds a goal with its fields, id and creator at the end, keeping the others', () => {
    const book = build();
    const after = ok(addGoal(book, 'g4', goal({ title: 'Four', status: 'achieved', targetDate: null }), later));
    expect(after.goals.slice(0, 3)).toEqual(book.goals);
    expect(after.goals[3]).toEqual({ ...goal({ title: 'Four', status: 'achieved', targetDate: null }), id: 'g4', createdAt: later.at, createdBy: 'acc-9' });
    expect(after.kpis).toEqual(book.kpis);
  });

  it('edits only the goal named, keeping its id and creation', () => {
    const book = build();
    const after = ok(updateGoal(book, 'g2', goal({ title: 'Two, renamed', status: 'dropped' }), later));
    expect(after.goals.map((g) => g.title)).toEqual(['One', 'Two, renamed', 'Three']);
    expect(after.goals[1]).toEqual({ ...goal({ title: 'Two, renamed', status: 'dropped' }), id: 'g2', createdAt: stamp.at, createdBy: 'acc-1' });
    expect([after.goals[0], after.goals[2]]).toEqual([book.goals[0], book.goals[2]]);
    expect(after.kpis).toEqual(book.kpis);
  });

  it('deletes only the goal named, with its own KPIs and no others', () => {
    const book = build();
    const asked = removeGoal(book, 'g1', false, later);
    expect(!asked.ok && asked.violation).toEqual({
      kind: 'needs-confirmation',
      message: 'Deleting this goal also deletes its 2 KPIs.',
      impact: { goalId: 'g1', kpis: [{ id: 'k1', name: 'K one' }, { id: 'k3', name: 'K three' }] },
    });
    const one = removeGoal(book, 'g2', false, later);
    expect(!one.ok && one.violation.message).toBe('Deleting this goal also deletes its 1 KPI.');
    const after = ok(removeGoal(book, 'g1', true, later));
    expect(after.goals.map((g) => g.id)).toEqual(['g2', 'g3']);
    expect(after.kpis.map((k) => k.id)).toEqual(['k2', 'k4']);
    expect(after.kpis).toEqual([book.kpis[1], book.kpis[3]]);
    expect(after.revision).toBe(book.revision + 1);
  });

  it('adds a KPI with its id at the end, keeping the others', () => {
    const book = build();
    const after = ok(addKpi(book, 'k5', kpi('g3', { name: 'K five' }), later));
    expect(after.kpis.slice(0, 4)).toEqual(book.kpis);
    expect(after.kpis[4]).toEqual({ ...kpi('g3', { name: 'K five' }), id: 'k5' });
    expect(after.goals).toEqual(book.goals);
  });

  it('edits only the KPI named, keeping its id, and may move it to another goal', () => {
    const book = build();
    const after = ok(updateKpi(book, 'k2', kpi('g3', { name: 'K two, moved', baseline: 20, target: 10 }), later));
    expect(after.kpis.map((k) => k.id)).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(after.kpis[1]).toEqual({ ...kpi('g3', { name: 'K two, moved', baseline: 20, target: 10 }), id: 'k2' });
    expect([after.kpis[0], after.kpis[2], after.kpis[3]]).toEqual([book.kpis[0], book.kpis[2], book.kpis[3]]);
    expect(after.goals).toEqual(book.goals);
  });

  it('refuses a KPI edit that breaks a rule, naming the field under "kpi.", and changes nothing', () => {
    const book = build();
    const r = updateKpi(book, 'k3', kpi('g1', { direction: 'increase', baseline: 5, target: 5 }), later);
    expect(!r.ok && r.violation).toEqual({
      kind: 'invalid',
      message: 'Check the KPI’s target.',
      fields: [{ path: 'kpi.target', message: 'To increase, the target must be above the baseline.' }],
    });
    const gone = updateKpi(book, 'k3', kpi('nope'), later);
    expect(!gone.ok && gone.violation).toEqual({
      kind: 'invalid',
      message: 'A KPI must belong to an existing goal.',
      fields: [{ path: 'kpi.goalId', message: 'This goal does not exist.' }],
    });
    const bad = addKpi(book, 'k5', kpi('g2', { direction: 'band', target: null, bandLow: 3, bandHigh: 3 }), later);
    expect(!bad.ok && bad.violation).toMatchObject({ kind: 'invalid', fields: [{ path: 'kpi.bandHigh' }] });
  });

  it('deletes only the KPI named', () => {
    const book = build();
    const after = ok(removeKpi(book, 'k3', later));
    expect(after.kpis).toEqual([book.kpis[0], book.kpis[1], book.kpis[3]]);
    expect(after.goals).toEqual(book.goals);
  });

  it('answers not-found, and changes nothing, for ids that are not in a book of several', () => {
    const book = build();
    const before = JSON.stringify(book);
    expect([
      updateGoal(book, 'g9', goal(), later),
      removeGoal(book, 'g9', true, later),
      updateKpi(book, 'k9', kpi('g1'), later),
      removeKpi(book, 'k9', later),
    ]).toEqual([
      { ok: false, violation: { kind: 'not-found', message: 'This goal no longer exists.' } },
      { ok: false, violation: { kind: 'not-found', message: 'This goal no longer exists.' } },
      { ok: false, violation: { kind: 'not-found', message: 'This KPI no longer exists.' } },
      { ok: false, violation: { kind: 'not-found', message: 'This KPI no longer exists.' } },
    ]);
    expect(JSON.stringify(book)).toBe(before);
  });

  it('lists each mentioned account once, goal owners first, skipping goals without one', () => {
    expect(mentionedAccounts(build())).toEqual(['acc-2', 'acc-3', 'acc-1']);
    expect(mentionedAccounts(emptyGoalBook())).toEqual([]);
  });
});

describe('limits', () => {
  it(`refuses a goal past ${LIMITS.maxGoals}, saying how many are allowed`, () => {
    const full = { ...emptyGoalBook(), goals: Array.from({ length: LIMITS.maxGoals }, (_, i) => ({ ...goal(), id: `g${i}`, createdAt: stamp.at, createdBy: 'acc-1' })) };
    expect(addGoal(full, 'one-more', goal(), stamp)).toEqual({ ok: false, violation: { kind: 'limit', message: `A project can have at most ${LIMITS.maxGoals} goals.` } });
    expect(addGoal({ ...full, goals: full.goals.slice(1) }, 'last', goal(), stamp).ok).toBe(true);
  });

  it(`refuses a KPI past ${LIMITS.maxKpis}, saying how many are allowed`, () => {
    const book = bookWithGoal();
    const full = { ...book, kpis: Array.from({ length: LIMITS.maxKpis }, (_, i) => ({ ...kpi('g1'), id: `k${i}` })) };
    expect(addKpi(full, 'one-more', kpi('g1'), stamp)).toEqual({ ok: false, violation: { kind: 'limit', message: `A project can have at most ${LIMITS.maxKpis} KPIs.` } });
    expect(addKpi({ ...full, kpis: full.kpis.slice(1) }, 'last', kpi('g1'), stamp).ok).toBe(true);
  });
});

describe('KPI direction rules, one by one', () => {
  it.each([
    ['a target at the baseline, to decrease', { direction: 'decrease', baseline: 10, target: 10 }, [['target', 'To decrease, the target must be below the baseline.']]],
    ['a target at the baseline, to increase', { direction: 'increase', baseline: 10, target: 10 }, [['target', 'To increase, the target must be above the baseline.']]],
    ['no target', { direction: 'increase', target: null }, [['target', 'A target is required.']]],
    ['an upper bound on a directional KPI', { direction: 'decrease', bandHigh: 5 }, [['bandLow', 'Only a band KPI has bounds.']]],
    ['a lower bound on a directional KPI', { direction: 'increase', baseline: 1, target: 2, bandLow: 0 }, [['bandLow', 'Only a band KPI has bounds.']]],
    ['a band without an upper bound', { direction: 'band', target: null, bandLow: 5 }, [['bandHigh', 'A band needs an upper bound.']]],
    ['a band without a lower bound', { direction: 'band', target: null, bandHigh: 5 }, [['bandLow', 'A band needs a lower bound.']]],
    ['a band without a lower bound, below zero', { direction: 'band', target: null, bandHigh: -5 }, [['bandLow', 'A band needs a lower bound.']]],
    ['a band without an upper bound, below zero', { direction: 'band', target: null, bandLow: -5 }, [['bandHigh', 'A band needs an upper bound.']]],
    ['a band of zero width', { direction: 'band', target: null, bandLow: 5, bandHigh: 5 }, [['bandHigh', 'The upper bound must be above the lower bound.']]],
    ['a band with a target', { direction: 'band', target: 3, bandLow: 1, bandHigh: 5 }, [['target', 'A band KPI has bounds, not a single target.']]],
    ['a band', { direction: 'band', target: null, bandLow: 1, bandHigh: 5 }, []],
    ['a decrease', { direction: 'decrease', baseline: 10, target: 9 }, []],
    ['an increase', { direction: 'increase', baseline: 10, target: 11 }, []],
  ] as const)('%s', (_name, over, expected) => {
    expect(kpiIssues(kpi('g1', over as Partial<KpiFields>))).toEqual(expected.map(([path, message]) => ({ path, message })));
  });
});
