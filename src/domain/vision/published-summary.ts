/**
 * The read-only summary a publish writes to the Jira project property that the Confluence macro reads:
 * vision, bets, goals with KPI status, alignment coverage and the latest iteration verdict when other
 * features provide them. People are named by account id only (schema 2): a project property is readable
 * by everyone who sees the project, so no display name is copied there. Always under `SUMMARY_BUDGET_CHARS` (Jira refuses values over 32,768
 * characters): when the full text would not fit, it is shortened step by step and marked `truncated`.
 */
import type { GoalBook } from '../../contract/goals/model';
import {
  SUMMARY_BUDGET_CHARS,
  type ProjectHighlights,
  type PublishedSummary,
  type PublishedVision,
  type SummaryGoal,
} from '../../contract/vision/publishing';
import { kpiStatus } from '../goals/kpi-status';
import { addDays, dayOf } from './vision-review';

export interface SummaryInput {
  project: { id: string; key: string };
  published: PublishedVision;
  goalBook: GoalBook;
  highlights: ProjectHighlights;
  /** Published versions, newest first. */
  versions: ReadonlyArray<{ version: number; publishedAt: string; changeNote: string }>;
}

const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, Math.max(0, max - 1))}…` : s);

/** How hard to shorten: 0 keeps everything; each level cuts more. */
const LEVELS = [
  { field: Infinity, bet: Infinity, bets: Infinity, goals: Infinity, kpis: Infinity, name: Infinity, versions: 20 },
  { field: 1200, bet: 200, bets: 30, goals: 30, kpis: 10, name: 120, versions: 20 },
  { field: 600, bet: 140, bets: 15, goals: 20, kpis: 5, name: 80, versions: 10 },
  { field: 300, bet: 100, bets: 8, goals: 12, kpis: 3, name: 60, versions: 5 },
  { field: 160, bet: 60, bets: 4, goals: 6, kpis: 2, name: 40, versions: 3 },
  { field: 80, bet: 40, bets: 0, goals: 0, kpis: 0, name: 30, versions: 1 },
] as const;

/** How hard to shorten (0: not at all); the current figures shorten their goals the same way. */
export type ShortenLevel = (typeof LEVELS)[number];
export const SHORTEN_LEVELS: readonly ShortenLevel[] = LEVELS;

/** Goals with their KPIs' current value and status, shortened to `level`. */
export function summaryGoals(goalBook: GoalBook, highlights: ProjectHighlights, level: ShortenLevel): SummaryGoal[] {
  return goalBook.goals.slice(0, level.goals).map((g) => ({
    id: g.id,
    title: cut(g.title, level.name),
    status: g.status,
    targetDate: g.targetDate,
    ownerAccountId: g.ownerAccountId,
    kpis: goalBook.kpis
      .filter((k) => k.goalId === g.id)
      .slice(0, level.kpis)
      .map((k) => {
        const current = highlights.kpiCurrent?.[k.id] ?? null;
        return {
          id: k.id,
          name: cut(k.name, level.name),
          unit: k.unit,
          direction: k.direction,
          baseline: k.baseline,
          target: k.target,
          bandLow: k.bandLow,
          bandHigh: k.bandHigh,
          current,
          status: kpiStatus(k, current),
        };
      }),
  }));
}

/** The latest iteration's verdict, shortened to `level`. */
export function summaryIteration(highlights: ProjectHighlights, level: ShortenLevel): ProjectHighlights['latestIteration'] {
  const iteration = highlights.latestIteration ?? null;
  return iteration
    ? { ...iteration, name: cut(iteration.name, level.name), verdict: cut(iteration.verdict, level.name), summary: cut(iteration.summary, level.field) }
    : null;
}

function build(input: SummaryInput, level: ShortenLevel, truncated: boolean): PublishedSummary {
  const { published: p, goalBook, highlights } = input;
  const goals = summaryGoals(goalBook, highlights, level);
  return {
    schema: 2,
    project: { id: input.project.id, key: input.project.key },
    version: p.version,
    publishedAt: p.publishedAt,
    publishedBy: { accountId: p.publishedBy },
    changeNote: cut(p.changeNote, level.field),
    vision: {
      statement: cut(p.statement, level.field),
      targetUsers: cut(p.targetUsers, level.field),
      problem: cut(p.problem, level.field),
      valueProposition: cut(p.valueProposition, level.field),
      horizon: cut(p.horizon, level.field),
    },
    bets: p.bets.slice(0, level.bets).map((b) => ({ kind: b.kind, text: cut(b.text, level.bet), reviewBy: b.reviewBy, ownerAccountId: b.ownerAccountId })),
    review: { cadenceDays: p.reviewCadenceDays, dueOn: addDays(dayOf(p.publishedAt), p.reviewCadenceDays) },
    goals,
    coverage: highlights.coverage ?? null,
    latestIteration: summaryIteration(highlights, level) ?? null,
    versions: input.versions.slice(0, level.versions).map((v) => ({ version: v.version, publishedAt: v.publishedAt, changeNote: cut(v.changeNote, level.bet) })),
    truncated,
  };
}

/** Size as Jira counts it: characters of the JSON text. */
export const summarySize = (summary: PublishedSummary): number => JSON.stringify(summary).length;

/** @example buildSummary(input).truncated // false for an ordinary project */
export function buildSummary(input: SummaryInput, budget = SUMMARY_BUDGET_CHARS): PublishedSummary {
  let last: PublishedSummary | null = null;
  for (let i = 0; i < LEVELS.length; i++) {
    last = build(input, LEVELS[i]!, i > 0);
    if (summarySize(last) <= budget) return last;
  }
  // Even the shortest form is over (it cannot be, for input within the app's limits): keep the statement only.
  const s = last!;
  return { ...s, vision: { statement: cut(s.vision.statement, 80), targetUsers: '', problem: '', valueProposition: '', horizon: '' }, changeNote: '', coverage: null, latestIteration: null, versions: [], truncated: true };
}
