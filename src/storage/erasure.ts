/**
 * Erases closed accounts from one stored entry, with the write each kind of key is made with elsewhere,
 * so a user's change made at the same moment is never lost:
 * - documents whose revisions are claimed (vision draft, goal book, launch book, a day's measurement):
 *   a new revision through `commitRevision`; losing the race means someone saved meanwhile, so re-read
 *   and erase from theirs;
 * - documents updated by compare-and-set (`rev`: KPI sources, digests, chart buckets): `casUpdate`;
 * - a permission answer cached for a closed account: deleted (it is only a cache);
 * - records written once and never changed (revisions, published versions, feedback, decisions, claims,
 *   import records): rewritten in place, only if still there, so a record deleted meanwhile stays deleted.
 */
import { anonymise, mentionsAny } from '../domain/privacy/anonymise';
import { commitRevision, type RevisionKeys } from './claims/commit-revision';
import { SNAPSHOT_TTL_SECONDS } from './document-rules';
import { casUpdate, type Versioned } from './claims/compare-and-set';
import { plKeys } from './post-launch-keys';
import { storageKeys } from './keys';
import { permissionCacheAccount } from './privacy-keys';
import type { StorageDeps } from './storage-deps';

const ATTEMPTS = 5;

interface RevisionedDoc {
  keys: RevisionKeys;
  ttlSeconds?: number;
}

/** The revision keys of a document whose revisions are claimed, or null for any other key. */
function revisioned(key: string): RevisionedDoc | null {
  const doc = /^project:([^:]+):(vision|goals|launches)$/.exec(key);
  if (doc) {
    const [, p, kind] = doc as unknown as [string, string, 'vision' | 'goals' | 'launches'];
    if (kind === 'vision') return { keys: { current: key, revision: (n) => storageKeys.visionRevision(p, n) } };
    if (kind === 'goals') return { keys: { current: key, revision: (n) => storageKeys.goalBookRevision(p, n) }, ttlSeconds: SNAPSHOT_TTL_SECONDS };
    return { keys: { current: key, revision: (n) => plKeys.launchBookRevision(p, n) }, ttlSeconds: SNAPSHOT_TTL_SECONDS };
  }
  const day = /^project:([^:]+):kpi:([^:]+):day:([^:]+)$/.exec(key);
  if (day) {
    const [, p, kpiId, date] = day as unknown as [string, string, string, string];
    return { keys: { current: key, revision: (n) => plKeys.measurementRevision(p, kpiId, date, n) } };
  }
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasRevision = (v: unknown): v is { revision: number } => isObject(v) && typeof v.revision === 'number';
const hasRev = (v: unknown): v is Versioned => isObject(v) && typeof v.rev === 'number';

async function eraseRevisioned({ store }: StorageDeps, doc: RevisionedDoc, closed: ReadonlySet<string>): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await store.get<unknown>(doc.keys.current);
    if (!hasRevision(current)) return;
    const { value, changed } = anonymise(current, closed);
    if (!changed) return;
    const outcome = await commitRevision(store, doc.keys, { ...value, revision: current.revision + 1 }, doc.ttlSeconds ? { ttlSeconds: doc.ttlSeconds } : {});
    if (outcome.ok) return;
  }
  throw new Error(`Could not erase closed accounts from ${doc.keys.current}: too many writers at once.`);
}

/** Answers whether the entry named a closed account (and was written). */
export async function eraseEntry(deps: StorageDeps, key: string, value: unknown, closed: ReadonlySet<string>): Promise<boolean> {
  const { store } = deps;
  const cachedFor = permissionCacheAccount(key);
  if (cachedFor !== null && closed.has(cachedFor)) {
    await store.delete(key);
    return true;
  }
  if (!mentionsAny(value, closed)) return false;
  const doc = revisioned(key);
  if (doc && hasRevision(value)) {
    await eraseRevisioned(deps, doc, closed);
    return true;
  }
  if (hasRev(value) && !key.startsWith('claim:')) {
    await casUpdate<Versioned>(store, key, () => value, (current) => {
      const next = anonymise(current, closed);
      return next.changed ? next.value : null;
    });
    return true;
  }
  const now = await store.get<unknown>(key);
  if (now === undefined) return false;
  const next = anonymise(now, closed);
  if (next.changed) await store.set(key, next.value);
  return next.changed;
}
