/**
 * The one path by which goals and KPIs change: authorize as admin, check the base revision,
 * apply a pure domain rule, commit a new revision. Every goal and KPI action is a rule passed here.
 */
import type { GoalBook, GoneDetails } from '../../contract';
import { fail, ok, type Result } from '../../contract/shared/result';
import type { RuleOutcome, Stamp } from '../../domain/goals/goal-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { fitsInOneValue, violationResult } from '../../storage/document-rules';
import { registerProject } from '../alignment/register-project';
import { commitGoalBook, readGoalBook } from '../../storage/books';
import { figuresChanged } from '../macro/current-figures';

export type GoalBookRule = (book: GoalBook, stamp: Stamp) => RuleOutcome;

/** The goal or KPI an edit changes (a KPI with the goal the edit puts it under). */
export type EditTarget = { kind: 'goal'; id: string } | { kind: 'kpi'; id: string; goalId: string };

/** NOT_FOUND with what is gone and the book now, or null while the target exists. */
export function goneResult(book: GoalBook, target: EditTarget): Result<never> | null {
  const exists = target.kind === 'goal' ? book.goals.some((g) => g.id === target.id) : book.kpis.some((k) => k.id === target.id);
  if (exists) return null;
  const goalExists = target.kind === 'kpi' && book.goals.some((g) => g.id === target.goalId);
  const details: GoneDetails = { gone: { kind: target.kind, id: target.id, goalExists }, current: book };
  return fail('NOT_FOUND', `This ${target.kind === 'goal' ? 'goal' : 'KPI'} was deleted by someone else.`, { details });
}

export async function changeGoalBook(
  deps: Deps,
  caller: Caller,
  baseRevision: number,
  rule: GoalBookRule,
  target?: EditTarget,
): Promise<Result<GoalBook>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const book = await readGoalBook(deps, project.id);
  // Deleted meanwhile: merging the edit into a newer book cannot help, so this answer comes before CONFLICT.
  const gone = target ? goneResult(book, target) : null;
  if (gone) return gone;
  if (book.revision !== baseRevision)
    return fail('CONFLICT', 'Someone else changed the goals since you opened them.', { details: { current: book } });

  const outcome = rule(book, { by: accountId, at: deps.clock.now().toISOString() });
  if (!outcome.ok) {
    const v = outcome.violation;
    return violationResult(v.kind === 'needs-confirmation' ? { kind: v.kind, message: v.message, details: v.impact } : v);
  }
  if (!fitsInOneValue(outcome.book))
    return fail('LIMIT_REACHED', 'The goals and KPIs of this project have reached the storage limit; shorten some descriptions.');

  // The project now uses the app: the daily snapshot should visit it. Registered before the commit, so a
  // commit that stops half-way cannot leave a project with goals that the daily pass never visits.
  if (outcome.book.revision === 1) await registerProject(deps, project);
  const committed = await commitGoalBook(deps, project.id, outcome.book);
  if (!committed.ok)
    return (target && committed.current ? goneResult(committed.current, target) : null) ??
      fail('CONFLICT', 'Someone else changed the goals since you opened them.', { details: { current: committed.current } });
  await figuresChanged(deps, project);
  return ok(committed.saved);
}
