import { fail, ok, type Result } from '../../contract';
import type { MeasurementItem } from '../../contract/post-launch/post-launch';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { readLaunchBook } from '../../storage/launches';
import { deletedKpi, kpiOf } from './kpi-lookup';
import { writeManualValue } from './manual-value';
import { figuresChanged } from '../macro/current-figures';

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
  const outcome = await writeManualValue(deps, project.id, accountId, launchBook, { ...input, value: null, note: '' });
  if (outcome.ok) await figuresChanged(deps, project);
  if (outcome.ok) return ok(outcome.item);
  return outcome.reason === 'conflict'
    ? fail('CONFLICT', 'Someone else changed this value since you opened it.', { details: { current: outcome.current } })
    : fail('NOT_FOUND', `${input.date} has no value to delete.`);
}
