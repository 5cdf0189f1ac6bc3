/**
 * Coverage over time: one point per day, kept in one compact value that is rewritten with each
 * snapshot, so the report reads it in one storage call however old the project is.
 */

/** [YYYY-MM-DD, coverage 0..1 or null], oldest first. */
export type TrendPoint = [string, number | null];

/** Points kept in storage (more than a year of dailies); the report shows the last `TREND_SHOWN`. */
export const TREND_CAP = 400;
export const TREND_SHOWN = 90;

/**
 * Adds or replaces the point for `date`, keeping dates in order and at most `cap` points.
 * @example mergeTrend([['2026-01-01', 0.5]], '2026-01-02', 0.6) // [['2026-01-01', 0.5], ['2026-01-02', 0.6]]
 */
export function mergeTrend(points: readonly TrendPoint[], date: string, coverage: number | null, cap = TREND_CAP): TrendPoint[] {
  const merged = [...points.filter(([d]) => d !== date), [date, roundCoverage(coverage)] as TrendPoint];
  merged.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return merged.slice(Math.max(0, merged.length - cap));
}

/**
 * The last `shown` points as the report sends them.
 * @example trendForReport([['2026-01-01', 0.5]]) // [{ date: '2026-01-01', coverage: 0.5 }]
 */
export const trendForReport = (points: readonly TrendPoint[], shown = TREND_SHOWN): Array<{ date: string; coverage: number | null }> =>
  points.slice(Math.max(0, points.length - shown)).map(([date, coverage]) => ({ date, coverage }));

/** Four decimals are plenty for a chart and keep the stored value small. */
export const roundCoverage = (coverage: number | null): number | null =>
  coverage === null ? null : Math.round(coverage * 10_000) / 10_000;

/**
 * The UTC date of an instant.
 * @example utcDate(new Date('2026-03-04T23:30:00Z')) // '2026-03-04'
 */
export const utcDate = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * A key part that sorts newest date first (KVS queries run in ascending key order only).
 * @example newestFirstDate('2026-03-04') // '79739695'
 */
export const newestFirstDate = (date: string): string => String(99_999_999 - Number(date.replace(/-/g, ''))).padStart(8, '0');
