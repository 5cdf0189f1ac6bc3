/** One row of the unaligned list, from a searched (or read) epic and the goal book. */
import { GOAL_LINK_PROPERTY, type GoalBook, type UnalignedEpic } from '../../contract';
import { epicAlignment, parseGoalLink } from '../../domain/alignment/alignment';
import type { JiraIssue } from '../../ports';
import { issueRef } from './panel-view';

/** null when the epic is aligned after all (Jira's index and the property can briefly disagree). */
export function unalignedRow(epic: JiraIssue, book: GoalBook): UnalignedEpic | null {
  const { flag, link } = epicAlignment(parseGoalLink(epic.properties[GOAL_LINK_PROPERTY]), book.goals);
  if (flag === null) return null;
  return {
    ...issueRef(epic),
    created: epic.created ?? '',
    statusName: epic.status?.name ?? '',
    flag,
    staleGoalId: flag === 'goal-deleted' || flag === 'goal-dropped' ? (link?.goalId ?? null) : null,
  };
}
