/**
 * Guided start's "vision shared" step: the first time someone other than a project admin opened the
 * project's vision. Written once (write-if-absent), never on every load, and with no account id in it.
 */
import { storageKeys } from './keys';
import type { StorageDeps } from './storage-deps';

export interface VisionShared {
  /** ISO instant of the first visit. */
  at: string;
}

/** 1 read. */
export async function readVisionShared(deps: StorageDeps, projectId: string): Promise<VisionShared | null> {
  return (await deps.store.get<VisionShared>(storageKeys.visionShared(projectId))) ?? null;
}

/** 1 write that only a first visit makes; answers the marker that holds afterwards. */
export async function markVisionShared(deps: StorageDeps, projectId: string, at: string): Promise<VisionShared> {
  const marker: VisionShared = { at };
  const wrote = await deps.store.setIfAbsent(storageKeys.visionShared(projectId), marker);
  return wrote ? marker : ((await readVisionShared(deps, projectId)) ?? marker);
}
