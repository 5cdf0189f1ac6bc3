/**
 * Reading and writing a KPI's yearly buckets, and keeping the launch digests in step with them.
 */
import type { Kpi } from '../contract/goals/model';
import type { DayValue, Launch, LaunchBook } from '../contract/post-launch/post-launch';
import { addDays, yearOf, yearsBetween } from '../domain/post-launch/days';
import { bucketPoints, emptyBucket, seriesOf, withDay, type YearBucket } from '../domain/post-launch/kpi-series';
import {
  captureBaseline,
  emptyDigest,
  kpiWindows,
  launchSpan,
  windowsSignature,
  type LaunchDigest,
} from '../domain/post-launch/launch-digest';
import type { KeyValueStore } from '../ports';
import { casUpdate, type Versioned } from './claims/compare-and-set';
import { plKeys } from './post-launch-keys';

/** The buckets of some years (absent ones empty), reusing those already in hand. */
export async function loadBuckets(
  store: KeyValueStore,
  projectId: string,
  kpiId: string,
  years: readonly number[],
  inHand: ReadonlyMap<number, YearBucket> = new Map(),
): Promise<YearBucket[]> {
  return Promise.all(
    years.map(
      async (year) =>
        inHand.get(year) ?? (await store.get<YearBucket>(plKeys.bucket(projectId, kpiId, year))) ?? emptyBucket(kpiId, year),
    ),
  );
}

/** Sets (or clears, with null) one day of a KPI's bucket. */
export function updateBucket(
  store: KeyValueStore,
  projectId: string,
  kpiId: string,
  day: string,
  entry: [number, number] | null,
): Promise<YearBucket> {
  const year = yearOf(day);
  return casUpdate(store, plKeys.bucket(projectId, kpiId, year), () => emptyBucket(kpiId, year), (b) => {
    const next = withDay(b, day, entry);
    return next === b ? null : next;
  });
}

/** Launches whose iteration figures depend on a measurement of `day`. */
export const launchesAffectedBy = (book: LaunchBook, day: string): Launch[] =>
  book.launches.filter((l) => {
    const span = launchSpan(l);
    return span !== null && span.from <= day && day <= span.to;
  });

/** Years of values a launch's iteration figures need. */
const spanYears = (launch: Launch): number[] => {
  const span = launchSpan(launch);
  return span ? yearsBetween(span.from, span.to) : [];
};

/**
 * Recomputes one KPI's iteration figures in every launch a measurement of `day` affects. The
 * baselines captured at launch stay as they were.
 */
export async function refreshKpiInDigests(
  store: KeyValueStore,
  projectId: string,
  kpiId: string,
  day: string,
  book: LaunchBook,
  bucket: YearBucket,
): Promise<void> {
  for (const launch of launchesAffectedBy(book, day)) {
    const buckets = await loadBuckets(store, projectId, kpiId, spanYears(launch), new Map([[bucket.year, bucket]]));
    const windows = kpiWindows(launch, seriesOf(buckets));
    const sig = windowsSignature(launch);
    await casUpdate(store, plKeys.digest(projectId, launch.id), () => emptyDigest(launch), (d) =>
      // A digest computed for other windows is being rebuilt by an iteration change; leave it to that.
      // In step already (a repair finding nothing to do): write nothing.
      d.sig !== sig || JSON.stringify(d.kpis[kpiId]) === JSON.stringify(windows) ? null : { ...d, kpis: { ...d.kpis, [kpiId]: windows } },
    );
  }
}

/** Runs `work` over `items`, at most `width` at a time. */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return out;
}

/**
 * A launch's digest computed from the buckets: iteration figures for every KPI, and the baselines
 * captured now when `capture` (recording the launch), else kept from `existing`. Reads at most
 * (KPIs × 4) buckets; writes nothing.
 */
