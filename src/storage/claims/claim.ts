/**
 * The one claim primitive behind every concurrent write. KVS has no conditional update, but it has
 * "write only if absent" (FAIL_IF_EXISTS): a change is first claimed under a key of its own, then
 * copied to the document's key. Two writers cannot both claim the same key; the loser is told who won.
 * The claim is the truth and the document key a copy: a writer that stops between the two steps leaves
 * a claim that the next writer rolls forward, so nothing is lost or wedged. A failed copy is tried once
 * more at once, so a passing storage hiccup leaves nothing to roll forward.
 */
import type { KeyValueStore } from '../../ports';

/** The change was claimed (so it stands, and the next writer rolls it forward) but not copied to the document yet. */
export class ClaimedNotCopiedError extends Error {
  constructor(key: string, cause: unknown) {
    super(`Claimed a change of ${key} but could not copy it yet; the next writer rolls it forward.`, { cause });
    this.name = 'ClaimedNotCopiedError';
  }
}

export interface ClaimRequest<T> {
  /** Where the change is claimed (write-if-absent). */
  claimKey: string;
  /** The document the claimed change is copied to. */
  documentKey: string;
  value: T;
  /** How long the claim lives (claims that only order writers expire; revision history does not). */
  ttlSeconds?: number;
  /** The revision number a document carries, to tell which of two is newer. */
  revisionOf: (doc: T) => number;
}

export type ClaimOutcome<T> = { won: true } | { won: false; winner: T | null; current: T | null };

/** Claims `value`; on a win copies it to the document, on a loss rolls the winner forward if the copy lags. */
export async function claim<T>(store: KeyValueStore, r: ClaimRequest<T>): Promise<ClaimOutcome<T>> {
  if (await store.setIfAbsent(r.claimKey, r.value, r.ttlSeconds === undefined ? {} : { ttlSeconds: r.ttlSeconds })) {
    try {
      await store.set(r.documentKey, r.value).catch(() => store.set(r.documentKey, r.value));
    } catch (error) {
      throw new ClaimedNotCopiedError(r.documentKey, error);
    }
    return { won: true };
  }
  const [winner, current] = await Promise.all([store.get<T>(r.claimKey), store.get<T>(r.documentKey)]);
  if (winner && (!current || r.revisionOf(current) < r.revisionOf(winner))) {
    await store.set(r.documentKey, winner);
    return { won: false, winner, current: winner };
  }
  return { won: false, winner: winner ?? null, current: current ?? null };
}
