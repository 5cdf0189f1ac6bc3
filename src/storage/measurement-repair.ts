/**
 * Brings a KPI's derived data (year bucket, the project's latest values, launch digests) back in step
 * with its stored measurements after a write stopped half-way, from the repair notes such a write leaves
 * behind (./repair-notes.ts). Run by the KPI's chart before it answers and by the daily sweep; bounded:
 * one page of notes (20) per call, each a few reads and at most the writes the stopped write had left.
 */
import type { LaunchBook, MeasurementItem } from '../contract/post-launch/post-launch';
import type { YearBucket } from '../domain/post-launch/kpi-series';
import { earliestYearOf, loadYearBucket } from './kpi-series';
import { readLaunchBook } from './launches';
import { loadMeasurement, syncDerived } from './measurements';
import { plKeys } from './post-launch-keys';
import { findRepairNotes, removeRepairNote, type RepairNote } from './repair-notes';
import type { StorageDeps } from './storage-deps';

/**
 * The day's item at the note's revision or newer, or undefined when that revision was never claimed.
 * A revision claimed but not copied to the day's key (the write stopped in between) is the truth: it is
 * rolled forward here, as the next writer of the day would.
 */
async function committedItem(deps: StorageDeps, projectId: string, note: RepairNote): Promise<MeasurementItem | undefined> {
  const current = await loadMeasurement(deps, projectId, note.kpiId, note.day);
  if (current && current.revision >= note.revision) return current;
  const claimed = await deps.store.get<MeasurementItem>(plKeys.measurementRevision(projectId, note.kpiId, note.day, note.revision));
  if (!claimed) return undefined;
  await deps.store.set(plKeys.measurement(projectId, note.kpiId, note.day), claimed);
  return claimed;
}

export interface RepairOptions {
  /**
   * Notes of writes that started before this instant and never committed are dropped (the writer
   * stopped before changing anything). Without it (a read, which cannot tell such a writer from one
   * still under way) they are left for the daily sweep.
   */
  staleBefore?: string;
}

/** Repairs what `notes` name; answers how many days were brought in step. */
export async function repairFromNotes(
  deps: StorageDeps,
  projectId: string,
  notes: readonly RepairNote[],
  options: RepairOptions = {},
): Promise<number> {
  let book: LaunchBook | undefined;
  let repaired = 0;
  for (const note of notes) {
    const item = await committedItem(deps, projectId, note);
    if (!item) {
      if (options.staleBefore !== undefined && note.at < options.staleBefore) await removeRepairNote(deps, projectId, note);
      continue;
    }
    book ??= await readLaunchBook(deps, projectId);
    await syncDerived(deps, projectId, item, book);
    await removeRepairNote(deps, projectId, note);
    repaired += 1;
  }
  return repaired;
}

/** The daily sweep of one project: one query when nothing is pending. */
export async function repairProjectMeasurements(deps: StorageDeps, projectId: string, options: RepairOptions = {}): Promise<number> {
  const notes = await findRepairNotes(deps, projectId);
  return notes.length ? repairFromNotes(deps, projectId, notes, options) : 0;
}

/**
 * What a KPI's chart shows: its first year with values and the buckets of `years`, read together with
 * the KPI's repair notes (one query more than the chart itself needs); when a write to the KPI stopped
 * half-way, its derived data is brought in step first and the chart read again.
 */
export async function readChartInStep(
  deps: StorageDeps,
  projectId: string,
  kpiId: string,
  years: readonly number[],
): Promise<{ earliestYear: number | null; buckets: Array<YearBucket | undefined> }> {
  const read = async () => {
    const [earliestYear, buckets] = await Promise.all([earliestYearOf(deps, projectId, kpiId), Promise.all(years.map((y) => loadYearBucket(deps, projectId, kpiId, y)))]);
    return { earliestYear, buckets };
  };
  const [chart, notes] = await Promise.all([read(), findRepairNotes(deps, projectId, kpiId)]);
  return notes.length && (await repairFromNotes(deps, projectId, notes)) > 0 ? read() : chart;
}
