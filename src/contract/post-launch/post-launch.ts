/**
 * Post-launch iteration tracking: launches, the iterations after them, KPI measurements (manual and
 * automatic from JQL), end-user feedback, decisions, and the outcome-vs-output verdict. Shapes and
 * constants shared by the UI and the resolvers. The payload schemas and resolver keys are in
 * ./post-launch-schemas (kept apart so that the UI bundles no schema it does not use).
 */
import type { Goal, Kpi } from '../goals/model';
import type { KpiStatusKind } from '../vision/publishing';

export const FEEDBACK_SOURCES = ['interview', 'survey', 'support', 'analytics', 'other'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const VERDICTS = ['toward', 'flat', 'away', 'no-data', 'not-comparable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DECISION_KINDS = ['decision', 'next-step'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const ITERATION_PRESETS = ['30-60-90', 'none'] as const;
export type IterationPreset = (typeof ITERATION_PRESETS)[number];

export const POST_LAUNCH_LIMITS = {
  launchName: 120,
  iterationName: 80,
  /** Jira allows 255 characters; the launch book keeps the first 60. */
  versionName: 60,
  /** With the other limits, the worst-case launch book (all names at their longest) stays under 240 KiB. */
  maxLaunches: 30,
  maxIterationsPerLaunch: 12,
  /** An iteration ends at most this many days after its launch, so a launch spans at most 3 calendar years. */
  iterationReachDays: 730,
  /** A launch date at most this many days ahead (a planned launch). */
  launchAheadDays: 366,
  measurementNote: 280,
  feedbackText: 2000,
  decisionText: 1000,
  jql: 1000,
  pageSize: 20,
} as const;

/**
 * How often a project expects to hear from its users: past this many days since the newest feedback,
 * the project page, the settings and the macro flag it.
 */
export const FEEDBACK_CADENCE = { defaultDays: 30, minDays: 1, maxDays: 365 } as const;

/**
 * A change smaller than this share of the KPI's range (baseline → target, or the band's width) is
 * "flat": noise is not progress.
 */
export const FLAT_TOLERANCE = 0.02;

/** The verdict rule, word for word as the UI states it. */
export const VERDICT_RULE =
  'For each KPI, an iteration compares its last measurement inside the iteration with the value it started from: ' +
  'the last measurement after the launch and before the iteration, or else the baseline captured at launch. ' +
  `It moved toward the target when it changed by more than ${FLAT_TOLERANCE * 100}% of the KPI's range (baseline to target, ` +
  'or the width of the band) in the direction of the target — for a band, when it got that much closer to the band. ' +
  'It moved away when it changed that much the other way, and it is flat when it changed less. ' +
  'No data: no measurement inside the iteration. The launch summary compares the latest iteration value with the baseline the same way. ' +
  'Not comparable: the KPI switched how it is measured (by hand or by a JQL count) between the two values, so they are on different scales. ' +
  'A value far outside the KPI’s range that nobody confirmed is left out.';

export const VERDICT_LABEL: Record<Verdict, string> = {
  toward: 'Moved toward target',
  flat: 'Flat',
  away: 'Moved away',
  'no-data': 'No data',
  'not-comparable': 'Not comparable (measured differently)',
};

/**
 * A measurement more than this many times the KPI's baseline-to-target span away from that range is an
 * outlier: a person must confirm it, and until someone does the verdicts leave it out.
 */
export const OUTLIER_FACTOR = 10;

/** An outlier measurement: confirmed by the person who entered it (or an admin later), or not (a daily JQL count). */
export type OutlierMark = 'confirmed' | 'unconfirmed';

/** How a KPI is measured from a day on: by hand, or by a JQL count. */
export interface SourceSwitch {
  /** YYYY-MM-DD: the first day measured the new way. */
  date: string;
  to: 'manual' | 'jql';
}

export interface Iteration {
  id: string;
  name: string;
  /** YYYY-MM-DD, inclusive; after the launch date. */
  start: string;
  /** YYYY-MM-DD, inclusive. */
  end: string;
  /** When set, the output shipped is the done issues of this version rather than those resolved in the window. */
  versionId: string | null;
  versionName: string | null;
}

export interface Launch {
  id: string;
  name: string;
  /** The Jira version launched, or null for a dated launch without a version. */
  versionId: string | null;
  versionName: string | null;
  /** YYYY-MM-DD */
  date: string;
  createdBy: string;
  createdAt: string;
  /** Sorted by start. */
  iterations: Iteration[];
}

/** All launches of a project: one stored document (bounded by the limits above). */
export interface LaunchBook {
  revision: number;
  /** Newest launch date first. */
  launches: Launch[];
  updatedBy: string | null;
  updatedAt: string | null;
}

/** NOT_FOUND details when an iteration being edited was deleted meanwhile: the form can add it again while its launch exists. */
export interface IterationGone {
  gone: { kind: 'iteration'; id: string; launchExists: boolean };
  current: LaunchBook;
}

export interface DayValue {
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

/** A KPI's baseline for a launch: its latest measurement at launch, or its defined baseline when it had none. */
export interface Baseline {
  value: number;
  /** Date of the measurement; null when `from` is `defined`. */
  date: string | null;
  from: 'measurement' | 'defined';
}

export interface SentimentCounts {
  positive: number;
  neutral: number;
  negative: number;
}

export interface KpiOutcome {
  kpiId: string;
  /** The value the iteration started from (`date` is null for a defined baseline). */
  open: { date: string | null; value: number; from: 'measurement' | 'baseline' } | null;
  /** The last measurement inside the iteration. */
  close: DayValue | null;
  /** Measurements inside the iteration. */
  measurements: number;
  change: number | null;
  verdict: Verdict;
}

export interface IterationOutcome {
  iterationId: string;
  kpis: KpiOutcome[];
  tally: Record<Verdict, number>;
  feedback: SentimentCounts;
  decisions: number;
}

export interface LaunchKpiSummary {
  kpiId: string;
  /** null: the KPI was created after the launch was recorded, so it was not tracked at this launch. */
  baseline: Baseline | null;
  /** The last value measured in the launch's iterations. */
  latest: DayValue | null;
  verdict: Verdict;
}

export interface LaunchSummary {
  launch: Launch;
  iterations: IterationOutcome[];
  kpis: LaunchKpiSummary[];
  /** The iteration running today; null when none is (an iteration that has ended is never current). */
  currentIterationId: string | null;
  /** The last day of the latest iteration when it has ended and none follows it: tracking stalled since then. */
  stalledSince: string | null;
}

/** Another project a KPI's JQL counts issues of (the admin who set it could browse it then). */
export interface OtherProject {
  id: string;
  key: string;
}

export interface KpiSource {
  kpiId: string;
  /**
   * The JQL; empty, with `hidden` set, for a viewer who may not browse every other project it names
   * (they see the counts only, never the query or a link to its issues).
   */
  jql: string;
  setBy: string;
  setAt: string;
  lastRun: { at: string; date: string; count: number | null; error: string | null } | null;
  /** Other projects the JQL spans; absent or empty: this project only. */
  otherProjects?: OtherProject[];
  /** True when `jql` (and a failed run's message) is withheld from this viewer. */
  hidden?: boolean;
}

export type GoalChoiceLite = Pick<Goal, 'id' | 'title' | 'status'>;

/** What the post-launch section shows when it opens (one invoke). */
export interface LaunchOverview {
  project: { id: string; key: string };
  canEdit: boolean;
  /** YYYY-MM-DD (UTC), the server's today. */
  today: string;
  launchBook: LaunchBook;
  kpis: Kpi[];
  goals: GoalChoiceLite[];
  /** The current launch's summary (the latest launch on or before today, else the next one). */
  selected: LaunchSummary | null;
  /** Automatic (JQL) measurement of KPIs; KPIs not listed are measured by hand. */
  sources: KpiSource[];
}

/** The answer to a change of launches or iterations. */
export interface LaunchChange {
  launchBook: LaunchBook;
  /** The summary of the launch the change was about; null when it was deleted. */
  selected: LaunchSummary | null;
}

export interface JiraVersionChoice {
  id: string;
  name: string;
  released: boolean;
  releaseDate: string | null;
  /** Already recorded as a launch. */
  launched: boolean;
}

export interface OutputShipped {
  /** The JQL of the done issues (for the link to Jira's search). */
  jql: string;
  /** Jira's approximate count; null when Jira could not count. */
  count: number | null;
  error: string | null;
  /** `window` (resolved in the iteration's dates) or `version` (the iteration's version). */
  basis: 'window' | 'version';
}

export interface MeasurementItem {
  kpiId: string;
  /** YYYY-MM-DD: one value per KPI per day. */
  date: string;
  /** null once deleted. */
  value: number | null;
  note: string;
  source: 'manual' | 'jql';
  /** Who entered, edited or deleted it; null for an automatic measurement. */
  by: string | null;
  at: string;
  revision: number;
  action: 'created' | 'edited' | 'deleted';
  /** Set when the value lies far outside the KPI's range (see OUTLIER_FACTOR). */
  outlier?: OutlierMark;
}

export interface MeasurementDetail {
  current: MeasurementItem | null;
  /** Every revision, newest first (the current one included), a page at a time. */
  history: MeasurementItem[];
  nextCursor: string | null;
  /** Display names of the people in `history`. */
  people: Array<{ accountId: string; displayName: string }>;
}

export interface ChartPoint extends DayValue {
  source: 'manual' | 'jql';
  hasNote: boolean;
  outlier?: OutlierMark;
}

export interface ChartMarkers {
  launches: Array<{ id: string; name: string; date: string }>;
  iterations: Array<{ launchId: string; id: string; name: string; start: string; end: string }>;
}

export interface KpiChart {
  kpi: Kpi;
  /** Calendar years loaded, oldest first (this year and the one before). */
  years: number[];
  points: ChartPoint[];
  /** The first year with any measurement of this KPI; null when it has none. */
  earliestYear: number | null;
  markers: ChartMarkers;
  today: string;
  /** Changes of how the KPI is measured in the years loaded, oldest first. */
  switches?: SourceSwitch[];
}

export interface ChartYear {
  year: number;
  points: ChartPoint[];
  switches?: SourceSwitch[];
}

/** What switching a KPI to a JQL would do, counted now as the admin, with nothing written. */
export interface JqlPreview {
  kpiId: string;
  /** Today's count of the JQL. */
  count: number;
  date: string;
  /** The KPI's latest value now (null: none yet) and its status from it. */
  latest: DayValue | null;
  statusNow: KpiStatusKind;
  /** The status once today's count is the latest value. */
  statusAfter: KpiStatusKind;
  /** The count lies far outside the KPI's range (it would be stored marked as an outlier). */
  outlier: boolean;
  /** Whether values before and after the switch are measured differently (verdicts then say "not comparable"). */
  changesScale: boolean;
}

export interface Feedback {
  id: string;
  source: FeedbackSource;
  text: string;
  sentiment: Sentiment;
  goalId: string | null;
  kpiId: string | null;
  launchId: string | null;
  iterationId: string | null;
  /** The epic it is about, when given from that epic's issue panel (absent on items stored before). */
  epicKey?: string | null;
  /** Who wrote it: the account of the invocation, never a payload's; for an item brought in from Jira, the issue's reporter (empty when it has none). */
  by: string;
  /** When it was recorded (for an item from Jira: when its issue was created). */
  at: string;
  /** The Jira issue an item was brought in from by a feedback source (see ./intake). */
  issue?: LinkedIssue;
  /** Brought in from Jira and not triaged by an admin yet. */
  untriaged?: boolean;
}

export interface LinkedIssue {
  id: string;
  key: string;
  /** The feedback source that brought it in. */
  sourceId: string;
}

export interface FeedbackPage {
  items: Feedback[];
  nextCursor: string | null;
  /** Who is reading (project lists only): authors may delete their own items, admins any and triage them. */
  reader?: { accountId: string; isAdmin: boolean };
}

/** When the project last heard from its users (defined beside the project highlights that carry it). */
export type { FeedbackCadence } from '../vision/publishing';

/** The Jira issue a decision became: created as the person who asked, so Jira's permissions applied. */
export interface DecisionIssueLink {
  id: string;
  key: string;
  /** The issue type chosen, by name, as it was when the issue was created. */
  typeName: string;
  at: string;
}

export interface Decision {
  id: string;
  launchId: string;
  iterationId: string;
  kind: DecisionKind;
  text: string;
  by: string;
  at: string;
  /** The Jira issue made from it; absent until someone creates one (one at most). */
  issue?: DecisionIssueLink;
}

/** A linked issue as Jira shows it to the viewer now. */
export interface DecisionIssueStatus {
  id: string;
  key: string;
  summary: string;
  status: { name: string; category: string } | null;
}

/**
 * The current state of the issues made from an iteration's decisions, from one Jira search as the viewer:
 * `found` by decision id (an issue the viewer cannot see, or deleted, is absent), or why Jira could not say.
 */
export type DecisionIssues = { ok: true; found: Record<string, DecisionIssueStatus> } | { ok: false; error: string };

export interface DecisionPage {
  items: Decision[];
  nextCursor: string | null;
  /** The status of the page's linked issues; absent when none of them is linked. */
  issues?: DecisionIssues;
}

/** An issue type the viewer may create in the project (Jira's create metadata, asked as them). */
export interface CreatableIssueType {
  id: string;
  name: string;
  /** 1 = epic level, 0 = standard. Subtasks are never offered: they need a parent. */
  hierarchyLevel: number;
}

/** One iteration's page: verdicts, output, first pages of feedback and decisions. */
export interface IterationView {
  project: { id: string; key: string };
  canEdit: boolean;
  today: string;
  launch: Launch;
  iteration: Iteration;
  /** Running today: the only iteration ever labelled current. */
  current: boolean;
  /** Its last day, when it ended last and nothing follows it: tracking stalled since then; else null. */
  stalledSince: string | null;
  outcome: IterationOutcome;
  /** null for a KPI not tracked at this launch (created after it was recorded). */
  baselines: Record<string, Baseline | null>;
  kpis: Kpi[];
  goals: GoalChoiceLite[];
  output: OutputShipped;
  feedback: FeedbackPage;
  decisions: DecisionPage;
  people: Array<{ accountId: string; displayName: string }>;
}

/** For the issue panel of an epic shipped in an iteration (done in its window, or in its version). */
export interface EpicIterationVerdict {
  launchId: string;
  launchName: string;
  iterationId: string;
  iterationName: string;
  start: string;
  end: string;
  /** How the epic counts as shipped in the iteration. */
  shippedBy: 'resolved-in-window' | 'version';
  /** The goal the epic serves, whose KPIs it is credited with; null: it serves none, so `kpis` is empty. */
  goal: { id: string; title: string } | null;
  tally: Record<Verdict, number>;
  /** The KPIs of `goal` only: an epic is never credited with another goal's movement. */
  kpis: Array<{ kpiId: string; name: string; verdict: Verdict }>;
}
