/** The latest measured value of each KPI of a project: one small document, kept by every measurement write. */
import type { DayValue } from '../contract/post-launch/post-launch';
import { bucketPoints, type YearBucket } from '../domain/post-launch/kpi-series';
import { casUpdate, type Versioned } from './claims/compare-and-set';
import { loadYearBucket } from './kpi-series';
import { plKeys } from './post-launch-keys';
import type { StorageDeps } from './storage-deps';

export interface LatestValues extends Versioned {
  values: Record<string, DayValue>;
}

export const loadLatestValues = (deps: StorageDeps, projectId: string): Promise<LatestValues | undefined> =>
  deps.store.get<LatestValues>(plKeys.kpiLatest(projectId));

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
export async function updateLatest(deps: StorageDeps, projectId: string, kpiId: string, day: string, value: number | null, bucket: YearBucket): Promise<void> {
  const key = plKeys.kpiLatest(projectId);
  let fallback: DayValue | null | undefined;
  if (value === null) {
    const current = (await loadLatestValues(deps, projectId))?.values[kpiId];
    if (!current || current.date !== day) return;
    fallback = lastOf(bucket) ?? lastOf(await loadYearBucket(deps, projectId, kpiId, bucket.year - 1));
  }
  await casUpdate(deps.store, key, (): LatestValues => ({ rev: 0, values: {} }), (doc) => {
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
