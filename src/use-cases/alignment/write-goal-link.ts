/**
 * The one path by which an epic's goal changes: check the goal against the epic's project, then
 * write (or delete) the issue property as the user, so Jira's own edit permission decides.
 */
import { fail, GOAL_LINK_PROPERTY, ok, type GoalBook, type GoalLink, type Result } from '../../contract';
import { checkGoalChoice } from '../../domain/alignment/alignment';
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

/**
 * The message of a CONFLICT when the epic's goal is no longer the one the user saw (`baseGoalId`;
 * undefined: not given, no check); null when it is. Jira has no compare-and-set for properties, so
 * this is checked on the value read in the same invocation, just before the write.
 */
export function staleLinkMessage(book: GoalBook, issueKey: string, currentGoalId: string | null, baseGoalId: string | null | undefined): string | null {
  if (baseGoalId === undefined || baseGoalId === currentGoalId) return null;
  const goal = currentGoalId === null ? null : book.goals.find((g) => g.id === currentGoalId);
  const now = currentGoalId === null ? 'it has no goal now' : goal ? `it now serves “${goal.title}”` : 'it now names a goal that no longer exists';
  return `Someone else changed the goal of ${issueKey} since you opened it: ${now}. Check it, then choose again.`;
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
