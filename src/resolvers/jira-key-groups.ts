/**
 * The Jira resolver's keys by feature group. The deployed function loads a group's code on the first
 * call of one of its keys (src/index.ts), so a cold `project/load` does not load the import/export or
 * post-launch code. Plain literals, no contract values: this module is in the entry chunk and must
 * not pull in the schemas. The checks below keep it equal to the contract's JIRA_KEYS.
 */
import type { JIRA_KEYS } from '../contract/keys';

type JiraKey = (typeof JIRA_KEYS)[number];

export const JIRA_KEY_GROUPS = {
  vision: ['project/load', 'project/people', 'vision/save', 'vision/history', 'goal/create', 'goal/update', 'goal/delete', 'kpi/create', 'kpi/update', 'kpi/delete'],
  alignment: ['panel/load', 'panel/set-goal', 'alignment/report', 'alignment/unaligned', 'alignment/set-goal', 'alignment/set-goal-many', 'alignment/rescan'],
  publishing: ['vision/publish', 'vision/versions', 'vision/diff', 'vision/restore', 'vision/reader-view', 'vision/open-readers', 'vision/set-open-readers'],
  postLaunch: [
    'launch/overview',
    'launch/summary',
    'launch/versions',
    'launch/create',
    'launch/delete',
    'iteration/create',
    'iteration/update',
    'iteration/delete',
    'iteration/load',
    'iteration/decide',
    'iteration/decisions',
    'iteration/issue-types',
    'iteration/create-issue',
    'kpi/chart',
    'kpi/chart-year',
    'kpi/measure',
    'kpi/unmeasure',
    'kpi/measurement',
    'kpi/set-jql',
    'kpi/preview-jql',
    'kpi/confirm-outlier',
    'feedback/create',
    'feedback/list',
    'feedback/delete',
    'feedback/classify',
    'feedback/cadence',
  ],
  intake: ['intake/view', 'intake/add-source', 'intake/remove-source', 'intake/fetch', 'intake/triage'],
  portfolio: [
    'portfolio/load',
    'company-goal/choices',
    'company-goal/create',
    'company-goal/update',
    'company-goal/delete',
    'company-goal/editors',
    'company-goal/set-editors',
    'company-goal/find-principals',
    'goal/contribute',
  ],
  guidedGadget: ['guided/adopt-example', 'gadget/load', 'gadget/projects'],
  transfer: ['export/project', 'import/upload', 'import/check', 'import/run', 'import/rollback', 'import/status'],
} as const satisfies Record<string, readonly JiraKey[]>;

export type JiraKeyGroup = keyof typeof JIRA_KEY_GROUPS;

/** Fails to compile, naming the key, when a Jira key is in no group. */
type Ungrouped = Exclude<JiraKey, (typeof JIRA_KEY_GROUPS)[JiraKeyGroup][number]>;
export const EVERY_JIRA_KEY_GROUPED: [Ungrouped] extends [never] ? true : { ungrouped: Ungrouped } = true;
