/**
 * A decision made into Jira work: the issue's summary and description from the decision, the issue
 * property that names the decision (searchable through the manifest's `jira:entityProperty` aliases),
 * and the JQL that finds an iteration's issues, or one decision's, in one search.
 */
import type { DecisionKind } from '../../contract/post-launch/post-launch';
import { jqlString } from './kpi-jql';

/** The issue property on an issue made from a decision (declared in manifest.yml, `decision-issue-link`). */
export const DECISION_PROPERTY = 'product-vision-decision';

/** What the issue property holds: where the decision lives, and the attempt that made the issue. */
export interface DecisionPropertyValue {
  projectId: string;
  launchId: string;
  iterationId: string;
  decisionId: string;
  /** The claim's token: tells which attempt made the issue. */
  token: string;
  kind: DecisionKind;
  iterationName: string;
}

/** Jira keeps a summary to 255 characters on one line. */
export const SUMMARY_MAX = 255;

/**
 * The issue's summary: the decision's first line, shortened to Jira's limit at a word where it can be.
 * @example issueSummary('Add SMS as a second reset channel.\nAsk support first.') // 'Add SMS as a second reset channel.'
 */
export function issueSummary(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? text.trim();
  const flat = line.replace(/\s+/g, ' ');
  if (flat.length <= SUMMARY_MAX) return flat;
  const cut = flat.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > SUMMARY_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The description: the decision in full, and where it was taken.
 * @example issueDescription({ kind: 'next-step', text: 'Add SMS.' }, '+30 days', 'Portal 1.0') // 'Next step of iteration “+30 days” (Portal 1.0), recorded in Product Vision:\nAdd SMS.'
 */
export function issueDescription(decision: { kind: DecisionKind; text: string }, iterationName: string, launchName: string): string {
  const what = decision.kind === 'decision' ? 'Decision' : 'Next step';
  return `${what} of iteration “${iterationName}” (${launchName}), recorded in Product Vision:\n${decision.text}`;
}

/**
 * The issues made from an iteration's decisions (or from one decision): by the issue property, so an
 * issue moved to another project is still found, and one Jira made before the app recorded it too.
 * @example decisionIssuesJql('10000', { iterationId: 'it-1' }) // 'visionDecisionProject = "10000" AND visionDecisionIteration = "it-1"'
 */
export function decisionIssuesJql(projectId: string, scope: { iterationId: string } | { decisionId: string }): string {
  const which = 'iterationId' in scope ? `visionDecisionIteration = ${jqlString(scope.iterationId)}` : `visionDecision = ${jqlString(scope.decisionId)}`;
  return `visionDecisionProject = ${jqlString(projectId)} AND ${which}`;
}
