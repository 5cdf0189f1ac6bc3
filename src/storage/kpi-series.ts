/**
 * Reading and writing a KPI's yearly buckets, and keeping the launch digests in step with them.
 */
import type { Kpi } from '../contract/goals/model';
import type { Launch, LaunchBook, SourceSwitch } from '../contract/post-launch/post-launch';
import { addDays, yearOf, yearsBetween } from '../domain/post-launch/days';
import { emptyBucket, seriesOf, switchesOf, withDay, withSwitch, type YearBucket } from '../domain/post-launch/kpi-series';
import {
  captureBaseline,
  emptyDigest,
  kpiWindows,
  launchSpan,
  windowsSignature,
  type LaunchDigest,
} from '../domain/post-launch/launch-digest';
import { casUpdate } from './claims/compare-and-set';
import { loadLaunchDigest } from './launches';
import { plKeys } from './post-launch-keys';
import { readAll } from './query-order';
import type { StorageDeps } from './storage-deps';

/** One year of a KPI's daily values, undefined when nothing was measured that year. */
export const loadYearBucket = (deps: StorageDeps, projectId: string, kpiId: string, year: number): Promise<YearBucket | undefined> =>
  deps.store.get<YearBucket>(plKeys.bucket(projectId, kpiId, year));

/** A KPI's year buckets are read in full to find its first year: 10 pages, 200 years. */
const MAX_BUCKET_PAGES = 10;

/** The first year a KPI has values in, or null. */
export async function earliestYearOf(deps: StorageDeps, projectId: string, kpiId: string): Promise<number | null> {
  // Every year's bucket, a small bounded set: Forge documents no query order to take the earliest from.
  const all = await readAll<YearBucket>(deps.store, plKeys.bucketPrefix(projectId, kpiId), MAX_BUCKET_PAGES);
  return all.length ? Math.min(...all.map((b) => b.value.year)) : null;
}

/** The buckets of some years (absent ones empty), reusing those already in hand. */
export async function loadBuckets(
  deps: StorageDeps,
  projectId: string,
  kpiId: string,
  years: readonly number[],
  inHand: ReadonlyMap<number, YearBucket> = new Map(),
): Promise<YearBucket[]> {
  return Promise.all(
    years.map(
      async (year) =>
        inHand.get(year) ?? (await loadYearBucket(deps, projectId, kpiId, year)) ?? emptyBucket(kpiId, year),
    ),
  );
}

/** Sets (or clears, with null) one day of a KPI's bucket. */
export function updateBucket(
  deps: StorageDeps,
  projectId: string,
  kpiId: string,
  day: string,
  entry: [number, number] | null,
): Promise<YearBucket> {
  const year = yearOf(day);
  return casUpdate(deps.store, plKeys.bucket(projectId, kpiId, year), () => emptyBucket(kpiId, year), (b) => {
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

/**
 * Years of values a launch's iteration figures need: the span's, and the year before the launch (a
 * change of source after the baseline was measured makes a verdict not comparable).
 */
const spanYears = (launch: Launch): number[] => {
  const span = launchSpan(launch);
  return span ? yearsBetween(addDays(launch.date, -366), span.to) : [];
};

/**
 * Records that a KPI is measured another way from `day` on (in its series, where charts and verdicts
 * read it), then recomputes its iteration figures in the launches that day affects.
 */
export async function recordSourceSwitch(
  deps: StorageDeps,
  projectId: string,
  kpiId: string,
  day: string,
  to: SourceSwitch['to'],
  book: LaunchBook,
): Promise<void> {
  const year = yearOf(day);
  const bucket = await casUpdate(deps.store, plKeys.bucket(projectId, kpiId, year), () => emptyBucket(kpiId, year), (b) => {
    const next = withSwitch(b, day, to);
    return next === b ? null : next;
  });
  await refreshKpiInDigests(deps, projectId, kpiId, day, book, bucket);
}

/**
 * Recomputes one KPI's iteration figures in every launch a measurement of `day` affects. The
 * baselines captured at launch stay as they were.
 */
export async function refreshKpiInDigests(
  deps: StorageDeps,
  projectId: string,
  kpiId: string,
  day: string,
  book: LaunchBook,
  bucket: YearBucket,
): Promise<void> {
  for (const launch of launchesAffectedBy(book, day)) {
    const buckets = await loadBuckets(deps, projectId, kpiId, spanYears(launch), new Map([[bucket.year, bucket]]));
    const windows = kpiWindows(launch, seriesOf(buckets), switchesOf(buckets));
    const sig = windowsSignature(launch);
    await casUpdate(deps.store, plKeys.digest(projectId, launch.id), () => emptyDigest(launch), (d) =>
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
  deps: StorageDeps,
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
    const buckets = years.length ? await loadBuckets(deps, projectId, kpi.id, years) : [];
    return { kpi, series: seriesOf(buckets), switches: switchesOf(buckets) };
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
  for (const { kpi, series, switches } of perKpi) {
    if (options.capture) digest.baselines[kpi.id] = captureBaseline(kpi, series, launch.date);
    if (launch.iterations.length) digest.kpis[kpi.id] = kpiWindows(launch, series, switches);
  }
  return digest;
}

/** Recomputes a launch's iteration figures (after its iterations changed) and stores them. */
export async function rebuildDigest(deps: StorageDeps, projectId: string, launch: Launch, kpis: readonly Kpi[]): Promise<LaunchDigest> {
  const key = plKeys.digest(projectId, launch.id);
  const existing = await loadLaunchDigest(deps, projectId, launch.id);
  const fresh = await computeDigest(deps, projectId, launch, kpis, { capture: false, existing });
  return casUpdate(deps.store, key, () => emptyDigest(launch), (d) => ({
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
  deps: StorageDeps,
  projectId: string,
  launch: Launch,
  kpis: readonly Kpi[],
): Promise<LaunchDigest> {
  const digest = await loadLaunchDigest(deps, projectId, launch.id);
  if (digest && digest.sig === windowsSignature(launch)) return digest;
  return rebuildDigest(deps, projectId, launch, kpis);
}
