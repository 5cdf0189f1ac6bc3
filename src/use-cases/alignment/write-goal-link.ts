/**
 * The one path by which an epic's goal changes: check the goal against the epic's project, then
 * write (or delete) the issue property as the user, so Jira's own edit permission decides.
 */
import { fail, GOAL_LINK_PROPERTY, ok, type GoalBook, type GoalLink, type Result } from '../../contract';
import { checkGoalChoice } from '../../domain/alignment';
import type { Deps } from '../../ports';

export interface LinkTarget {
  issue: { id: string; key: string };
  project: { id: string; key: string };
  /** Does the epic hold the property now (valid or not)? Clearing an absent link writes nothing. */
  hasProperty: boolean;
  /** The goal id it names now, when valid: choosing it again writes nothing. */
  currentGoalId: string | null;
}

/** Checks `goalId` (null clears) without writing anything: VALIDATION_FAILED on `goalId`. */
export function checkChoice(book: GoalBook, goalId: string | null, projectKey: string): Result<null> {
  if (goalId === null) return ok(null);
  const problem = checkGoalChoice(book, goalId, projectKey);
  return problem ? fail('VALIDATION_FAILED', problem.message, { fields: [{ path: 'goalId', message: problem.message }] }) : ok(null);
}

/** Writes the link; answers the link now in place (null when cleared). */
export async function writeGoalLink(
  deps: Pick<Deps, 'jira' | 'clock'>,
  target: LinkTarget,
  goalId: string | null,
  accountId: string,
  previous: GoalLink | null,
): Promise<Result<GoalLink | null>> {
  if (goalId !== null && goalId === target.currentGoalId) return ok(previous);
  if (goalId === null && !target.hasProperty) return ok(null);
  const link: GoalLink | null = goalId === null ? null : { goalId, setBy: accountId, setAt: deps.clock.now().toISOString() };
  const outcome = link
    ? await deps.jira.setIssueProperty(target.issue.id, GOAL_LINK_PROPERTY, link)
    : await deps.jira.deleteIssueProperty(target.issue.id, GOAL_LINK_PROPERTY);
  if (outcome === 'forbidden') return fail('FORBIDDEN', `You can't edit ${target.issue.key}, so you can't change its goal.`);
  if (outcome === 'not-found')
    return fail('NOT_FOUND', `${target.issue.key} no longer exists, or you can no longer see or edit it. Nothing was changed.`);
  return ok(link);
}
