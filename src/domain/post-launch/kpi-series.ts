/**
 * A KPI's measurements as compact yearly buckets: one stored value per KPI and calendar year holding
 * that year's daily values (at most one a day), so a chart reads a bounded number of keys however many
 * years of history there are. Pure helpers over those buckets.
 */
import type { ChartPoint, DayValue, OutlierMark, SourceSwitch } from '../../contract/post-launch/post-launch';

/** Flags of a day's entry. */
export const FLAG_JQL = 1;
export const FLAG_NOTE = 2;
/** Far outside the KPI's range (see OUTLIER_FACTOR). */
export const FLAG_OUTLIER = 4;
/** An outlier nobody confirmed yet (with FLAG_OUTLIER): verdicts leave it out. */
export const FLAG_UNCONFIRMED = 8;

/** The flags of an outlier mark. */
export const outlierFlags = (mark: OutlierMark | null | undefined): number =>
  mark === 'confirmed' ? FLAG_OUTLIER : mark === 'unconfirmed' ? FLAG_OUTLIER | FLAG_UNCONFIRMED : 0;

const outlierOf = (flags: number): OutlierMark | null =>
  flags & FLAG_OUTLIER ? (flags & FLAG_UNCONFIRMED ? 'unconfirmed' : 'confirmed') : null;

/** `MM-DD` → [value, flags]. */
export type DayEntries = Record<string, [number, number]>;

export interface YearBucket {
  /** Bumped by every write; used for compare-and-set. */
  rev: number;
  kpiId: string;
  year: number;
  days: DayEntries;
  /** `MM-DD` → how the KPI is measured from that day on: the series records each change of source. */
  sw?: Record<string, SourceSwitch['to']>;
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

/** The bucket with a change of source recorded on `date` (the same object when it is recorded already). */
export function withSwitch(bucket: YearBucket, date: string, to: SourceSwitch['to']): YearBucket {
  const md = date.slice(5);
  if (bucket.sw?.[md] === to) return bucket;
  return { ...bucket, sw: { ...bucket.sw, [md]: to } };
}

/** The bucket's days as chart points, oldest first. */
export function bucketPoints(bucket: YearBucket): ChartPoint[] {
  return Object.keys(bucket.days)
    .sort()
    .map((md) => {
      const [value, flags] = bucket.days[md]!;
      const outlier = outlierOf(flags);
      return {
        date: `${bucket.year}-${md}`,
        value,
        source: flags & FLAG_JQL ? 'jql' : 'manual',
        hasNote: (flags & FLAG_NOTE) !== 0,
        ...(outlier ? { outlier } : {}),
      };
    });
}

/** The changes of source of some buckets, oldest first. */
export function switchesOf(buckets: readonly YearBucket[]): SourceSwitch[] {
  return [...buckets]
    .sort((a, b) => a.year - b.year)
    .flatMap((b) => Object.keys(b.sw ?? {}).sort().map((md) => ({ date: `${b.year}-${md}`, to: b.sw![md]! })));
}

/**
 * The values verdicts count, as one series, oldest first: every value but an outlier nobody confirmed.
 * @example seriesOf([bucketWith({ '07-01': [5, 0], '07-02': [9e9, FLAG_OUTLIER | FLAG_UNCONFIRMED] })]) // [{ date: '…-07-01', value: 5 }]
 */
export function seriesOf(buckets: readonly YearBucket[]): DayValue[] {
  return [...buckets]
    .sort((a, b) => a.year - b.year)
    .flatMap((b) => bucketPoints(b).flatMap(({ date, value, outlier }) => (outlier === 'unconfirmed' ? [] : [{ date, value }])));
}

/**
 * The date of the last change of source on or before `date`, or null.
 * @example lastSwitchBy([{ date: '2025-07-05', to: 'jql' }], '2025-07-31') // '2025-07-05'
 */
export function lastSwitchBy(switches: readonly SourceSwitch[], date: string): string | null {
  let last: string | null = null;
  for (const s of switches) if (s.date <= date && (last === null || s.date > last)) last = s.date;
  return last;
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
