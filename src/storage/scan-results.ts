/**
 * What a full pass leaves behind: chunks of aligned epic ids while it runs (read back to weight child
 * issues), then the day's snapshot and the trend once it finishes.
 */
import type { AlignmentSnapshot } from '../contract';
import type { TrendPoint } from '../domain/alignment/alignment-trend';
import { storageKeys } from './keys';
import type { ScanState } from './scans';
import type { StorageDeps } from './storage-deps';

export interface TrendRecord {
  points: TrendPoint[];
  latest: AlignmentSnapshot | null;
}

type PassChunks = Pick<ScanState, 'projectId' | 'runId' | 'alignedChunks'>;

/** Stores the aligned epic ids one step of a pass found (numbers where the ids are numeric, to stay small). */
export const writeAlignedChunk = (deps: StorageDeps, s: Pick<ScanState, 'projectId' | 'runId'>, step: number, ids: Array<number | string>): Promise<void> =>
  deps.store.set(storageKeys.scanAligned(s.projectId, s.runId, step), ids);

/** Every aligned epic id the pass has stored so far, as strings: one read per chunk, at once. */
export async function readAlignedIds(deps: StorageDeps, s: PassChunks): Promise<Set<string>> {
  const chunks = await Promise.all(
    s.alignedChunks.map((step) => deps.store.get<Array<number | string>>(storageKeys.scanAligned(s.projectId, s.runId, step))),
  );
  return new Set(chunks.flatMap((ids) => (ids ?? []).map(String)));
}

/** The aligned-id chunks are only needed during a pass; a finished or abandoned pass drops them. */
export async function dropAlignedChunks(deps: StorageDeps, s: PassChunks): Promise<void> {
  for (const step of s.alignedChunks) await deps.store.delete(storageKeys.scanAligned(s.projectId, s.runId, step));
}

/** One snapshot per day, under a key that sorts the newest first (`newestFirstDate`). */
export const writeSnapshot = (deps: StorageDeps, projectId: string, newestFirstDate: string, snapshot: AlignmentSnapshot): Promise<void> =>
  deps.store.set(storageKeys.snapshot(projectId, newestFirstDate), snapshot);

export const readTrend = (deps: StorageDeps, projectId: string): Promise<TrendRecord | undefined> =>
  deps.store.get<TrendRecord>(storageKeys.trend(projectId));

export const writeTrend = (deps: StorageDeps, projectId: string, trend: TrendRecord): Promise<void> =>
  deps.store.set<TrendRecord>(storageKeys.trend(projectId), trend);
