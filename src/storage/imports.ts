/**
 * An import's own records, beside the project's (`import:{id}:`, so clearing the project never removes
 * the file being imported): where the latest import stands, the uploaded chunks of its file, and the
 * lease of the invocation writing it.
 */
import type { ImportStatus } from '../contract/transfer/transfer-file';
import type { StorageDeps } from './storage-deps';
import { transferKeys } from './transfer-keys';

/** Ids that differ in the target: Jira versions (by id, else by name, else none) and automatic KPIs' JQL. */
export interface ImportRemaps {
  /** [version id in the file, id in the target or null when the target project has no such version]. */
  versions: Array<[string, string | null]>;
  /** [KPI id, the JQL it counts in the target, or null: measured by hand from now on]. */
  jql: Array<[string, string | null]>;
}

export interface ImportState {
  importId: string;
  status: ImportStatus;
  by: string;
  startedAt: string;
  updatedAt: string;
  chunks: number;
  bytes: number;
  source: { projectKey: string; projectId: string } | null;
  exportedAt: string | null;
  remaps: ImportRemaps | null;
  replace: boolean;
  done: number;
  total: number;
  message: string | null;
  notes: string[];
  summary?: 'written' | 'failed' | 'none';
}

/** Uploaded chunks are kept a week, then expire by themselves. */
const CHUNK_TTL_SECONDS = 7 * 24 * 3600;
const LEASE_SECONDS = 60;

export const readImportState = (deps: StorageDeps, projectId: string): Promise<ImportState | undefined> =>
  deps.store.get<ImportState>(transferKeys.state(projectId));

export const writeImportState = (deps: StorageDeps, projectId: string, state: ImportState): Promise<void> =>
  deps.store.set<ImportState>(transferKeys.state(projectId), state);

/** Stores one chunk of the file unless that chunk is there already (answers false then). */
export const storeChunkOnce = (deps: StorageDeps, projectId: string, importId: string, index: number, text: string): Promise<boolean> =>
  deps.store.setIfAbsent(transferKeys.chunk(projectId, importId, index), text, { ttlSeconds: CHUNK_TTL_SECONDS });

export const readChunk = (deps: StorageDeps, projectId: string, importId: string, index: number): Promise<string | undefined> =>
  deps.store.get<string>(transferKeys.chunk(projectId, importId, index));

/** Chunks `first` to `first + count - 1`, read at once; a missing one is undefined. */
export const readChunks = (deps: StorageDeps, projectId: string, importId: string, first: number, count: number): Promise<Array<string | undefined>> =>
  Promise.all(Array.from({ length: count }, (_, j) => readChunk(deps, projectId, importId, first + j)));

/** Drops the uploaded chunks of a finished or abandoned import (they would expire anyway), 25 per transaction. */
export async function dropChunks(deps: StorageDeps, projectId: string, state: Pick<ImportState, 'importId' | 'chunks'>): Promise<void> {
  for (let i = 0; i < state.chunks; i += 25)
    await deps.store.transact(Array.from({ length: Math.min(25, state.chunks - i) }, (_, j) => ({ kind: 'delete' as const, key: transferKeys.chunk(projectId, state.importId, i + j) })));
}

/**
 * Takes the lease of writing the project's import (write-if-absent, so two tabs cannot run it at once);
 * false when another invocation holds it. It expires by itself should the holder stop without releasing it.
 */
export const takeImportLease = (deps: StorageDeps, projectId: string, importId: string, at: string): Promise<boolean> =>
  deps.store.setIfAbsent(transferKeys.lease(projectId), { importId, at }, { ttlSeconds: LEASE_SECONDS });

export const releaseImportLease = (deps: StorageDeps, projectId: string): Promise<void> => deps.store.delete(transferKeys.lease(projectId));
