/**
 * Reads a project's stored entries a page at a time, across its key prefixes, from a position that
 * fits in a queue event, so a long walk resumes where the last event stopped.
 */
import type { KeyValueStore, StoredEntry } from '../../ports';
import { projectPrefixes } from '../../storage/privacy-keys';

export interface KeyPosition {
  /** Index in `projectPrefixes`. */
  prefix: number;
  cursor?: string;
}

export const startOfProject: KeyPosition = { prefix: 0 };

/** One page (at most 20 entries) and where the next starts; `next` is null after the last. */
export async function readProjectPage(
  store: KeyValueStore,
  projectId: string,
  at: KeyPosition,
): Promise<{ entries: StoredEntry<unknown>[]; next: KeyPosition | null }> {
  const prefixes = projectPrefixes(projectId);
  const page = await store.query<unknown>(prefixes[at.prefix]!, { limit: 20, ...(at.cursor ? { cursor: at.cursor } : {}) });
  if (page.nextCursor) return { entries: page.results, next: { prefix: at.prefix, cursor: page.nextCursor } };
  return { entries: page.results, next: at.prefix + 1 < prefixes.length ? { prefix: at.prefix + 1 } : null };
}
