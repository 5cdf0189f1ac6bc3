/**
 * The JQL behind every alignment figure, so that Jira does the filtering: counts cost one call
 * whatever the number of epics, lists page through only what they show. Ids are quoted, so no
 * value can change a query's meaning.
 */
import { GOAL_LINK_ALIAS } from '../../contract/alignment/goal-link';

/** `"10000"` — a JQL string literal; quotes and backslashes escaped. */
export const jqlString = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const list = (values: readonly string[]): string => `(${values.map(jqlString).join(', ')})`;

export interface EpicScope {
  projectId: string;
  /** Epic-level issue type ids of the project; must not be empty. */
  epicTypeIds: readonly string[];
}

/**
 * Every epic of the project.
 * @example epicsJql({ projectId: '10000', epicTypeIds: ['10000'] }) // 'project = "10000" AND issuetype in ("10000")'
 */
export const epicsJql = (scope: EpicScope): string => `project = ${jqlString(scope.projectId)} AND issuetype in ${list(scope.epicTypeIds)}`;

/**
 * Epics tied to one of `goalIds` (the active and achieved goals). With no such goal, nothing is aligned:
 * callers must not run it then (JQL has no empty list), so it answers null.
 * @example alignedJql(scope, ['g1']) // '… AND visionGoal in ("g1")'
 */
export const alignedJql = (scope: EpicScope, goalIds: readonly string[]): string | null =>
  goalIds.length === 0 ? null : `${epicsJql(scope)} AND ${GOAL_LINK_ALIAS} in ${list(goalIds)}`;

/**
 * Epics with no goal, a broken link, or a link to a goal that is gone or dropped, newest first.
 * `NOT IN` never matches an empty value in JQL, hence the `IS EMPTY` alternative.
 * @example unalignedJql(scope, []) // '… ORDER BY created DESC' (every epic)
 */
export function unalignedJql(scope: EpicScope, goalIds: readonly string[]): string {
  const filter = goalIds.length === 0 ? '' : ` AND (${GOAL_LINK_ALIAS} IS EMPTY OR ${GOAL_LINK_ALIAS} NOT IN ${list(goalIds)})`;
  return `${epicsJql(scope)}${filter} ORDER BY created DESC`;
}

/**
 * Open work items directly under epics (standard level), for weighting coverage by open issues and points.
 * @example openChildrenJql('10000', ['10001']) // 'project = "10000" AND issuetype in ("10001") AND parent IS NOT EMPTY AND statusCategory != Done'
 */
export const openChildrenJql = (projectId: string, standardTypeIds: readonly string[]): string =>
  `project = ${jqlString(projectId)} AND issuetype in ${list(standardTypeIds)} AND parent IS NOT EMPTY AND statusCategory != Done`;

/**
 * The epics tied to one goal, for Jira's issue search (the goal's "its epics" link): the manifest's
 * search alias, bounded to the project.
 * @example goalEpicsJql('10000', 'g1') // 'project = "10000" AND visionGoal = "g1" ORDER BY created DESC'
 */
export const goalEpicsJql = (projectId: string, goalId: string): string =>
  `project = ${jqlString(projectId)} AND ${GOAL_LINK_ALIAS} = ${jqlString(goalId)} ORDER BY created DESC`;
