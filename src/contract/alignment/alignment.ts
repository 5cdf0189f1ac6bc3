/**
 * Epic alignment: every epic (any issue type at hierarchy level 1) tied to a business goal through
 * an issue property, and the report of the ones that aren't. Shapes and payload schemas, shared.
 */
import * as z from 'zod/mini';
import type { Goal } from '../goals/model';
import type { EpicIterationVerdict } from '../post-launch/post-launch';

export { GOAL_LINK_ALIAS, GOAL_LINK_PROPERTY } from './goal-link';

export interface GoalLink {
  goalId: string;
  setBy: string;
  setAt: string;
}

/**
 * Why an issue shows the "Not tied to a business goal" flag:
 * `none` no goal set; `goal-deleted` its goal no longer exists; `goal-dropped` its goal was dropped;
 * `broken-link` the property holds something that is not a link (written by hand);
 * `no-epic` a work item with no parent epic; `epic-unaligned` a work item whose epic is flagged.
 */
export type AlignmentFlag = 'none' | 'goal-deleted' | 'goal-dropped' | 'broken-link' | 'no-epic' | 'epic-unaligned';

export interface IssueRef {
  id: string;
  key: string;
  summary: string;
  typeName: string;
}

export interface IssuePanelView {
  project: { id: string; key: string };
  issue: IssueRef & { isEpic: boolean };
  /** The epic whose goal applies: the issue itself when it is an epic, else its parent epic. */
  epic: IssueRef | null;
  goal: Goal | null;
  link: GoalLink | null;
  /** null when aligned. */
  flag: AlignmentFlag | null;
  /** May the caller set the goal of `epic` (edit permission on it)? Only true for an epic's own panel. */
  canSetGoal: boolean;
  /** Goals an epic can be tied to (active and achieved), for the picker. */
  goalChoices: Array<Pick<Goal, 'id' | 'title' | 'status'>>;
  /** The vision statement's first line, so the team sees why the work matters. */
  visionLine: string | null;
  /**
   * The verdict of the post-launch iteration this epic shipped in (done inside its window, or in its
   * version); absent or null when it shipped in none. Filled by `iterationVerdictForEpic`.
   */
  iterationVerdict?: EpicIterationVerdict | null;
  /** The project's alignment figures from the stored tally (what the report and the macro show); null before the first full pass. */
  figures?: PanelFigures | null;
  /** The iteration decision this issue was created from (its property, checked against the project's iterations); absent when none. */
  fromDecision?: DecisionOrigin | null;
}

/** Where an issue made from a decision came from: the decision's kind, its iteration and launch as named now. */
export interface DecisionOrigin {
  kind: 'decision' | 'next-step';
  iterationName: string;
  launchName: string;
}

export interface PanelFigures extends CoverageFigures {
  /** Epics serving the goal this issue's epic serves (null when it serves none). */
  goalEpics: number | null;
  asOf: string;
  /** What the project calls its epic level ("Epic", "Feature"). */
  epicName: string;
}

export interface CoverageFigures {
  epics: number;
  aligned: number;
  unaligned: number;
  /** aligned / epics, 0..1; null when the project has no epics. */
  coverage: number | null;
  /** When these figures were true (ISO): the stored tally's last change; absent for a live count. */
  asOf?: string | null;
}

export interface AlignmentPerGoal {
  goalId: string;
  epics: number;
}

export interface AlignmentSnapshot extends CoverageFigures {
  /** YYYY-MM-DD (UTC) of the pass. */
  date: string;
  takenAt: string;
  perGoal: AlignmentPerGoal[];
  /** Share of open child issues that sit under aligned epics; null when no open child issues. */
  openIssueCoverage: number | null;
  /** Share of story points under aligned epics; null when the project does not use story points. */
  storyPointCoverage: number | null;
}

export interface ScanProgress {
  state: 'running' | 'retrying' | 'done' | 'failed';
  startedAt: string;
  updatedAt: string;
  epicsSeen: number;
  /** From the headline count at start; progress = epicsSeen / epicsTotal. */
  epicsTotal: number;
  message: string | null;
  /** What the pass is doing: counting, reading epics, then their open child issues (for weighting), then saving. */
  phase?: ScanPhase;
  /** Open child issues read so far, and how many there were at the start (the second part of a pass). */
  childIssuesSeen?: number;
  childIssuesTotal?: number;
}

