/**
 * The published summary as read back from Jira. A project admin can write any project property
 * through Jira's REST API, so what the macro reads is checked like any other input: a value that is
 * not a summary is reported, never rendered.
 */
import * as z from 'zod/mini';
import { GOAL_STATUSES, KPI_DIRECTIONS } from '../goals/model';
import { BET_KINDS, type CurrentFigures, type LegacySummary, type PublishedSummary, type StoredSummary } from './publishing';

const str = (max = 40_000) => z.string().check(z.maxLength(max));
const num = z.number().check(z.refine(Number.isFinite, 'Not a number.'));
const nullableNum = z.nullable(num);

const kpiCurrent = z.nullable(z.object({ value: num, at: str(64) }));

const highlightCoverage = z.nullable(
  z.object({ epics: num, aligned: num, coverage: nullableNum, asOf: z.nullable(str(64)), epicName: z.optional(str(60)) }),
);
const highlightIteration = z.nullable(
  z.object({
    name: str(500),
    verdict: str(500),
    tone: z.enum(['success', 'warning', 'danger', 'neutral']),
    summary: str(),
    at: z.nullable(str(64)),
    stalledSince: z.optional(z.nullable(str(10))),
  }),
);

const kpi = z.object({
  id: str(64),
  name: str(500),
  unit: str(64),
  direction: z.enum(KPI_DIRECTIONS),
  baseline: num,
  target: nullableNum,
  bandLow: nullableNum,
  bandHigh: nullableNum,
  current: kpiCurrent,
  status: z.enum(['no-data', 'achieved', 'on-track', 'off-track']),
});
const goalFields = { id: str(64), title: str(500), status: z.enum(GOAL_STATUSES), targetDate: z.nullable(str(10)), kpis: z.array(kpi) };
const betFields = { kind: z.enum(BET_KINDS), text: str(), reviewBy: str(10) };
const account = str(128);

const common = {
  project: z.object({ id: str(32), key: str(300) }),
  version: z.int().check(z.minimum(1)),
  publishedAt: str(64),
  changeNote: str(),
  vision: z.object({ statement: str(), targetUsers: str(), problem: str(), valueProposition: str(), horizon: str() }),
  review: z.object({ cadenceDays: z.int(), dueOn: str(10) }),
  coverage: highlightCoverage,
  latestIteration: highlightIteration,
  versions: z.array(z.object({ version: z.int(), publishedAt: str(64), changeNote: str() })),
  truncated: z.boolean(),
};

/** Schema 2: people by account id only. */
export const publishedSummarySchema = z.object({
  ...common,
  schema: z.literal(2),
  publishedBy: z.object({ accountId: account }),
  bets: z.array(z.object({ ...betFields, ownerAccountId: z.nullable(account) })),
  goals: z.array(z.object({ ...goalFields, ownerAccountId: z.nullable(account) })),
});

/** Schema 1, written by earlier versions of the app: people by display name. */
export const legacySummarySchema = z.object({
  ...common,
  schema: z.literal(1),
  publishedBy: z.object({ accountId: account, displayName: z.nullable(str(500)) }),
  bets: z.array(z.object({ ...betFields, owner: z.nullable(str(500)) })),
  goals: z.array(z.object({ ...goalFields, owner: z.nullable(str(500)) })),
});

/** The summary (either schema), or null when the value is not one. */
export function readSummary(value: unknown): StoredSummary | null {
  const current = publishedSummarySchema.safeParse(value);
  if (current.success) return current.data as PublishedSummary;
  const legacy = legacySummarySchema.safeParse(value);
  return legacy.success ? (legacy.data as LegacySummary) : null;
}

/** The current figures property: goals (owners by account id), coverage, latest verdict. */
export const currentFiguresSchema = z.object({
  schema: z.literal(1),
  asOf: str(64),
  goals: z.array(z.object({ ...goalFields, ownerAccountId: z.nullable(account) })),
  coverage: highlightCoverage,
  latestIteration: highlightIteration,
  truncated: z.boolean(),
  /** When the project last heard from its users; absent in figures written before it was kept. */
  feedback: z.optional(z.nullable(z.object({ newestAt: z.nullable(str(64)), cadenceDays: z.int().check(z.minimum(1), z.maximum(365)) }))),
});

/** The current figures, or null when the value is absent or not one (written by hand, or by a newer schema). */
export function readFigures(value: unknown): CurrentFigures | null {
  const parsed = currentFiguresSchema.safeParse(value);
  return parsed.success ? (parsed.data as CurrentFigures) : null;
}
