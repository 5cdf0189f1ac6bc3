/**
 * Which goals and KPIs the editor lists: the book's, plus any whose form is open although the item
 * was deleted meanwhile (by another tab or admin). Listing them keeps the form mounted, so what the
 * user typed stays and the form can offer to create the item again. React-free, to be tested alone.
 */
import type { Goal, GoalBook, Kpi } from '../../../src/contract/goals/model';

/** Open goal forms by goal id (the goal as it was when the form opened), `new` for an addition. */
export type GoalForms = ReadonlyMap<string, Goal | null>;
/** Open KPI forms by KPI id, `new:<goalId>` for an addition: the KPI and its goal as they were when it opened. */
export type KpiForms = ReadonlyMap<string, { kpi: Kpi | null; goal: Goal }>;

export interface ListedGoal {
  goal: Goal;
  /** The book's KPIs of the goal, plus KPIs deleted meanwhile whose edit form is open. */
  kpis: Kpi[];
  /** Deleted meanwhile; listed only because a form of it (or of one of its KPIs) is open. */
  gone: boolean;
}

/** @example listGoals(bookWithout(g1), new Map([['g1', g1]]), new Map()) // [..., { goal: g1, kpis: [], gone: true }] */
export function listGoals(book: GoalBook, goalForms: GoalForms, kpiForms: KpiForms): ListedGoal[] {
  const inBook = new Set(book.goals.map((g) => g.id));
  const kpiIds = new Set(book.kpis.map((k) => k.id));
  const goneKpis = [...kpiForms.values()].flatMap((f) => (f.kpi && !kpiIds.has(f.kpi.id) ? [f.kpi] : []));
  const kpisOf = (goalId: string) => [...book.kpis.filter((k) => k.goalId === goalId), ...goneKpis.filter((k) => k.goalId === goalId)];
  const listed: ListedGoal[] = book.goals.map((goal) => ({ goal, kpis: kpisOf(goal.id), gone: false }));
  const gone = new Map<string, Goal>();
  for (const g of goalForms.values()) if (g && !inBook.has(g.id)) gone.set(g.id, g);
  // A KPI form open under a goal that went too keeps that goal listed (as last seen), so the form stays.
  for (const f of kpiForms.values()) if (!inBook.has(f.goal.id) && !gone.has(f.goal.id)) gone.set(f.goal.id, f.goal);
  for (const goal of gone.values()) listed.push({ goal, kpis: kpisOf(goal.id), gone: true });
  return listed;
}
