/** A day's value entered (or deleted, `value: null`) by hand, as the signed-in user, now. */
import type { LaunchBook, OutlierMark } from '../../contract/post-launch/post-launch';
import type { Deps } from '../../ports';
import { writeMeasurement, type MeasurementOutcome } from '../../storage/measurements';

export function writeManualValue(
  deps: Deps,
  projectId: string,
  accountId: string,
  launchBook: LaunchBook,
  day: { kpiId: string; date: string; baseRevision: number; value: number | null; note: string; outlier?: OutlierMark | null },
): Promise<MeasurementOutcome> {
  return writeMeasurement(
    deps,
    projectId,
    {
      kpiId: day.kpiId,
      day: day.date,
      value: day.value,
      note: day.note,
      source: 'manual',
      by: accountId,
      at: deps.clock.now().toISOString(),
      baseRevision: day.baseRevision,
      outlier: day.outlier ?? null,
    },
    launchBook,
  );
}
