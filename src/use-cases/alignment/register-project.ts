/** Remembers that a project uses the app, so the daily snapshot knows to visit it. */
import type { Deps } from '../../ports';
import { storageKeys } from '../../storage/keys';

export interface RegisteredProject {
  projectId: string;
  projectKey: string;
  registeredAt: string;
}

/** Idempotent: the first registration wins (write-if-absent), later calls change nothing. */
export async function registerProject(deps: Pick<Deps, 'store' | 'clock'>, project: { id: string; key: string }): Promise<void> {
  const entry: RegisteredProject = { projectId: project.id, projectKey: project.key, registeredAt: deps.clock.now().toISOString() };
  await deps.store.setIfAbsent(storageKeys.registeredProject(project.id), entry);
}
