/**
 * What the issue panel needs to know of its issue: the issue itself and the epic whose goal applies
 * (itself when it is an epic; its parent epic; for a subtask, its parent's epic). At most three reads.
 */
import { GOAL_LINK_PROPERTY } from '../../contract';
import { DECISION_PROPERTY } from '../../domain/post-launch/decision-issue';
import { isEpicLevel } from '../../domain/alignment/alignment';
import type { Deps, IssueField, JiraIssue } from '../../ports';

const FIELDS: IssueField[] = ['summary', 'issuetype', 'status', 'parent', 'project', 'resolutiondate', 'fixVersions'];
const read = (deps: Pick<Deps, 'jira'>, idOrKey: string) => deps.jira.getIssue(idOrKey, { fields: FIELDS, properties: [GOAL_LINK_PROPERTY, DECISION_PROPERTY] });

export interface PanelIssue {
  issue: JiraIssue;
  isEpic: boolean;
  /** null: no epic above it (or one the caller cannot see). */
  epic: JiraIssue | null;
}

/** null when the issue does not exist or the caller cannot see it. */
export async function readPanelIssue(deps: Pick<Deps, 'jira'>, issueId: string): Promise<PanelIssue | null> {
  const issue = await read(deps, issueId);
  if (!issue) return null;
  if (isEpicLevel(issue.type)) return { issue, isEpic: true, epic: issue };
  if (!issue.parent || (issue.parent.hierarchyLevel !== null && issue.parent.hierarchyLevel > 1)) return { issue, isEpic: false, epic: null };
  const parent = await read(deps, issue.parent.id);
  if (!parent) return { issue, isEpic: false, epic: null };
  if (isEpicLevel(parent.type)) return { issue, isEpic: false, epic: parent };
  // A subtask: the epic is its parent's parent.
  if (!parent.parent || (parent.parent.hierarchyLevel !== null && parent.parent.hierarchyLevel !== 1)) return { issue, isEpic: false, epic: null };
  const grandparent = await read(deps, parent.parent.id);
  return { issue, isEpic: false, epic: grandparent && isEpicLevel(grandparent.type) ? grandparent : null };
}
