/** KPI measurements: enter, replace and delete a day's value (history kept), read one, chart a KPI. */
import { fail, ok, type GoalBook, type Result } from '../../contract';
import type { ChartYear, KpiChart, MeasurementDetail, MeasurementItem } from '../../contract/post-launch/post-launch';
import { dayOf, yearOf } from '../../domain/post-launch/days';
import { bucketPoints, emptyBucket } from '../../domain/post-launch/kpi-series';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { earliestYearOf, loadYearBucket } from '../../storage/kpi-series';
import { readLaunchBook } from '../../storage/launches';
import { listMeasurementRevisions, loadMeasurement, writeMeasurement } from '../../storage/measurements';

const deletedKpi = (path = 'kpiId') =>
  fail<never>('VALIDATION_FAILED', 'This KPI no longer exists.', {
    fields: [{ path, message: 'This KPI was deleted; nothing was recorded.' }],
  });

const kpiOf = (book: GoalBook, kpiId: string) => book.kpis.find((k) => k.id === kpiId);

export interface MeasureInput {
  kpiId: string;
  date: string;
  value: number;
  note: string;
  baseRevision: number;
  iteration?: { launchId: string; iterationId: string };
}

/**
 * Enters (or, with the day's current revision, replaces) a KPI's value for a day. Refused, with nothing
 * written: a deleted KPI, a day after today, a day outside the iteration it is entered for.
 */
export async function measure(deps: Deps, caller: Caller, input: MeasureInput): Promise<Result<MeasurementItem>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [goalBook, launchBook] = await Promise.all([readGoalBook(deps, project.id), readLaunchBook(deps, project.id)]);
  if (!kpiOf(goalBook, input.kpiId)) return deletedKpi();
  const today = dayOf(deps.clock.now());
  if (input.date > today)
    return fail('VALIDATION_FAILED', 'A measurement cannot be in the future.', {
      fields: [{ path: 'date', message: `Use today (${today}) or an earlier day.` }],
    });
  if (input.iteration) {
    const launch = findLaunch(launchBook, input.iteration.launchId);
    const iteration = launch && findIteration(launch, input.iteration.iterationId);
    if (!iteration) return fail('NOT_FOUND', 'This iteration no longer exists.');
    if (input.date < iteration.start || input.date > iteration.end)
      return fail('VALIDATION_FAILED', 'The date is outside the iteration.', {
        fields: [{ path: 'date', message: `“${iteration.name}” runs from ${iteration.start} to ${iteration.end}.` }],
      });
  }
  const outcome = await writeMeasurement(
    deps,
    project.id,
    {
      kpiId: input.kpiId,
      day: input.date,
      value: input.value,
      note: input.note,
      source: 'manual',
      by: accountId,
      at: deps.clock.now().toISOString(),
      baseRevision: input.baseRevision,
    },
    launchBook,
  );
  if (outcome.ok) return ok(outcome.item);
  return outcome.reason === 'conflict'
    ? fail('CONFLICT', `${input.date} already has a value${outcome.current?.value != null ? ` (${outcome.current.value})` : ''}; replace it?`, {
        details: { current: outcome.current },
      })
    : fail('NOT_FOUND', 'This day has no value.');
}

/** Deletes a day's value; the deletion is a revision like any other (who and when). */
export async function unmeasure(
  deps: Deps,
  caller: Caller,
  input: { kpiId: string; date: string; baseRevision: number },
): Promise<Result<MeasurementItem>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [goalBook, launchBook] = await Promise.all([readGoalBook(deps, project.id), readLaunchBook(deps, project.id)]);
  if (!kpiOf(goalBook, input.kpiId)) return deletedKpi();
  const outcome = await writeMeasurement(
    deps,
    project.id,
    {
      kpiId: input.kpiId,
      day: input.date,
      value: null,
      note: '',
      source: 'manual',
      by: accountId,
      at: deps.clock.now().toISOString(),
      baseRevision: input.baseRevision,
    },
    launchBook,
  );
  if (outcome.ok) return ok(outcome.item);
  return outcome.reason === 'conflict'
    ? fail('CONFLICT', 'Someone else changed this value since you opened it.', { details: { current: outcome.current } })
    : fail('NOT_FOUND', `${input.date} has no value to delete.`);
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

/**
 * A KPI's chart: this year's and last year's daily values, the launch and iteration markers, and the
 * first year with data (older years page in with `kpi/chart-year`). 5 storage calls, whatever the history
 * (up to 20 years of buckets; one more query per 20 years beyond).
 */
export async function kpiChart(deps: Deps, caller: Caller, input: { kpiId: string }): Promise<Result<KpiChart>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const p = auth.data.project.id;
  const today = dayOf(deps.clock.now());
  const years = [yearOf(today) - 1, yearOf(today)];
  const [goalBook, launchBook, earliest, ...buckets] = await Promise.all([
    readGoalBook(deps, p),
    readLaunchBook(deps, p),
    earliestYearOf(deps, p, input.kpiId),
    ...years.map((y) => loadYearBucket(deps, p, input.kpiId, y)),
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
  });
}

/** One more (older) year of a KPI's chart: 2 storage reads (the year, and the goal book: a KPI of this project). */
export async function kpiChartYear(deps: Deps, caller: Caller, input: { kpiId: string; year: number }): Promise<Result<ChartYear>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const p = auth.data.project.id;
  const [goalBook, bucket] = await Promise.all([readGoalBook(deps, p), loadYearBucket(deps, p, input.kpiId, input.year)]);
  if (!kpiOf(goalBook, input.kpiId)) return fail('NOT_FOUND', 'This KPI no longer exists.');
  return ok({ year: input.year, points: bucketPoints(bucket ?? emptyBucket(input.kpiId, input.year)) });
}
