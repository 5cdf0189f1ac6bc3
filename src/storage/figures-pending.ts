/**
 * The marker that coalesces refreshes of the macro's current figures (`project:{id}:figures-pending`):
 * the first change claims it (write-if-absent) and queues one refresh; changes while it stands queue
 * nothing, since the refresh reads everything when it runs. The refresh drops the marker before it
 * reads, so a change after that queues the next one. It expires on its own, so a lost event cannot
 * stop refreshes for longer than that.
 */
import { storageKeys } from './keys';
import type { StorageDeps } from './storage-deps';

export const FIGURES_PENDING_TTL_SECONDS = 600;

/** True when this caller set the marker (and so must queue the refresh). */
export const claimFiguresRefresh = (deps: StorageDeps, projectId: string, at: string): Promise<boolean> =>
  deps.store.setIfAbsent(storageKeys.figuresPending(projectId), { at }, { ttlSeconds: FIGURES_PENDING_TTL_SECONDS });

export const releaseFiguresRefresh = (deps: StorageDeps, projectId: string): Promise<void> =>
  deps.store.delete(storageKeys.figuresPending(projectId));
