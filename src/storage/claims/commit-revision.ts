/**
 * Optimistic concurrency without locks. Each revision of a document is first claimed under its own
 * key with "write only if absent" (KVS FAIL_IF_EXISTS), then copied to the current key. Two writers
 * based on the same revision cannot both claim the next one: the loser gets a conflict. The revision
 * keys are the truth and the current key a cache: if a write stops between the two steps, the next
 * writer finds the claimed revision and rolls the current key forward, so nothing is lost or wedged.
 * (A failed copy is tried once more at once, so a passing storage hiccup leaves nothing to roll forward.)
 */
import type { KeyValueStore } from '../../ports';

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
  const claimed = await store.setIfAbsent(keys.revision(next.revision), next, options);
  if (claimed) {
    // The claim decided it: copying it to the current key is a cache update, worth a second try.
    await store.set(keys.current, next).catch(() => store.set(keys.current, next));
    return { ok: true, saved: next };
  }
  const [winner, current] = await Promise.all([
    store.get<T>(keys.revision(next.revision)),
    store.get<T>(keys.current),
  ]);
  if (winner && (!current || current.revision < winner.revision)) {
    await store.set(keys.current, winner);
    return { ok: false, current: winner };
  }
  return { ok: false, current: current ?? null };
}
