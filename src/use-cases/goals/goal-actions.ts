/** Admin actions on goals and KPIs: each is one domain rule through `changeGoalBook`. */
import type { GoalFields, KpiFields } from '../../contract';
import { addGoal, addKpi, removeGoal, removeKpi, updateGoal, updateKpi } from '../../domain/goals/goal-book';
import type { Caller, Deps } from '../../ports';
import { changeGoalBook } from './change-goal-book';

type Base = { baseRevision: number };

export const createGoal = (deps: Deps, caller: Caller, input: Base & { goal: GoalFields }) => {
  const id = deps.ids.next();
  return changeGoalBook(deps, caller, input.baseRevision, (book, stamp) => addGoal(book, id, input.goal, stamp));
};

export const editGoal = (deps: Deps, caller: Caller, input: Base & { goalId: string; goal: GoalFields }) =>
  changeGoalBook(deps, caller, input.baseRevision, (book, stamp) => updateGoal(book, input.goalId, input.goal, stamp), {
    kind: 'goal',
    id: input.goalId,
  });

export const deleteGoal = (deps: Deps, caller: Caller, input: Base & { goalId: string; confirm?: boolean }) =>
  changeGoalBook(deps, caller, input.baseRevision, (book, stamp) =>
    removeGoal(book, input.goalId, input.confirm === true, stamp),
  );

export const createKpi = (deps: Deps, caller: Caller, input: Base & { kpi: KpiFields }) => {
  const id = deps.ids.next();
  return changeGoalBook(deps, caller, input.baseRevision, (book, stamp) => addKpi(book, id, input.kpi, stamp));
};

export const editKpi = (deps: Deps, caller: Caller, input: Base & { kpiId: string; kpi: KpiFields }) =>
  changeGoalBook(deps, caller, input.baseRevision, (book, stamp) => updateKpi(book, input.kpiId, input.kpi, stamp), {
    kind: 'kpi',
    id: input.kpiId,
    goalId: input.kpi.goalId,
  });

export const deleteKpi = (deps: Deps, caller: Caller, input: Base & { kpiId: string }) =>
  changeGoalBook(deps, caller, input.baseRevision, (book, stamp) => removeKpi(book, input.kpiId, stamp));
