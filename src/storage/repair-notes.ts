/**
 * Repair notes of measurement writes. A write of a day's value changes several keys one after another
 * (the day's item, the KPI's year bucket, the project's latest values, the launch digests); KVS has no
 * transaction that can also claim a revision. So a write leaves a note before it changes anything and
 * removes it once everything derived is in step with the item. A write stopped half-way (the process
 * killed) leaves its note behind, and whoever finds it (the KPI's chart, the daily sweep:
 * ./measurement-repair.ts) brings the derived data in step with the stored measurement.
 *
 * Notes are keyed by the revision the write commits, so a note is only ever removed by someone who has
 * brought the derived data in step with that revision or a newer one. A note says nothing anyone sees.
 */
import { plKeys } from './post-launch-keys';
import type { StorageDeps } from './storage-deps';

export interface RepairNote {
  kpiId: string;
  day: string;
  /** The revision of the day's item the write commits. */
  revision: number;
  /** When the write started (to tell a write still under way from one that stopped before its commit). */
  at: string;
}

const keyOf = (projectId: string, note: RepairNote) => plKeys.repairNote(projectId, note.kpiId, note.day, note.revision);

/** Leaves the note; the write must not go on if this fails (nothing is changed yet). */
export const leaveRepairNote = (deps: StorageDeps, projectId: string, note: RepairNote): Promise<void> => deps.store.set(keyOf(projectId, note), note);

/**
 * Removes a note once its derived data is in step. Best effort: a note left behind only costs its
 * finder a check that changes nothing, so a failure here must not fail a write that is complete.
 */
export const removeRepairNote = (deps: StorageDeps, projectId: string, note: RepairNote): Promise<void> =>
  deps.store.delete(keyOf(projectId, note)).catch(() => undefined);

/** Up to one page (20) of a project's notes, or of one KPI's: in no assumed order. */
export async function findRepairNotes(deps: StorageDeps, projectId: string, kpiId?: string): Promise<RepairNote[]> {
  const page = await deps.store.query<RepairNote>(plKeys.repairNotePrefix(projectId, kpiId), { limit: 20 });
  return page.results.map((r) => r.value);
}
