/**
 * Where a project's data lives, for the personal data sweep: its documents and records
 * (`project:{id}:`), the compare-and-set claims of its documents (`claim:project:{id}:`) and its
 * import's records (`import:{id}:`). And the one thing the sweep stores itself: a closed account found
 * but not erased everywhere yet, so that a sweep that stops for good is finished by the next one.
 */
import { transferKeys } from './transfer-keys';

export const projectPrefixes = (projectId: string): string[] => [transferKeys.project(projectId), transferKeys.claims(projectId), `import:${projectId}:`];

export const closedMarkerPrefix = 'privacy:closed:';
export const closedMarker = (accountId: string): string => `${closedMarkerPrefix}${accountId}`;

/** The account a permission cache key belongs to (`project:{id}:perm:{accountId}`), else null. */
export const permissionCacheAccount = (key: string): string | null => /^project:[^:]+:perm:(.+)$/.exec(key)?.[1] ?? null;
