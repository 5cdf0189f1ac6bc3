/**
 * Draft and published vision: shapes and payload schemas shared by the UI and the resolvers.
 *
 * Admins edit a draft (`vision/save`); `vision/publish` makes the draft the current published version.
 * Every published version is kept under its own key; the history diffs any two and an admin can
 * restore an old version as the new draft. The vision also records what it bets on (assumptions,
 * risks, technology bets, each with an owner and a review date) and a review cadence.
 */
import * as z from 'zod/mini';
import { LIMITS } from '../shared/limits';
import { dateSchema } from '../shared/dates';
import { textSchema as text } from '../shared/text';
import type { GoalStatus, KpiDirection, Vision, VisionFields } from './vision-basics';

export const BET_KINDS = ['assumption', 'risk', 'technology'] as const;
export type BetKind = (typeof BET_KINDS)[number];

export const BET_KIND_LABEL: Record<BetKind, string> = {
  assumption: 'Assumption',
  risk: 'Risk',
  technology: 'Technology bet',
};

export const DEFAULT_REVIEW_CADENCE_DAYS = 90;

export const PUBLISHING_LIMITS = {
  betText: 280,
  maxBets: 30,
  changeNote: LIMITS.changeNote,
  minCadenceDays: 7,
  maxCadenceDays: 730,
} as const;

/** Something the vision bets on, to be checked again by `reviewBy`. */
export interface VisionBet {
  id: string;
  kind: BetKind;
  text: string;
  ownerAccountId: string | null;
  /** YYYY-MM-DD */
  reviewBy: string;
}

/** The draft admins edit. `revision` counts draft saves (every save is kept, as before). */
export interface VisionDraft extends Vision {
  bets: VisionBet[];
  reviewCadenceDays: number;
  /** Set when the draft was made by restoring a published version. */
  restoredFrom?: number | null;
}

/** The fields a published version carries: what `vision/publish` copies from the draft. */
export interface PublishableVision extends VisionFields {
  bets: VisionBet[];
  reviewCadenceDays: number;
}

export interface PublishedVision extends PublishableVision {
  /** 1, 2, 3… counted per project. */
  version: number;
  publishedBy: string;
  /** ISO instant. */
  publishedAt: string;
  /** '' when the admin gave none. */
  changeNote: string;
  /** The draft revision it was published from; null for a vision saved before publishing existed. */
  draftRevision: number | null;
  /** True for the version made from a vision saved before drafts and publishing existed. */
  legacy?: boolean;
}

export interface PublishedVersionSummary {
  version: number;
  publishedBy: string;
  publishedAt: string;
  changeNote: string;
  /** The statement's first characters, for the list. */
  statement: string;
  legacy: boolean;
}

export interface VersionHistoryPage {
  versions: PublishedVersionSummary[];
  nextCursor: string | null;
}

/** Where the latest published summary stands in Jira (the project property the macro reads). */
export type SummarySync = 'written' | 'failed';

export interface PublishOutcome {
  published: PublishedVision;
  /** false: the draft had nothing new, so no version was made (the summary in Jira was refreshed). */
  created: boolean;
  summary: SummarySync;
  /** The review flags of the version now published. */
  review: ReviewFlags;
}

/**
 * The `details` of a CONFLICT from `vision/publish`, so the UI can say what happened and keep the note:
 * the draft changed since the admin opened it, or another admin published first (`winner` is the
 * version readers see now: its number, who and when).
 */
export type PublishConflict =
  | { reason: 'draft-changed'; current: VisionDraft; published: PublishedVision | null }
  | { reason: 'published-meanwhile'; current: PublishedVision | null; published: PublishedVision | null; winner: PublishWinner | null };

export interface PublishWinner {
  version: number;
  publishedBy: string;
  publishedAt: string;
  changeNote: string;
}

export interface RestoreOutcome {
  draft: VisionDraft;
  /** false: the draft already had this version's content, so nothing was written. */
  changed: boolean;
}

/* ---------- diff ---------- */

export type DiffOp = 'same' | 'add' | 'del';
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export type DiffField = keyof VisionFields | 'reviewCadenceDays';

export interface FieldDiff {
  field: DiffField;
  label: string;
  changed: boolean;
  before: string;
  after: string;
  /** Word-level: `same` + `del` rebuild `before`, `same` + `add` rebuild `after`. */
  segments: DiffSegment[];
}

export interface BetDiff {
  change: 'added' | 'removed' | 'changed' | 'same';
  before: VisionBet | null;
  after: VisionBet | null;
  /** Word-level diff of the bet's text. */
  segments: DiffSegment[];
}

export type VersionRef = number | 'draft';

export interface VersionRefInfo {
  ref: VersionRef;
  label: string;
  by: string;
  at: string;
  changeNote: string;
}

export interface VisionDiff {
  from: VersionRefInfo;
  to: VersionRefInfo;
  fields: FieldDiff[];
  bets: BetDiff[];
  /** Fields and bets that differ. */
  changes: number;
}

