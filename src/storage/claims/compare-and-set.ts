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
import { claim } from './claim';

export { ClaimedNotCopiedError } from './claim';

export interface Versioned {
  rev: number;
}

const CLAIM_TTL_SECONDS = 3600;
const ATTEMPTS = 8;

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
    // A claimed change stands even if its copy failed (ClaimedNotCopiedError): callers must not undo around it.
    const outcome = await claim(store, { claimKey: plKeys.claim(key, next.rev), documentKey: key, value: next, ttlSeconds: CLAIM_TTL_SECONDS, revisionOf: (d) => d.rev });
    if (outcome.won) return next;
    // Someone else claimed this revision (and it has been rolled forward): try again on top of it.
  }
  throw new ContentionError(key);
}
