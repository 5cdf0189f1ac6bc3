import type { Goal, GoalBook, Kpi } from '../../../src/contract/goals/model';
import { listGoals, type GoalForms, type KpiForms } from './open-forms';

const goal = (id: string, title = id): Goal =>
  ({ id, title, description: '', ownerAccountId: null, status: 'active', targetDate: null, createdAt: 'T', createdBy: 'a' }) as Goal;
const kpi = (id: string, goalId: string): Kpi =>
  ({ id, goalId, name: id, unit: '', direction: 'increase', baseline: 1, target: 2, bandLow: null, bandHigh: null }) as Kpi;
const book = (goals: Goal[], kpis: Kpi[]): GoalBook => ({ revision: 3, goals, kpis, updatedBy: null, updatedAt: null });

const g1 = goal('g1', 'Cut calls');
const g2 = goal('g2', 'Grow');
const k1 = kpi('k1', 'g1');
const k2 = kpi('k2', 'g2');
const none: KpiForms = new Map();

describe('listGoals', () => {
  it('lists the book as it is when no form is open on something gone', () => {
    const listed = listGoals(book([g1, g2], [k1, k2]), new Map([['new', null]]), none);
    expect(listed.map((l) => [l.goal.id, l.kpis.map((k) => k.id), l.gone])).toEqual([
      ['g1', ['k1'], false],
      ['g2', ['k2'], false],
    ]);
  });

  it('keeps a goal deleted meanwhile while its edit form is open (as it was), so the typed values stay', () => {
    const forms: GoalForms = new Map([['g1', g1]]);
    const listed = listGoals(book([g2], [k2]), forms, none);
    expect(listed.map((l) => [l.goal.title, l.gone])).toEqual([
      ['Grow', false],
      ['Cut calls', true],
    ]);
    // Closed form: gone from the list.
    expect(listGoals(book([g2], [k2]), new Map(), none).map((l) => l.goal.id)).toEqual(['g2']);
  });

  it('keeps a KPI deleted meanwhile under its goal while its edit form is open', () => {
    const listed = listGoals(book([g1, g2], [k2]), new Map(), new Map([['k1', { kpi: k1, goal: g1 }]]));
    expect(listed.find((l) => l.goal.id === 'g1')).toEqual({ goal: g1, kpis: [k1], gone: false });
    expect(listed.find((l) => l.goal.id === 'g2')?.kpis).toEqual([k2]);
  });

  it('keeps the goal (as last seen) of a KPI form when the goal went with its KPIs, and lists it once', () => {
    const kpiForms: KpiForms = new Map([
      ['k1', { kpi: k1, goal: g1 }],
      ['new:g1', { kpi: null, goal: g1 }],
    ]);
    const listed = listGoals(book([g2], [k2]), new Map([['g1', g1]]), kpiForms);
    expect(listed.map((l) => [l.goal.id, l.kpis.map((k) => k.id), l.gone])).toEqual([
      ['g2', ['k2'], false],
      ['g1', ['k1'], true],
    ]);
  });
});
