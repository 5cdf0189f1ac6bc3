/**
 * The published summary as read back from Jira. A project admin can write any project property
 * through Jira's REST API, so what the macro reads is checked like any other input: a value that is
 * not a summary is reported, never rendered.
 */
import * as z from 'zod/mini';
import { GOAL_STATUSES, KPI_DIRECTIONS } from './model';
import { BET_KINDS, type PublishedSummary } from './publishing';

const str = (max = 40_000) => z.string().check(z.maxLength(max));
const num = z.number().check(z.refine(Number.isFinite, 'Not a number.'));
const nullableNum = z.nullable(num);

const kpiCurrent = z.nullable(z.object({ value: num, at: str(64) }));

const highlightCoverage = z.nullable(
  z.object({ epics: num, aligned: num, coverage: nullableNum, asOf: z.nullable(str(64)) }),
);
const highlightIteration = z.nullable(
  z.object({
    name: str(500),
    verdict: str(500),
    tone: z.enum(['success', 'warning', 'danger', 'neutral']),
    summary: str(),
    at: z.nullable(str(64)),
  }),
);

export const publishedSummarySchema = z.object({
  schema: z.literal(1),
  project: z.object({ id: str(32), key: str(300) }),
  version: z.int().check(z.minimum(1)),
  publishedAt: str(64),
  publishedBy: z.object({ accountId: str(128), displayName: z.nullable(str(500)) }),
  changeNote: str(),
  vision: z.object({ statement: str(), targetUsers: str(), problem: str(), valueProposition: str(), horizon: str() }),
  bets: z.array(z.object({ kind: z.enum(BET_KINDS), text: str(), reviewBy: str(10), owner: z.nullable(str(500)) })),
  review: z.object({ cadenceDays: z.int(), dueOn: str(10) }),
  goals: z.array(
    z.object({
      id: str(64),
      title: str(500),
      status: z.enum(GOAL_STATUSES),
      targetDate: z.nullable(str(10)),
      owner: z.nullable(str(500)),
      kpis: z.array(
        z.object({
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
        }),
      ),
    }),
  ),
  coverage: highlightCoverage,
  latestIteration: highlightIteration,
  versions: z.array(z.object({ version: z.int(), publishedAt: str(64), changeNote: str() })),
  truncated: z.boolean(),
});

/** The summary, or null when the value is not one. */
export function readSummary(value: unknown): PublishedSummary | null {
  const parsed = publishedSummarySchema.safeParse(value);
  return parsed.success ? (parsed.data as PublishedSummary) : null;
}
