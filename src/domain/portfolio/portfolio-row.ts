/**
 * A project's portfolio row from what the project already keeps (goal book, highlights, published head,
 * newest feedback), and the company goals' roll-up from the rows a viewer may see. Pure.
 */
import type { GoalBook } from '../../contract/goals/model';
import {
  tallyKind,
  type CompanyGoalBook,
  type CompanyGoalRollup,
  type Contribution,
  type KpiTally,
  type PortfolioRow,
} from '../../contract/portfolio/portfolio';
import type { ProjectHighlights, PublishedVision } from '../../contract/vision/publishing';
import { kpiStatus } from '../goals/kpi-status';
import { addDays, dayOf } from '../vision/vision-review';

/** A row's JSON stays under this many characters, so a shard of rows stays far below a KVS value's limit. */
export const ROW_BUDGET_CHARS = 1200;
const TITLE_CHARS = 80;

export interface RowInput {
  project: { id: string; key: string };
  published: Pick<PublishedVision, 'version' | 'publishedAt' | 'reviewCadenceDays'> | null;
  goalBook: GoalBook;
  highlights: ProjectHighlights;
  newestFeedbackAt: string | null;
  feedbackCadenceDays?: number;
  guidedStart: { done: number; of: number } | null;
  asOf: string;
}

const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const noKpis = (): KpiTally => ({ onTrack: 0, offTrack: 0, noData: 0 });

export function addTallies(a: KpiTally, b: KpiTally): KpiTally {
  return { onTrack: a.onTrack + b.onTrack, offTrack: a.offTrack + b.offTrack, noData: a.noData + b.noData };
}

/** KPI status counts of the goals `goalIds` (all goals when absent). */
function tally(book: GoalBook, highlights: ProjectHighlights, goalIds?: ReadonlySet<string>): KpiTally {
  const t = noKpis();
  for (const k of book.kpis) {
    if (goalIds && !goalIds.has(k.goalId)) continue;
    t[tallyKind(kpiStatus(k, highlights.kpiCurrent?.[k.id] ?? null))] += 1;
  }
  return t;
}

/**
 * @example buildRow({ project, published: null, goalBook, highlights: {}, newestFeedbackAt: null, guidedStart: null, asOf }).visionVersion // null
 */
export function buildRow(input: RowInput): PortfolioRow {
  const { goalBook: book, highlights: h, published: p } = input;
  const coverage = h.coverage ?? null;
  const contributions: Contribution[] = book.goals
    .filter((g) => g.companyGoalId)
    .map((g) => ({ goalId: g.id, title: cut(g.title, TITLE_CHARS), companyGoalId: g.companyGoalId!, kpis: tally(book, h, new Set([g.id])) }));
  const it = h.latestIteration ?? null;
  const row: PortfolioRow = {
    projectId: input.project.id,
    projectKey: input.project.key,
    visionVersion: p?.version ?? null,
    publishedAt: p?.publishedAt ?? null,
    reviewDueOn: p ? addDays(dayOf(p.publishedAt), p.reviewCadenceDays) : null,
    alignedPercent: coverage?.coverage === null || coverage?.coverage === undefined ? null : Math.round(coverage.coverage * 100),
    epics: coverage?.epics ?? null,
    kpis: tally(book, h),
    verdict: it ? { name: cut(it.name, TITLE_CHARS), verdict: cut(it.verdict, 40), tone: it.tone } : null,
    newestFeedbackAt: input.newestFeedbackAt,
    ...(input.feedbackCadenceDays !== undefined ? { feedbackCadenceDays: input.feedbackCadenceDays } : {}),
    guidedStart: input.guidedStart,
    contributions,
    asOf: input.asOf,
  };
  // Keep the row in budget: drop contributions from the end (their company goals still count the rest).
  while (JSON.stringify(row).length > ROW_BUDGET_CHARS && row.contributions.length > 0) row.contributions = row.contributions.slice(0, -1);
  return row;
}

/**
 * Each company goal with the contributions of the `visible` rows, their KPI counts added up.
 * @example rollUp(book, rows)[0].contributions.length // project goals of visible projects that contribute to it
 */
export function rollUp(book: CompanyGoalBook, visible: readonly PortfolioRow[]): CompanyGoalRollup[] {
  return book.goals.map((goal) => {
    const contributions = visible.flatMap((r) =>
      r.contributions.filter((c) => c.companyGoalId === goal.id).map((c) => ({ ...c, projectId: r.projectId, projectKey: r.projectKey })),
    );
    return { goal, contributions, kpis: contributions.reduce((t, c) => addTallies(t, c.kpis), noKpis()) };
  });
}