/* ---------- review ---------- */

export interface ReviewFlags {
  /** YYYY-MM-DD: the published version's date plus its review cadence. */
  dueOn: string;
  cadenceDays: number;
  /** Today is after `dueOn`. */
  overdue: boolean;
  /** Bets (assumptions, risks, technology bets) whose own review date has passed. */
  overdueBets: Array<Pick<VisionBet, 'id' | 'kind' | 'text' | 'reviewBy' | 'ownerAccountId'>>;
  flagged: boolean;
}

/* ---------- KPI status and project highlights (extension points) ---------- */

export interface KpiCurrent {
  value: number;
  /** ISO instant or date of the measurement. */
  at: string;
}

/** `no-data`: nothing measured yet; `achieved`: at or past the target (inside the band); `on-track`: moved the right way from the baseline; `off-track`: not. */
export type KpiStatusKind = 'no-data' | 'achieved' | 'on-track' | 'off-track';

export const KPI_STATUS_LABEL: Record<KpiStatusKind, string> = {
  'no-data': 'No measurement yet',
  achieved: 'Target reached',
  'on-track': 'On track',
  'off-track': 'Off track',
};

export interface CoverageHighlight {
  epics: number;
  aligned: number;
  /** aligned / epics, 0..1; null without epics. */
  coverage: number | null;
  asOf: string | null;
  /** What the project calls its epic level ("Epic", "Feature"); absent in summaries written before it was kept. */
  epicName?: string;
}

export interface IterationHighlight {
  name: string;
  /** The verdict in words, e.g. "Worked", "Mixed", "Did not work", "Too early to tell". */
  verdict: string;
  tone: 'success' | 'warning' | 'danger' | 'neutral';
  summary: string;
  at: string | null;
  /** YYYY-MM-DD: the iteration has ended and none follows it, so tracking stalled since that day; absent or null otherwise. */
  stalledSince?: string | null;
}

/**
 * What other features add to the project page and the published summary: alignment coverage, the
 * latest iteration's verdict, KPI measurements. Every field is optional; a feature that has nothing
 * leaves it out. Sources are listed in `src/use-cases/project/project-highlights.ts`.
 */
/** When the project last heard from its users (the newest feedback item's instant) and the cadence it expects. */
export interface FeedbackCadence {
  newestAt: string | null;
  cadenceDays: number;
}

export interface ProjectHighlights {
  coverage?: CoverageHighlight | null;
  latestIteration?: IterationHighlight | null;
  /** The latest measured value per KPI id. */
  kpiCurrent?: Record<string, KpiCurrent>;
  /** When the project last heard from its users, and how often it expects to. */
  feedback?: FeedbackCadence;
}

/* ---------- the published summary in Jira (read by the Confluence macro) ---------- */

/** Jira project property with the latest published summary; `.v<N>` holds version N's. */
export const SUMMARY_PROPERTY = 'product-vision.published';
export const versionSummaryProperty = (version: number): string => `${SUMMARY_PROPERTY}.v${version}`;
/** Jira refuses property values over 32,768 characters; the summary stays well under. */
export const SUMMARY_BUDGET_CHARS = 24_000;

export interface SummaryKpi {
  id: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline: number;
  target: number | null;
  bandLow: number | null;
  bandHigh: number | null;
  current: KpiCurrent | null;
  status: KpiStatusKind;
}

/** A goal as the summary stores it: its owner by account id, never by name (names stay in Jira's user directory). */
export interface SummaryGoal {
  id: string;
  title: string;
  status: GoalStatus;
  targetDate: string | null;
  ownerAccountId: string | null;
  kpis: SummaryKpi[];
}

export interface SummaryBet {
  kind: BetKind;
  text: string;
  reviewBy: string;
  ownerAccountId: string | null;
}

/**
 * What a publish writes to the project property. Schema 2 holds account ids only: a project property is
 * readable by everyone who can see the project, and a display name copied there would outlive a change
 * of name or a closed account. Schema 1 summaries (with names) are still read: see `LegacySummary`.
 */
export interface PublishedSummary {
  schema: 2;
  project: { id: string; key: string };
  version: number;
  publishedAt: string;
  publishedBy: { accountId: string };
  changeNote: string;
  vision: VisionFields;
  bets: SummaryBet[];
  review: { cadenceDays: number; dueOn: string };
  goals: SummaryGoal[];
  coverage: CoverageHighlight | null;
  latestIteration: IterationHighlight | null;
  /** Published versions, newest first (at most 20), for the macro's "pin a version" choice. */
  versions: Array<{ version: number; publishedAt: string; changeNote: string }>;
  /** Some text was shortened to keep the summary under Jira's property size limit. */
  truncated: boolean;
}

