/**
 * What a feedback item may be linked to: a goal, a KPI and an iteration of this project. Shared by
 * recording an item and by an admin's triage, so both refuse the same things with the same field errors.
 */
import type { FieldIssue } from '../../contract';
import type { GoalBook } from '../../contract/goals/model';
import type { Launch, LaunchBook } from '../../contract/post-launch/post-launch';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';

export interface FeedbackLinks {
  goalId: string | null;
  kpiId: string | null;
  iteration: { launchId: string; iterationId: string } | null;
}

/** The field errors (none when every link names something of this project) and the iteration's launch. */
export function checkFeedbackLinks(links: FeedbackLinks, goalBook: GoalBook, launchBook: LaunchBook): { fields: FieldIssue[]; launch: Launch | undefined } {
  const fields: FieldIssue[] = [];
  if (links.goalId && !goalBook.goals.some((g) => g.id === links.goalId)) fields.push({ path: 'goalId', message: 'This goal no longer exists.' });
  if (links.kpiId && !goalBook.kpis.some((k) => k.id === links.kpiId)) fields.push({ path: 'kpiId', message: 'This KPI was deleted.' });
  const launch = links.iteration ? findLaunch(launchBook, links.iteration.launchId) : undefined;
  if (links.iteration && !(launch && findIteration(launch, links.iteration.iterationId)))
    fields.push({ path: 'iteration', message: 'This iteration no longer exists.' });
  return { fields, launch };
}
