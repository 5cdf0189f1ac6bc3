/** Builds the issue panel's answer from what was read; pure apart from its inputs. */
import { GOAL_LINK_PROPERTY, type GoalBook, type IssuePanelView, type IssueRef, type PanelFigures } from '../../contract';
import { epicsOfGoal, figuresOf, type AlignmentTally } from '../../domain/alignment/alignment-figures';
import { epicAlignment, goalChoices, parseGoalLink, visionLine, workItemFlag } from '../../domain/alignment/alignment';
import type { JiraIssue } from '../../ports';
import type { PanelIssue } from './panel-issue';

export const issueRef = (issue: JiraIssue): IssueRef => ({
  id: issue.id,
  key: issue.key,
  summary: issue.summary ?? '',
  typeName: issue.type?.name ?? '',
});

export function panelView(
  read: PanelIssue,
  project: { id: string; key: string },
  book: GoalBook,
  /** The published vision's statement (what the team reads; drafts are for admins). */
  visionStatement: string | null,
  canEdit: boolean,
): IssuePanelView {
  const alignment = read.epic ? epicAlignment(parseGoalLink(read.epic.properties[GOAL_LINK_PROPERTY]), book.goals) : null;
  return {
    project,
    issue: { ...issueRef(read.issue), isEpic: read.isEpic },
    epic: read.epic ? issueRef(read.epic) : null,
    goal: alignment?.goal ?? null,
    link: alignment?.link ?? null,
    flag: read.isEpic ? alignment!.flag : workItemFlag(alignment),
    canSetGoal: read.isEpic && canEdit,
    goalChoices: goalChoices(book),
    visionLine: visionLine(visionStatement),
  };
}

/** The project's figures for the panel, from the tally (null before the first full pass). */
export function panelFigures(tally: AlignmentTally | undefined, book: GoalBook, goalId: string | null): PanelFigures | null {
  if (!tally) return null;
  const { perGoal: _perGoal, countedAt: _countedAt, ...f } = figuresOf(tally, book.goals);
  return { ...f, goalEpics: goalId ? epicsOfGoal(tally, goalId) : null };
}
