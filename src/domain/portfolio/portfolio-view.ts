/**
 * How the portfolio page sorts and filters its rows: pure, shared by the page and its tests.
 */
import type { PortfolioRow } from '../../contract/portfolio/portfolio';

export type PortfolioFilter = 'all' | 'review-overdue' | 'coverage-below-60' | 'kpis-off-track' | 'not-published' | 'no-recent-feedback';
export type PortfolioSort = 'project' | 'coverage' | 'review' | 'off-track' | 'feedback';

export const PORTFOLIO_FILTERS: readonly PortfolioFilter[] = ['all', 'review-overdue', 'coverage-below-60', 'kpis-off-track', 'not-published', 'no-recent-feedback'];
export const PORTFOLIO_SORTS: readonly PortfolioSort[] = ['project', 'coverage', 'review', 'off-track', 'feedback'];

/** Days without feedback after which a project counts as "not heard from users", for rows that keep no cadence of their own. */
export const FEEDBACK_STALE_DAYS = 90;

/** @example isReviewOverdue({ reviewDueOn: '2026-01-01', … }, '2026-02-01') // true */
export const isReviewOverdue = (row: PortfolioRow, today: string): boolean => row.reviewDueOn !== null && today > row.reviewDueOn;

const daysBetween = (fromIso: string, today: string): number =>
  Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / 86_400_000);

/** No feedback yet, or none within the project's feedback cadence. */
export const feedbackStale = (row: PortfolioRow, today: string): boolean =>
  row.newestFeedbackAt === null || daysBetween(row.newestFeedbackAt, today) > (row.feedbackCadenceDays ?? FEEDBACK_STALE_DAYS);

export function matches(row: PortfolioRow, filter: PortfolioFilter, today: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'review-overdue':
      return isReviewOverdue(row, today);
    case 'coverage-below-60':
      return row.alignedPercent !== null && row.alignedPercent < 60;
    case 'kpis-off-track':
      return row.kpis.offTrack > 0;
    case 'not-published':
      return row.visionVersion === null;
    case 'no-recent-feedback':
      return feedbackStale(row, today);
  }
}

/** Nulls last whatever the direction; ties by project key. */
function compare(a: PortfolioRow, b: PortfolioRow, sort: PortfolioSort): number {
  const byKey = a.projectKey.localeCompare(b.projectKey);
  const nullsLast = (x: number | string | null, y: number | string | null, desc = false): number => {
    if (x === null && y === null) return byKey;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return (desc ? -c : c) || byKey;
  };
  switch (sort) {
    case 'project':
      return byKey;
    case 'coverage':
      return nullsLast(a.alignedPercent, b.alignedPercent);
    case 'review':
      return nullsLast(a.reviewDueOn, b.reviewDueOn);
    case 'off-track':
      return b.kpis.offTrack - a.kpis.offTrack || byKey;
    case 'feedback':
      return nullsLast(a.newestFeedbackAt, b.newestFeedbackAt);
  }
}

/** @example arrange(rows, 'review-overdue', 'coverage', '2026-05-01') // overdue rows, lowest coverage first */
export function arrange<R extends PortfolioRow>(rows: readonly R[], filter: PortfolioFilter, sort: PortfolioSort, today: string): R[] {
  return rows.filter((r) => matches(r, filter, today)).sort((a, b) => compare(a, b, sort));
}
