/**
 * What the personal data sweep reads and keeps: a project's stored entries, a page at a time across its
 * key prefixes (privacy-keys.ts), and a marker per closed account found but not erased everywhere yet.
 */
import type { StoredEntry } from '../ports';
import { closedMarker, closedMarkerPrefix, projectPrefixes } from './privacy-keys';
import type { StorageDeps } from './storage-deps';

/** Where a walk over a project's entries stands: small enough to fit in a queue event, so a long walk resumes where the last event stopped. */
export interface KeyPosition {
  /** Index in `projectPrefixes`. */
  prefix: number;
  cursor?: string;
}

export const startOfProject: KeyPosition = { prefix: 0 };

/** One page (at most 20 entries) and where the next starts; `next` is null after the last. */
export async function readProjectEntries(
  deps: StorageDeps,
  projectId: string,
  at: KeyPosition,
): Promise<{ entries: StoredEntry<unknown>[]; next: KeyPosition | null }> {
  const prefixes = projectPrefixes(projectId);
  const page = await deps.store.query<unknown>(prefixes[at.prefix]!, { limit: 20, ...(at.cursor ? { cursor: at.cursor } : {}) });
  if (page.nextCursor) return { entries: page.results, next: { prefix: at.prefix, cursor: page.nextCursor } };
  return { entries: page.results, next: at.prefix + 1 < prefixes.length ? { prefix: at.prefix + 1 } : null };
}

/** 1 storage call per account, one after the other. */
export async function markAccountsClosed(deps: StorageDeps, accountIds: string[]): Promise<void> {
  for (const id of accountIds) await deps.store.set(closedMarker(id), true);
}

/** Closed accounts a previous sweep found but did not finish erasing (at most `limit`). */
export async function listClosedAccounts(deps: StorageDeps, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.query<unknown>(closedMarkerPrefix, { limit: 20, ...(cursor ? { cursor } : {}) });
    ids.push(...page.results.map((r) => r.key.slice(closedMarkerPrefix.length)));
    cursor = page.nextCursor;
  } while (cursor && ids.length < limit);
  return ids.slice(0, limit);
}

/** Drops the markers, 25 to a transaction (the most one holds). */
export async function forgetClosedAccounts(deps: StorageDeps, accountIds: string[]): Promise<void> {
  for (let i = 0; i < accountIds.length; i += 25) await deps.store.transact(accountIds.slice(i, i + 25).map((id) => ({ kind: 'delete' as const, key: closedMarker(id) })));
}