export type ScanPhase = 'counting' | 'epics' | 'child-issues' | 'saving';

export interface AlignmentReport {
  project: { id: string; key: string };
  /** From the stored tally (what the tile, the panel and the macro show too), with its `asOf`. */
  headline: CoverageFigures;
  /**
   * The latest complete snapshot (weighted coverage); its epics, per-goal counts and coverage are the
   * headline's (the stored tally), so every figure on the page is the same.
   */
  latest: AlignmentSnapshot | null;
  /** Coverage over time, oldest first, at most 90 points; the last point is today's headline. */
  trend: Array<{ date: string; coverage: number | null }>;
  scan: ScanProgress | null;
  canEdit: boolean;
  goalChoices: Array<Pick<Goal, 'id' | 'title' | 'status'>>;
  /** May the caller start a rescan (project admins)? */
  canRescan?: boolean;
  /** Goals changed after the latest snapshot was taken: its per-goal figures may be out of date. */
  snapshotStale?: boolean;
  /** What the project calls its epic level ("Epic", "Feature"). */
  epicName?: string;
}

/** Unaligned epics per `alignment/unaligned` page. */
export const ALIGNMENT_PAGE_SIZE = 50;

export interface UnalignedEpic extends IssueRef {
  created: string;
  statusName: string;
  flag: AlignmentFlag;
  /** The goal id the property names, when it names one that is gone or dropped. */
  staleGoalId: string | null;
}

export interface UnalignedPage {
  epics: UnalignedEpic[];
  nextCursor: string | null;
  /** May the caller edit epics' goals inline? (Jira still checks each epic on write.) */
  canEdit: boolean;
}

const goalId = z.string({ error: 'Must be a goal id.' }).check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Not a valid goal id.'));
const issueKey = z.string({ error: 'Must be an issue key.' }).check(z.regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9]\d{0,17}$/, 'Not a valid issue key.'));

/**
 * `baseGoalId`: the goal id the epic named when the user opened it (null: none, or a broken value). If
 * someone changed it since, the answer is CONFLICT with the epic as it is now. Required inline in the
 * report; on the panel the UI sends it, and the schema still takes a call without it (checked when given).
 */
export const panelSetGoalSchema = z.strictObject({ goalId: z.nullable(goalId), baseGoalId: z.optional(z.nullable(goalId)) });
export const setEpicGoalSchema = z.strictObject({ issueKey, goalId: z.nullable(goalId), baseGoalId: z.nullable(goalId) });
/** Epics per `alignment/set-goal-many` call: each costs up to two Jira calls as the user, within one invocation's 25 s. */
export const ALIGNMENT_BATCH_MAX = 50;

/**
 * One goal on several epics of the report's list. Each epic comes with the goal id its row showed
 * (`baseGoalId`, as in `alignment/set-goal`); keys are unique.
 */
export const setEpicGoalsSchema = z.strictObject({
  epics: z
    .array(z.strictObject({ issueKey, baseGoalId: z.nullable(goalId) }))
    .check(
      z.minLength(1, 'Choose at least one epic.'),
      z.maxLength(ALIGNMENT_BATCH_MAX, `At most ${ALIGNMENT_BATCH_MAX} epics at a time.`),
      z.refine((epics) => new Set(epics.map((e) => e.issueKey)).size === epics.length, 'Each epic once.'),
    ),
  goalId,
});

/**
 * What happened to one epic of a batch: `set` written; `already` it serves that goal already (nothing
 * written); `not-found` no such epic in this project that the user can see; `not-epic` not of the epic
 * level; `forbidden` Jira refused the write as the user; `conflict` someone else changed its goal since
 * the list was loaded; `failed` Jira did not answer (nothing written for it).
 */
export type BatchOutcome = 'set' | 'already' | 'not-found' | 'not-epic' | 'forbidden' | 'conflict' | 'failed';

export interface BatchEpicResult {
  issueKey: string;
  outcome: BatchOutcome;
  /** Why it was not set, in words; null for `set` and `already`. */
  message: string | null;
  /** For a refusal: the epic's row as it is now (null: it is aligned now, or it cannot be seen). */
  row?: UnalignedEpic | null;
}

export interface SetEpicGoalsResult {
  goalId: string;
  /** One per epic asked for, in the order asked. */
  results: BatchEpicResult[];
}

export const unalignedPageSchema = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(2000, 'Cursor too long.'))),
});
