/** The projects that use the app (`registry:project:{id}`), so the daily jobs know which to visit. */
import type { QueryPage } from '../ports';
import { storageKeys } from './keys';
import type { StorageDeps } from './storage-deps';

export interface RegisteredProject {
  projectId: string;
  projectKey: string;
  registeredAt: string;
}

/** Idempotent: the first registration wins (write-if-absent), later calls change nothing. */
export async function registerProjectOnce(deps: StorageDeps, entry: RegisteredProject): Promise<void> {
  await deps.store.setIfAbsent(storageKeys.registeredProject(entry.projectId), entry);
}

/** One page (20) of registered projects, in no assumed order; follow `nextCursor` for the rest. */
export const listRegisteredProjects = (deps: StorageDeps, cursor: string | undefined): Promise<QueryPage<RegisteredProject>> =>
  deps.store.query<RegisteredProject>(storageKeys.registeredProjectPrefix, { cursor, limit: 20 });

/** One project's registration (1 read), or undefined when it never used the app. */
export const readRegisteredProject = (deps: StorageDeps, projectId: string): Promise<RegisteredProject | undefined> =>
  deps.store.get<RegisteredProject>(storageKeys.registeredProject(projectId));
