import { fail, ok, type Result } from '../../contract';
import type { MeasurementItem } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import { isOutlier, kpiSpanRange, valueIssue } from '../../domain/goals/plausible-values';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { readLaunchBook } from '../../storage/launches';
import { deletedKpi, kpiOf } from './kpi-lookup';
import { writeManualValue } from './manual-value';
import { figuresChanged } from '../macro/current-figures';

export interface MeasureInput {
  kpiId: string;
  date: string;
  value: number;
  note: string;
  baseRevision: number;
  iteration?: { launchId: string; iterationId: string };
  /** The person confirmed a value far outside the KPI's range. */
  confirmed?: boolean;
}

/**
 * Enters (or, with the day's current revision, replaces) a KPI's value for a day. Refused, with nothing
 * written: a deleted KPI, a value the KPI cannot hold (a percent over 100), a day after today, a day
 * outside the iteration it is entered for; a value far outside the KPI's range until the person
 * confirms it (CONFIRMATION_REQUIRED; then it is stored marked as a confirmed outlier).
 */
export async function measure(deps: Deps, caller: Caller, input: MeasureInput): Promise<Result<MeasurementItem>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [goalBook, launchBook] = await Promise.all([readGoalBook(deps, project.id), readLaunchBook(deps, project.id)]);
  const kpi = kpiOf(goalBook, input.kpiId);
  if (!kpi) return deletedKpi();
  const problem = valueIssue(kpi, input.value, 'Value');
  if (problem) return fail('VALIDATION_FAILED', 'Check the value.', { fields: [{ path: 'value', message: problem }] });
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
  const outlier = isOutlier(kpi, input.value);
  if (outlier && !input.confirmed) {
    const { low, high } = kpiSpanRange(kpi);
    const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 6 });
    return fail('CONFIRMATION_REQUIRED', `${n(input.value)} is far outside this KPI's range (${n(low)} to ${n(high)}). Is it right?`, {
      fields: [{ path: 'value', message: 'Far outside the KPI’s range: confirm it to save it (it is marked as an outlier).' }],
      details: { reason: 'outlier', low, high },
    });
  }
  const outcome = await writeManualValue(deps, project.id, accountId, launchBook, {
    ...input,
    value: input.value,
    note: input.note,
    outlier: outlier ? 'confirmed' : null,
  });
  if (outcome.ok) await figuresChanged(deps, project);
  if (outcome.ok) return ok(outcome.item);
  return outcome.reason === 'conflict'
    ? fail('CONFLICT', `${input.date} already has a value${outcome.current?.value != null ? ` (${outcome.current.value})` : ''}; replace it?`, {
        details: { current: outcome.current },
      })
    : fail('NOT_FOUND', 'This day has no value.');
}
