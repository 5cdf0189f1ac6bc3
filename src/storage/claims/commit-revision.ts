/**
 * Optimistic concurrency for documents with a revision history (the vision draft, the goal and launch
 * books, a day's measurement): each revision is claimed for good under its own key (./claim.ts), so two
 * writers based on the same revision cannot both save; the loser gets a conflict with the current one.
 */
import type { KeyValueStore } from '../../ports';
import { claim } from './claim';

export interface RevisionKeys {
  current: string;
  revision: (n: number) => string;
}

export type CommitOutcome<T> = { ok: true; saved: T } | { ok: false; current: T | null };

export async function commitRevision<T extends { revision: number }>(
  store: KeyValueStore,
  keys: RevisionKeys,
  next: T,
  options: { ttlSeconds?: number } = {},
): Promise<CommitOutcome<T>> {
  const outcome = await claim(store, {
    claimKey: keys.revision(next.revision),
    documentKey: keys.current,
    value: next,
    revisionOf: (doc) => doc.revision,
    ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
  });
  return outcome.won ? { ok: true, saved: next } : { ok: false, current: outcome.current };
}
