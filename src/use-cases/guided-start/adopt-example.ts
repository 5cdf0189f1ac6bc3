/**
 * Adopts an example goal with its KPI in one click: one new goal-book revision through `changeGoalBook`
 * (admin only, base revision checked, the goal book's own rules), like any goal and KPI an admin adds.
 */
import type { GoalBook } from '../../contract';
import { fail, type Result } from '../../contract/shared/result';
import { exampleFields, kpiExample } from '../../domain/guided-start/templates';
import { addGoal, addKpi } from '../../domain/goals/goal-book';
import type { Caller, Deps } from '../../ports';
import { changeGoalBook } from '../goals/change-goal-book';

export async function adoptKpiExample(deps: Deps, caller: Caller, input: { exampleId: string; baseRevision: number }): Promise<Result<GoalBook>> {
  const example = kpiExample(input.exampleId);
  if (!example) return fail('VALIDATION_FAILED', 'Some fields need attention.', { fields: [{ path: 'exampleId', message: 'No such example.' }] });
  const goalId = deps.ids.next();
  const kpiId = deps.ids.next();
  const { goal, kpi } = exampleFields(example, goalId);
  return changeGoalBook(deps, caller, input.baseRevision, (book, stamp) => {
    const withGoal = addGoal(book, goalId, goal, stamp);
    if (!withGoal.ok) return withGoal;
    const withKpi = addKpi(withGoal.book, kpiId, kpi, stamp);
    // One change: one revision, however many rules it took.
    return withKpi.ok ? { ok: true, book: { ...withKpi.book, revision: book.revision + 1 } } : withKpi;
  });
}
