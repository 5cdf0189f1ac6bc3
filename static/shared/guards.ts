/** Loose runtime checks for `error.details`, which the contract types as `unknown`. */
import type { GoalBook, GoalDeletionImpact, GoneDetails, Vision } from '../../src/contract/goals/model';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const isVision = (v: unknown): v is Vision =>
  isObj(v) && typeof v.revision === 'number' && typeof v.statement === 'string';

export const isGoalBook = (v: unknown): v is GoalBook =>
  isObj(v) && typeof v.revision === 'number' && Array.isArray(v.goals) && Array.isArray(v.kpis);

export const isDeletionImpact = (v: unknown): v is GoalDeletionImpact =>
  isObj(v) && typeof v.goalId === 'string' && Array.isArray(v.kpis);

/** CONFLICT details may be the document itself or wrap it (`{ current }`); accept both. */
export function conflictDocument<T>(details: unknown, guard: (v: unknown) => v is T): T | null {
  if (guard(details)) return details;
  if (isObj(details) && guard(details.current)) return details.current;
  return null;
}

/** NOT_FOUND details of a goal or KPI edit whose target was deleted meanwhile (with the book as it is now). */
export const isGone = (v: unknown): v is GoneDetails =>
  isObj(v) && isObj(v.gone) && typeof v.gone.id === 'string' && isGoalBook(v.current);
