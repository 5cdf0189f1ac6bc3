/**
 * A caller's project permissions, cached briefly (`project:{id}:perm:{accountId}`) so paging a list asks
 * Jira once: Jira's rate limits count permission calls too.
 */
import type { ProjectPermissions } from '../ports';
import { storageKeys } from './keys';
import type { StorageDeps } from './storage-deps';

/** Keeps the answer unless one is cached already (write-if-absent): it expires by itself. */
export async function cachePermissions(
  deps: StorageDeps,
  projectId: string,
  accountId: string,
  permissions: ProjectPermissions,
  ttlSeconds: number,
): Promise<void> {
  await deps.store.setIfAbsent(storageKeys.permissions(projectId, accountId), permissions, { ttlSeconds });
}

export const readCachedPermissions = (deps: StorageDeps, projectId: string, accountId: string): Promise<ProjectPermissions | undefined> =>
  deps.store.get<ProjectPermissions>(storageKeys.permissions(projectId, accountId));
