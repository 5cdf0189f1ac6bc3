/** A project's epic-level and standard-level issue type ids (`project:{id}:epic-types`), cached for a day. */
import { storageKeys } from './keys';
import type { StorageDeps } from './storage-deps';

export interface ProjectHierarchy {
  epicTypeIds: string[];
  standardTypeIds: string[];
  /** What the project calls its epic level (absent in entries cached before it was kept). */
  epicTypeName?: string;
  fetchedAt: string;
}

export const readEpicTypes = (deps: StorageDeps, projectId: string): Promise<ProjectHierarchy | undefined> =>
  deps.store.get<ProjectHierarchy>(storageKeys.epicTypes(projectId));

export const writeEpicTypes = (deps: StorageDeps, projectId: string, hierarchy: ProjectHierarchy): Promise<void> =>
  deps.store.set(storageKeys.epicTypes(projectId), hierarchy);
