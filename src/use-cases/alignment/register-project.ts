/** Remembers that a project uses the app, so the daily snapshot knows to visit it. */
import type { Deps } from '../../ports';
import { registerProjectOnce, type RegisteredProject } from '../../storage/registry';
import type { StorageDeps } from '../../storage/storage-deps';

export type { RegisteredProject };

/** Idempotent: the first registration wins, later calls change nothing. */
export async function registerProject(deps: StorageDeps & Pick<Deps, 'clock'>, project: { id: string; key: string }): Promise<void> {
  await registerProjectOnce(deps, { projectId: project.id, projectKey: project.key, registeredAt: deps.clock.now().toISOString() });
}