/**
 * The figures the macro shows as they are now, beside the published vision text: goals with their KPIs'
 * latest values and status, alignment coverage and the latest verdict. Written (as the app) to its own
 * project property after whatever changes them, one coalesced refresh at a time, under the same budget.
 */
export const FIGURES_PROPERTY = 'product-vision.figures';

export interface CurrentFigures {
  schema: 1;
  /** When these figures were read (ISO). */
  asOf: string;
  goals: SummaryGoal[];
  coverage: CoverageHighlight | null;
  latestIteration: IterationHighlight | null;
  /** Some goals, KPIs or names were shortened to stay under Jira's property size limit. */
  truncated: boolean;
  /** When the project last heard from its users and its cadence (absent in figures written before). */
  feedback?: FeedbackCadence | null;
}

/** A summary written before schema 2: owners and publisher by display name. Read, never written. */
export interface LegacySummary extends Omit<PublishedSummary, 'schema' | 'publishedBy' | 'bets' | 'goals'> {
  schema: 1;
  publishedBy: { accountId: string; displayName: string | null };
  bets: Array<Omit<SummaryBet, 'ownerAccountId'> & { owner: string | null }>;
  goals: Array<Omit<SummaryGoal, 'ownerAccountId'> & { owner: string | null }>;
}

/** Any summary the macro can read. */
export type StoredSummary = PublishedSummary | LegacySummary;

/* ---------- schemas ---------- */


const revision = z.int({ error: 'Revision must be a whole number.' }).check(z.minimum(0, 'Revision must not be negative.'));
const versionNumber = z
  .int({ error: 'Version must be a whole number.' })
  .check(z.minimum(1, 'Version must be 1 or more.'), z.maximum(1_000_000, 'No such version.'));

export const betSchema = z.strictObject({
  id: z.optional(z.string().check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Not a valid id.'))),
  kind: z.enum(BET_KINDS, { error: 'Kind must be assumption, risk or technology.' }),
  text: text('Text', PUBLISHING_LIMITS.betText, true),
  ownerAccountId: z.nullable(z.string().check(z.regex(/^[a-zA-Z0-9:_-]{1,128}$/, 'Not a valid account id.'))),
  reviewBy: dateSchema('Review date'),
});

export const betsSchema = z
  .array(betSchema, { error: 'Bets must be a list.' })
  .check(z.maxLength(PUBLISHING_LIMITS.maxBets, `At most ${PUBLISHING_LIMITS.maxBets} assumptions, risks and bets.`));

export const cadenceSchema = z
  .int({ error: 'Review cadence must be a whole number of days.' })
  .check(
    z.minimum(PUBLISHING_LIMITS.minCadenceDays, `Review at most every ${PUBLISHING_LIMITS.minCadenceDays} days.`),
    z.maximum(PUBLISHING_LIMITS.maxCadenceDays, `Review at least every ${PUBLISHING_LIMITS.maxCadenceDays} days.`),
  );

export const publishSchema = z.strictObject({
  changeNote: z.optional(text('Change note', PUBLISHING_LIMITS.changeNote)),
  /** The draft revision the admin is publishing. */
  baseRevision: revision,
});

export const versionsPageSchema = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(500))),
});

const versionRef = z.union([versionNumber, z.literal('draft')], { error: 'Pick a version number or "draft".' });

export const diffSchema = z.strictObject({ from: versionRef, to: versionRef });

export const restoreSchema = z.strictObject({ version: versionNumber, baseRevision: revision });

/* ---------- helpers shared by both sides ---------- */

export const PUBLISHABLE_FIELDS = ['statement', 'targetUsers', 'problem', 'valueProposition', 'horizon'] as const;

const sameBet = (a: VisionBet, b: VisionBet) =>
  a.id === b.id && a.kind === b.kind && a.text === b.text && a.ownerAccountId === b.ownerAccountId && a.reviewBy === b.reviewBy;

/** True when publishing `draft` over `published` would change nothing a reader sees. */
export function samePublishable(a: PublishableVision, b: PublishableVision): boolean {
  return (
    PUBLISHABLE_FIELDS.every((f) => a[f] === b[f]) &&
    a.reviewCadenceDays === b.reviewCadenceDays &&
    a.bets.length === b.bets.length &&
    a.bets.every((bet, i) => sameBet(bet, b.bets[i]!))
  );
}

/* ---------- resolver keys (answered by the Jira resolver) ---------- */

export interface PublishingApi {
  'vision/publish': { payload: z.infer<typeof publishSchema>; result: PublishOutcome };
  'vision/versions': { payload: z.infer<typeof versionsPageSchema>; result: VersionHistoryPage };
  'vision/diff': { payload: z.infer<typeof diffSchema>; result: VisionDiff };
  'vision/restore': { payload: z.infer<typeof restoreSchema>; result: RestoreOutcome };
}

export const PUBLISHING_KEYS = ['vision/publish', 'vision/versions', 'vision/diff', 'vision/restore'] as const satisfies ReadonlyArray<keyof PublishingApi>;
