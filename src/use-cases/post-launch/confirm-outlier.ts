import { fail, ok, type Result } from '../../contract';
import type { MeasurementItem } from '../../contract/post-launch/post-launch';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { readLaunchBook } from '../../storage/launches';
import { loadMeasurement, writeMeasurement } from '../../storage/measurements';
import { figuresChanged } from '../macro/current-figures';
import { deletedKpi, kpiOf } from './kpi-lookup';

/**
 * An admin confirms a day's outlier (typically a daily JQL count nobody saw): a new revision with the
 * same value, source and note, marked confirmed and signed by the admin, so verdicts count it again.
 * Refused, with nothing written: a day without a value, a value that is no unconfirmed outlier, a
 * revision other than the one the admin saw.
 */
export async function confirmOutlier(
  deps: Deps,
  caller: Caller,
  input: { kpiId: string; date: string; baseRevision: number },
): Promise<Result<MeasurementItem>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [goalBook, launchBook, current] = await Promise.all([
    readGoalBook(deps, project.id),
    readLaunchBook(deps, project.id),
    loadMeasurement(deps, project.id, input.kpiId, input.date),
  ]);
  if (!kpiOf(goalBook, input.kpiId)) return deletedKpi();
  if (!current || current.value === null) return fail('NOT_FOUND', `${input.date} has no value to confirm.`);
  if (current.revision !== input.baseRevision)
    return fail('CONFLICT', 'This value changed since you opened it; check it, then confirm again.', { details: { current } });
  if (current.outlier !== 'unconfirmed') return ok(current);
  const outcome = await writeMeasurement(
    deps,
    project.id,
    {
      kpiId: current.kpiId,
      day: current.date,
      value: current.value,
      note: current.note,
      source: current.source,
      by: accountId,
      at: deps.clock.now().toISOString(),
      baseRevision: current.revision,
      outlier: 'confirmed',
    },
    launchBook,
  );
  if (outcome.ok) {
    await figuresChanged(deps, project);
    return ok(outcome.item);
  }
  return fail('CONFLICT', 'This value changed since you opened it; check it, then confirm again.', {
    details: { current: outcome.reason === 'conflict' ? outcome.current : null },
  });
}
