/**
 * A KPI's measurements: a day's item and its revisions, read; and writing one measurement: the day's
 * item (each revision kept under its own key: who and when), the KPI's yearly bucket for charts, the
 * project's latest values, and the digests of the launches whose iterations it falls in.
 * Writing is shared by manual entry and the daily automatic (JQL) measurement. A write leaves a repair
 * note for its whole length (./repair-notes.ts), so one that stops half-way is finished by whoever finds
 * the note (./measurement-repair.ts).
 */
import { POST_LAUNCH_LIMITS, type LaunchBook, type MeasurementItem, type OutlierMark } from '../contract/post-launch/post-launch';
import { FLAG_JQL, FLAG_NOTE, outlierFlags } from '../domain/post-launch/kpi-series';
import { commitRevision } from './claims/commit-revision';
import { updateLatest } from './kpi-latest';
import { refreshKpiInDigests, updateBucket } from './kpi-series';
import { plKeys } from './post-launch-keys';
import { valuesInKeyOrder, type ValuesPage } from './query-order';
import { leaveRepairNote, removeRepairNote, type RepairNote } from './repair-notes';
import type { StorageDeps } from './storage-deps';

/** A KPI's measurement of one day (its current revision), undefined when the day never had one. */
export const loadMeasurement = (deps: StorageDeps, projectId: string, kpiId: string, day: string): Promise<MeasurementItem | undefined> =>
  deps.store.get<MeasurementItem>(plKeys.measurement(projectId, kpiId, day));

/** A page of a day's revisions, newest first within the page (sorted here: Forge documents no query order). */
export async function listMeasurementRevisions(
  deps: StorageDeps,
  projectId: string,
  kpiId: string,
  day: string,
  cursor: string | undefined,
): Promise<ValuesPage<MeasurementItem>> {
  const page = await deps.store.query<MeasurementItem>(plKeys.measurementRevisionPrefix(projectId, kpiId, day), {
    cursor,
    limit: POST_LAUNCH_LIMITS.pageSize,
  });
  return valuesInKeyOrder(page);
}

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
  /** Far outside the KPI's range: confirmed by a person, or not (a count without one). */
  outlier?: OutlierMark | null;
}

export type MeasurementOutcome =
  | { ok: true; item: MeasurementItem }
  | { ok: false; reason: 'conflict'; current: MeasurementItem | null }
  | { ok: false; reason: 'absent' };

const isLive = (m: MeasurementItem | undefined | null): m is MeasurementItem => !!m && m.value !== null;

export async function writeMeasurement(
  deps: StorageDeps,
  projectId: string,
  w: MeasurementWrite,
  book: LaunchBook,
): Promise<MeasurementOutcome> {
  const key = plKeys.measurement(projectId, w.kpiId, w.day);
  const current = await loadMeasurement(deps, projectId, w.kpiId, w.day);
  if (w.value === null && !isLive(current)) {
    if (!current) return { ok: false, reason: 'absent' };
    // Deleted already: by this writer (a retry after a stop), that is the answer it wanted.
    const synced = await syncDerived(deps, projectId, current, book);
    return synced.value === null && w.by !== null && synced.by === w.by ? { ok: true, item: synced } : { ok: false, reason: 'absent' };
  }
  if (w.baseRevision !== 'latest') {
    const seen = isLive(current) ? current.revision : 0;
    if (w.baseRevision !== seen && !(seen === 0 && current && w.baseRevision === current.revision))
      return refused(deps, projectId, w, book, current ?? null);
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
    ...(w.value !== null && w.outlier ? { outlier: w.outlier } : {}),
  };
  // Before anything changes: a note that this day's derived data may lag until the write completes.
  const note: RepairNote = { kpiId: w.kpiId, day: w.day, revision: next.revision, at: w.at };
  await leaveRepairNote(deps, projectId, note);
  const committed = await commitRevision(
    deps.store,
    { current: key, revision: (n) => plKeys.measurementRevision(projectId, w.kpiId, w.day, n) },
    next,
  );
  if (!committed.ok) return settleNote(deps, projectId, note, await refused(deps, projectId, w, book, committed.current));
  await syncDerived(deps, projectId, committed.saved, book);
  await removeRepairNote(deps, projectId, note);
  return { ok: true, item: committed.saved };
}

/** A refused commit: the note is done when the derived data was brought in step with its revision or a newer one (the winner's). */
async function settleNote(deps: StorageDeps, projectId: string, note: RepairNote, outcome: MeasurementOutcome): Promise<MeasurementOutcome> {
  const applied = outcome.ok ? outcome.item : outcome.reason === 'conflict' ? outcome.current : null;
  if (applied && applied.revision >= note.revision) await removeRepairNote(deps, projectId, note);
  return outcome;
}

/**
 * A write based on a stale revision. The day's item is the truth and the bucket, the latest values and
 * the digests are kept from it; a write that stopped after the item was saved left them behind, so
 * they are brought in step here first. And when the current item is exactly this writer's write (a
 * retry after such a stop), the retry succeeds instead of conflicting with itself.
 */
async function refused(
  deps: StorageDeps,
  projectId: string,
  w: MeasurementWrite,
  book: LaunchBook,
  current: MeasurementItem | null,
): Promise<MeasurementOutcome> {
  if (!current) return { ok: false, reason: 'conflict', current: null };
  const synced = await syncDerived(deps, projectId, current, book);
  const ownRetry =
    w.by !== null &&
    synced.by === w.by &&
    synced.value === w.value &&
    (w.value === null || (synced.note === w.note && (synced.outlier ?? null) === (w.outlier ?? null)));
  return ownRetry ? { ok: true, item: synced } : { ok: false, reason: 'conflict', current: synced };
}

const flagsOf = (m: MeasurementItem) => (m.source === 'jql' ? FLAG_JQL : 0) | (m.note ? FLAG_NOTE : 0) | outlierFlags(m.outlier);

/**
 * Brings the KPI's bucket, latest values and launch digests in step with the day's item, then checks
 * that the item did not change meanwhile (another writer's derived updates may have landed before
 * ours); if it did, it goes again with the newer item, so the last one always wins. Idempotent: in
 * step already, it writes nothing. Answers the item it left them in step with.
 */
export async function syncDerived(deps: StorageDeps, projectId: string, item: MeasurementItem, book: LaunchBook): Promise<MeasurementItem> {
  let applied = item;
  for (let round = 0; round < SYNC_ROUNDS; round++) {
    const bucket = await updateBucket(deps, projectId, applied.kpiId, applied.date, applied.value === null ? null : [applied.value, flagsOf(applied)]);
    await updateLatest(deps, projectId, applied.kpiId, applied.date, applied.value, bucket);
    await refreshKpiInDigests(deps, projectId, applied.kpiId, applied.date, book, bucket);
    const now = await loadMeasurement(deps, projectId, item.kpiId, item.date);
    if (!now || now.revision <= applied.revision) return applied;
    applied = now;
  }
  return applied;
}

/** Rounds of `syncDerived` before leaving the rest to the writer that is still going. */
const SYNC_ROUNDS = 4;
