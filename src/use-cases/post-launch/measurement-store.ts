/**
 * Writing one KPI measurement: the day's item (each revision kept under its own key: who and when),
 * the KPI's yearly bucket for charts, the project's latest values, and the digests of the launches whose
 * iterations it falls in.
 * Shared by manual entry and the daily automatic (JQL) measurement.
 */
import type { LaunchBook, MeasurementItem } from '../../contract/post-launch';
import { FLAG_JQL, FLAG_NOTE } from '../../domain/post-launch/kpi-series';
import type { KeyValueStore } from '../../ports';
import { commitRevision } from '../commit-revision';
import { refreshKpiInDigests, updateBucket, updateLatest } from './series-store';
import { plKeys } from './storage-keys';

export interface MeasurementWrite {
  kpiId: string;
  day: string;
  /** null deletes the day's value. */
  value: number | null;
  note: string;
  source: 'manual' | 'jql';
  by: string | null;
  at: string;
  /**
   * The revision the writer saw: 0 for a day without a value (a deleted one counts as without), or
   * `latest` to write over whatever is there (automatic measurements).
   */
  baseRevision: number | 'latest';
}

export type MeasurementOutcome =
  | { ok: true; item: MeasurementItem }
  | { ok: false; reason: 'conflict'; current: MeasurementItem | null }
  | { ok: false; reason: 'absent' };

const isLive = (m: MeasurementItem | undefined | null): m is MeasurementItem => !!m && m.value !== null;

export async function writeMeasurement(
  store: KeyValueStore,
  projectId: string,
  w: MeasurementWrite,
  book: LaunchBook,
): Promise<MeasurementOutcome> {
  const key = plKeys.measurement(projectId, w.kpiId, w.day);
  const current = await store.get<MeasurementItem>(key);
  if (w.value === null && !isLive(current)) return { ok: false, reason: 'absent' };
  if (w.baseRevision !== 'latest') {
    const seen = isLive(current) ? current.revision : 0;
    if (w.baseRevision !== seen && !(seen === 0 && current && w.baseRevision === current.revision))
      return { ok: false, reason: 'conflict', current: current ?? null };
  }
  const next: MeasurementItem = {
    kpiId: w.kpiId,
    date: w.day,
    value: w.value,
    note: w.value === null ? (current?.note ?? '') : w.note,
    source: w.source,
    by: w.by,
    at: w.at,
    revision: (current?.revision ?? 0) + 1,
    action: w.value === null ? 'deleted' : isLive(current) ? 'edited' : 'created',
  };
  const committed = await commitRevision(
    store,
    { current: key, revision: (n) => plKeys.measurementRevision(projectId, w.kpiId, w.day, n) },
    next,
  );
  if (!committed.ok) return { ok: false, reason: 'conflict', current: committed.current };

  const flags = (w.source === 'jql' ? FLAG_JQL : 0) | (next.note ? FLAG_NOTE : 0);
  const bucket = await updateBucket(store, projectId, w.kpiId, w.day, w.value === null ? null : [w.value, flags]);
  await updateLatest(store, projectId, w.kpiId, w.day, w.value, bucket);
  await refreshKpiInDigests(store, projectId, w.kpiId, w.day, book, bucket);
  return { ok: true, item: committed.saved };
}
