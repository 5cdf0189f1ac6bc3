/**
 * Which issue types are epics (hierarchy level 1) and which are their children (level 0), per project.
 * Cached in storage for a day, so a headline count needs no issue-type call.
 */
import { epicLevelName, epicTypeIds, standardTypeIds } from '../../domain/alignment/alignment';
import type { Deps } from '../../ports';
import { readEpicTypes, writeEpicTypes, type ProjectHierarchy } from '../../storage/epic-types';
import type { StorageDeps } from '../../storage/storage-deps';

export type { ProjectHierarchy };

export const HIERARCHY_MAX_AGE_MS = 24 * 3600 * 1000;

export const readHierarchy = (deps: StorageDeps, projectId: string) => readEpicTypes(deps, projectId);

/**
 * The cached hierarchy if it is fresh, else asks Jira (as the port's caller) and caches the answer.
 * Null when Jira does not show the project.
 */
export async function freshHierarchy(
  deps: StorageDeps & Pick<Deps, 'jira' | 'clock'>,
  projectId: string,
  cached: ProjectHierarchy | undefined,
): Promise<ProjectHierarchy | null> {
  const now = deps.clock.now();
  if (cached && now.getTime() - Date.parse(cached.fetchedAt) < HIERARCHY_MAX_AGE_MS && Array.isArray(cached.epicTypeIds) && cached.epicTypeName !== undefined)
    return cached;
  const types = await deps.jira.projectIssueTypes(projectId);
  if (!types) return null;
  const hierarchy: ProjectHierarchy = { epicTypeIds: epicTypeIds(types), standardTypeIds: standardTypeIds(types), epicTypeName: epicLevelName(types), fetchedAt: now.toISOString() };
  await writeEpicTypes(deps, projectId, hierarchy);
  return hierarchy;
}