export async function computeDigest(
  store: KeyValueStore,
  projectId: string,
  launch: Launch,
  kpis: readonly Kpi[],
  options: { capture: boolean; existing?: LaunchDigest | null },
): Promise<LaunchDigest> {
  const base = options.existing ?? emptyDigest(launch);
  const windowYears = spanYears(launch);
  const baselineYears = options.capture ? yearsBetween(addDays(launch.date, -366), launch.date) : [];
  const years = [...new Set([...baselineYears, ...windowYears])].sort();
  const perKpi = await inBatches(kpis, 8, async (kpi) => {
    const series = years.length ? seriesOf(await loadBuckets(store, projectId, kpi.id, years)) : [];
    return { kpi, series };
  });
  const digest: LaunchDigest = {
    ...base,
    launchId: launch.id,
    sig: windowsSignature(launch),
    kpis: {},
    baselines: options.capture ? {} : { ...base.baselines },
    feedback: Object.fromEntries(launch.iterations.flatMap((i) => (base.feedback[i.id] ? [[i.id, base.feedback[i.id]!]] : []))),
    decisions: Object.fromEntries(launch.iterations.flatMap((i) => (base.decisions[i.id] ? [[i.id, base.decisions[i.id]!]] : []))),
  };
  for (const { kpi, series } of perKpi) {
    if (options.capture) digest.baselines[kpi.id] = captureBaseline(kpi, series, launch.date);
    if (launch.iterations.length) digest.kpis[kpi.id] = kpiWindows(launch, series);
  }
  return digest;
}

/** Recomputes a launch's iteration figures (after its iterations changed) and stores them. */
export async function rebuildDigest(store: KeyValueStore, projectId: string, launch: Launch, kpis: readonly Kpi[]): Promise<LaunchDigest> {
  const key = plKeys.digest(projectId, launch.id);
  const existing = await store.get<LaunchDigest>(key);
  const fresh = await computeDigest(store, projectId, launch, kpis, { capture: false, existing });
  return casUpdate(store, key, () => emptyDigest(launch), (d) => ({
    ...fresh,
    rev: d.rev,
    baselines: d.baselines,
    // Counts may have moved while the figures were computed: keep the stored ones for live iterations.
    feedback: Object.fromEntries(launch.iterations.flatMap((i) => (d.feedback[i.id] ? [[i.id, d.feedback[i.id]!]] : []))),
    decisions: Object.fromEntries(launch.iterations.flatMap((i) => (d.decisions[i.id] ? [[i.id, d.decisions[i.id]!]] : []))),
  }));
}

/**
 * The digest of a launch for reading: one read, plus a rebuild when it was computed for other
 * iteration windows (an iteration change that stopped half-way) or is missing.
 */
export async function digestForReading(
  store: KeyValueStore,
  projectId: string,
  launch: Launch,
  kpis: readonly Kpi[],
): Promise<LaunchDigest> {
  const digest = await store.get<LaunchDigest>(plKeys.digest(projectId, launch.id));
  if (digest && digest.sig === windowsSignature(launch)) return digest;
  return rebuildDigest(store, projectId, launch, kpis);
}

/** The latest measured value of each KPI: one small document, kept by every measurement write. */
export interface LatestValues extends Versioned {
  values: Record<string, DayValue>;
}

const lastOf = (bucket: YearBucket | undefined): DayValue | null => {
  const points = bucket ? bucketPoints(bucket) : [];
  const last = points[points.length - 1];
  return last ? { date: last.date, value: last.value } : null;
};

/**
 * Keeps a KPI's latest value after `day` was written (`bucket` is its year after the write): a value on or
 * after the latest becomes the latest; deleting the latest falls back to the one before it (this year or
 * last, one more read at most).
 */
export async function updateLatest(store: KeyValueStore, projectId: string, kpiId: string, day: string, value: number | null, bucket: YearBucket): Promise<void> {
  const key = plKeys.kpiLatest(projectId);
  let fallback: DayValue | null | undefined;
  if (value === null) {
    const current = (await store.get<LatestValues>(key))?.values[kpiId];
    if (!current || current.date !== day) return;
    fallback = lastOf(bucket) ?? lastOf(await store.get<YearBucket>(plKeys.bucket(projectId, kpiId, bucket.year - 1)));
  }
  await casUpdate(store, key, (): LatestValues => ({ rev: 0, values: {} }), (doc) => {
    const current = doc.values[kpiId];
    if (value !== null) {
      if (current && (current.date > day || (current.date === day && current.value === value))) return null;
      return { ...doc, values: { ...doc.values, [kpiId]: { date: day, value } } };
    }
    if (!current || current.date !== day) return null;
    const { [kpiId]: _gone, ...rest } = doc.values;
    return { ...doc, values: fallback ? { ...rest, [kpiId]: fallback } : rest };
  });
}
