/**
 * Compare-and-set for shared documents that many writers change a little (a KPI's yearly bucket, a
 * launch's digest, the KPI sources). KVS has no conditional update, but it has "write only if absent":
 * each revision is first claimed under a short-lived claim key, then copied to the document's key. Two
 * writers of the same revision cannot both claim it; the loser re-reads, re-applies its change and tries
 * again. A claimed revision that never reached the document key (a writer stopped in between) is rolled
 * forward by the next writer, as long as the claim lives.
 */
import type { KeyValueStore } from '../../ports';
import { plKeys } from '../post-launch-keys';

export interface Versioned {
  rev: number;
}

const CLAIM_TTL_SECONDS = 3600;
const ATTEMPTS = 8;

/** The change was claimed (so it stands, and the next writer rolls it forward) but not copied to the document yet. */
export class ClaimedNotCopiedError extends Error {
  constructor(key: string, cause: unknown) {
    super(`Claimed a change of ${key} but could not copy it yet; the next writer rolls it forward.`, { cause });
    this.name = 'ClaimedNotCopiedError';
  }
}

export class ContentionError extends Error {
  constructor(key: string) {
    super(`Gave up updating ${key} after ${ATTEMPTS} attempts: too many writers at once.`);
    this.name = 'ContentionError';
  }
}

/**
 * Applies `change` to the document at `key` (or to `init()` when it is absent) and stores the result
 * with `rev` + 1. `change` answers null to leave the document as it is. Answers the stored document.
 */
export async function casUpdate<T extends Versioned>(
  store: KeyValueStore,
  key: string,
  init: () => T,
  change: (current: T) => T | null,
): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = (await store.get<T>(key)) ?? init();
    const changed = change(current);
    if (changed === null) return current;
    const next = { ...changed, rev: current.rev + 1 };
    if (await store.setIfAbsent(plKeys.claim(key, next.rev), next, { ttlSeconds: CLAIM_TTL_SECONDS })) {
      // The claim decided it; copying it to the document is worth a second try. If both fail, the change
      // stands all the same (the next writer rolls the claim forward): callers must not undo around it.
      try {
        await store.set(key, next).catch(() => store.set(key, next));
      } catch (error) {
        throw new ClaimedNotCopiedError(key, error);
      }
      return next;
    }
    // Someone else claimed this revision: make sure it reached the document, then try again on top of it.
    const winner = await store.get<T>(plKeys.claim(key, next.rev));
    if (winner) {
      const now = await store.get<T>(key);
      if (!now || now.rev < winner.rev) await store.set(key, winner);
    }
  }
  throw new ContentionError(key);
}
