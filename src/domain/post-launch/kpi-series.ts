/**
 * A KPI's measurements as compact yearly buckets: one stored value per KPI and calendar year holding
 * that year's daily values (at most one a day), so a chart reads a bounded number of keys however many
 * years of history there are. Pure helpers over those buckets.
 */
import type { ChartPoint, DayValue } from '../../contract/post-launch/post-launch';

/** Flags of a day's entry. */
export const FLAG_JQL = 1;
export const FLAG_NOTE = 2;

/** `MM-DD` → [value, flags]. */
export type DayEntries = Record<string, [number, number]>;

export interface YearBucket {
  /** Bumped by every write; used for compare-and-set. */
  rev: number;
  kpiId: string;
  year: number;
  days: DayEntries;
}

export const emptyBucket = (kpiId: string, year: number): YearBucket => ({ rev: 0, kpiId, year, days: {} });

/** The bucket with `date`'s entry set (or removed when `entry` is null); the same object when nothing changes. */
export function withDay(bucket: YearBucket, date: string, entry: [number, number] | null): YearBucket {
  const md = date.slice(5);
  const had = bucket.days[md];
  if (entry === null) {
    if (!had) return bucket;
    const { [md]: _gone, ...days } = bucket.days;
    return { ...bucket, days };
  }
  if (had && had[0] === entry[0] && had[1] === entry[1]) return bucket;
  return { ...bucket, days: { ...bucket.days, [md]: entry } };
}

/** The bucket's days as chart points, oldest first. */
export function bucketPoints(bucket: YearBucket): ChartPoint[] {
  return Object.keys(bucket.days)
    .sort()
    .map((md) => {
      const [value, flags] = bucket.days[md]!;
      return { date: `${bucket.year}-${md}`, value, source: flags & FLAG_JQL ? 'jql' : 'manual', hasNote: (flags & FLAG_NOTE) !== 0 };
    });
}

/** All values of some buckets as one series, oldest first. */
export function seriesOf(buckets: readonly YearBucket[]): DayValue[] {
  return [...buckets]
    .sort((a, b) => a.year - b.year)
    .flatMap((b) => bucketPoints(b).map(({ date, value }) => ({ date, value })));
}

/**
 * The last value of a sorted series with `from <= date <= to`, and how many values lie there.
 * @example lastBetween([{ date: '2025-01-02', value: 3 }], '2025-01-01', '2025-01-31') // { last: {…}, count: 1 }
 */
export function lastBetween(series: readonly DayValue[], from: string, to: string): { last: DayValue | null; count: number } {
  let last: DayValue | null = null;
  let count = 0;
  for (const point of series) {
    if (point.date < from) continue;
    if (point.date > to) break;
    last = point;
    count += 1;
  }
  return { last, count };
}
