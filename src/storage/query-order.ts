/**
 * Forge documents no order for `kvs.query()` results (docs/forge-platform-facts.md, section 1), so
 * nothing here relies on one: a listing sorts each page itself, and "the newest" or "the earliest" is
 * either kept in a document or found by reading a small, bounded set in full.
 */
import { StoreError, type KeyValueStore, type QueryPage, type StoredEntry } from '../ports';

const byKey = (a: StoredEntry<unknown>, b: StoredEntry<unknown>) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The page's results in key order. The listing keys count down, so key order is newest first within the
 * page; across pages no order is promised.
 */
export function inKeyOrder<T>(page: QueryPage<T>): QueryPage<T> {
  return { ...page, results: [...page.results].sort(byKey) };
}

/** Every entry under `prefix`, following cursors; refuses (STORE_FAILURE) a set larger than `maxPages` pages of 20. */
export async function readAll<T>(store: KeyValueStore, prefix: string, maxPages: number): Promise<StoredEntry<T>[]> {
  const entries: StoredEntry<T>[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await store.query<T>(prefix, { cursor, limit: 20 });
    entries.push(...page.results);
    cursor = page.nextCursor;
    if (!cursor) return entries;
  }
  throw new StoreError('STORE_FAILURE', `More than ${maxPages * 20} keys under ${prefix}`);
}

/** A listing page as the views take it: the values in key order, and the cursor of the next page or null. */
export interface ValuesPage<T> {
  items: T[];
  nextCursor: string | null;
}

export const valuesInKeyOrder = <T>(page: QueryPage<T>): ValuesPage<T> => ({
  items: inKeyOrder(page).results.map((r) => r.value),
  nextCursor: page.nextCursor ?? null,
});
