/** A KPI's chart (a year at a time) and one day's measurement with its revisions. */
import { fail, ok, type Result } from '../../contract';
import type { ChartYear, KpiChart, MeasurementDetail } from '../../contract/post-launch/post-launch';
import { dayOf, yearOf } from '../../domain/post-launch/days';
import { bucketPoints, emptyBucket, switchesOf } from '../../domain/post-launch/kpi-series';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { loadYearBucket } from '../../storage/kpi-series';
import { readLaunchBook } from '../../storage/launches';
import { readChartInStep } from '../../storage/measurement-repair';
import { listMeasurementRevisions, loadMeasurement } from '../../storage/measurements';
import { kpiOf } from './kpi-lookup';

/**
 * A KPI's chart: this year's and last year's daily values, the launch and iteration markers, and the
 * first year with data (older years page in with `kpi/chart-year`). 6 storage calls, whatever the history
 * (up to 20 years of buckets; one more query per 20 years beyond): one of them finds the KPI's repair
 * notes, and a write to it that stopped half-way is brought in step before the chart answers.
 */
export async function kpiChart(deps: Deps, caller: Caller, input: { kpiId: string }): Promise<Result<KpiChart>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const p = auth.data.project.id;
  const today = dayOf(deps.clock.now());
  const years = [yearOf(today) - 1, yearOf(today)];
  const [goalBook, launchBook, { earliestYear: earliest, buckets }] = await Promise.all([
    readGoalBook(deps, p),
    readLaunchBook(deps, p),
    readChartInStep(deps, p, input.kpiId, years),
  ]);
  const kpi = kpiOf(goalBook, input.kpiId);
  if (!kpi) return fail('NOT_FOUND', 'This KPI no longer exists.');
  return ok({
    kpi,
    years,
    points: buckets.flatMap((b, i) => bucketPoints(b ?? emptyBucket(kpi.id, years[i]!))),
    earliestYear: earliest,
    markers: {
      launches: launchBook.launches.map(({ id, name, date }) => ({ id, name, date })),
      iterations: launchBook.launches.flatMap((l) => l.iterations.map(({ id, name, start, end }) => ({ launchId: l.id, id, name, start, end }))),
    },
    today,
    switches: switchesOf(buckets.flatMap((b) => (b ? [b] : []))),
  });
}

/** One more (older) year of a KPI's chart: 2 storage reads (the year, and the goal book: a KPI of this project). */
export async function kpiChartYear(deps: Deps, caller: Caller, input: { kpiId: string; year: number }): Promise<Result<ChartYear>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const p = auth.data.project.id;
  const [goalBook, bucket] = await Promise.all([readGoalBook(deps, p), loadYearBucket(deps, p, input.kpiId, input.year)]);
  if (!kpiOf(goalBook, input.kpiId)) return fail('NOT_FOUND', 'This KPI no longer exists.');
  const b = bucket ?? emptyBucket(input.kpiId, input.year);
  return ok({ year: input.year, points: bucketPoints(b), switches: switchesOf([b]) });
}

/** One day's measurement and its revisions, each page newest first: 2 reads and 1 query a page. */
export async function measurementDetail(
  deps: Deps,
  caller: Caller,
  input: { kpiId: string; date: string; cursor?: string },
): Promise<Result<MeasurementDetail>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const p = auth.data.project.id;
  const [goalBook, current, history] = await Promise.all([
    readGoalBook(deps, p),
    loadMeasurement(deps, p, input.kpiId, input.date),
    listMeasurementRevisions(deps, p, input.kpiId, input.date, input.cursor),
  ]);
  // Only this project's KPIs: an id of another project's KPI (or a deleted one) names nothing here.
  if (!kpiOf(goalBook, input.kpiId)) return fail('NOT_FOUND', 'This KPI no longer exists.');
  const revisions = history.items;
  const accounts = [...new Set(revisions.flatMap((m) => (m.by ? [m.by] : [])))];
  const people = accounts.length ? await deps.jira.usersByIds(accounts) : [];
  return ok({ current: current ?? null, history: revisions, nextCursor: history.nextCursor, people });
}
