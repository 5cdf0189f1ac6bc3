/**
 * Revision commits on the local store that keeps Forge KVS's rules: one winner per revision, the
 * loser told the current document, and a claim whose copy never happened rolled forward by the next
 * writer, never rolled back.
 */
import { SqliteStore } from '../../../devtools/local/sqlite-store';
import { ClaimedNotCopiedError } from './claim';
import { commitRevision, type RevisionKeys } from './commit-revision';

interface Doc {
  revision: number;
  by: string;
}

const keys: RevisionKeys = { current: 'doc:current', revision: (n) => `doc:rev:${n}` };

describe('commitRevision', () => {
  let now: number;
  let store: SqliteStore;
  beforeEach(() => {
    now = Date.UTC(2026, 0, 1);
    store = new SqliteStore(':memory:', { now: () => now });
  });
  afterEach(() => store.close());

  it('saves a revision and keeps it under its own key', async () => {
    expect(await commitRevision<Doc>(store, keys, { revision: 1, by: 'ann' })).toEqual({ ok: true, saved: { revision: 1, by: 'ann' } });
    expect(await store.get('doc:current')).toEqual({ revision: 1, by: 'ann' });
    expect(await store.get('doc:rev:1')).toEqual({ revision: 1, by: 'ann' });
  });

  it('refuses a second writer on the same revision and tells it the current document', async () => {
    await commitRevision<Doc>(store, keys, { revision: 1, by: 'ann' });
    expect(await commitRevision<Doc>(store, keys, { revision: 1, by: 'bob' })).toEqual({ ok: false, current: { revision: 1, by: 'ann' } });
    expect(await store.get('doc:current')).toEqual({ revision: 1, by: 'ann' });
  });

  it('rolls forward a revision that was claimed but never copied', async () => {
    await commitRevision<Doc>(store, keys, { revision: 1, by: 'ann' });
    // Ann's next save stopped between its claim and its copy.
    await store.setIfAbsent('doc:rev:2', { revision: 2, by: 'ann' });
    expect(await store.get('doc:current')).toEqual({ revision: 1, by: 'ann' });

    expect(await commitRevision<Doc>(store, keys, { revision: 2, by: 'bob' })).toEqual({ ok: false, current: { revision: 2, by: 'ann' } });
    expect(await store.get('doc:current')).toEqual({ revision: 2, by: 'ann' });
    // Bob, rebased on what he was told, saves the next revision.
    expect(await commitRevision<Doc>(store, keys, { revision: 3, by: 'bob' })).toEqual({ ok: true, saved: { revision: 3, by: 'bob' } });
  });

  it('rolls forward the first revision when the document was never written', async () => {
    await store.setIfAbsent('doc:rev:1', { revision: 1, by: 'ann' });
    expect(await commitRevision<Doc>(store, keys, { revision: 1, by: 'bob' })).toEqual({ ok: false, current: { revision: 1, by: 'ann' } });
    expect(await store.get('doc:current')).toEqual({ revision: 1, by: 'ann' });
  });

  it('never rolls a document back to an older claim', async () => {
    await store.setIfAbsent('doc:rev:2', { revision: 2, by: 'ann' });
    await store.set('doc:current', { revision: 3, by: 'cat' });
    expect(await commitRevision<Doc>(store, keys, { revision: 2, by: 'bob' })).toEqual({ ok: false, current: { revision: 3, by: 'cat' } });
    expect(await store.get('doc:current')).toEqual({ revision: 3, by: 'cat' });
    // The same revision copied already: nothing to roll forward either.
    await store.set('doc:current', { revision: 2, by: 'ann' });
    store.resetCalls();
    expect(await commitRevision<Doc>(store, keys, { revision: 2, by: 'bob' })).toEqual({ ok: false, current: { revision: 2, by: 'ann' } });
    expect(store.calls.set).toBe(0);
  });

  it('tries a failed copy once more; when that fails too, the claim stands and the next writer rolls it forward', async () => {
    store.failNext(1, 'set');
    expect(await commitRevision<Doc>(store, keys, { revision: 1, by: 'ann' })).toEqual({ ok: true, saved: { revision: 1, by: 'ann' } });
    expect(await store.get('doc:current')).toEqual({ revision: 1, by: 'ann' });

    store.failNext(2, 'set');
    await expect(commitRevision<Doc>(store, keys, { revision: 2, by: 'ann' })).rejects.toBeInstanceOf(ClaimedNotCopiedError);
    expect(await store.get('doc:current')).toEqual({ revision: 1, by: 'ann' });
    expect(await commitRevision<Doc>(store, keys, { revision: 2, by: 'bob' })).toEqual({ ok: false, current: { revision: 2, by: 'ann' } });
    expect(await store.get('doc:current')).toEqual({ revision: 2, by: 'ann' });
  });

  it('lets a revision claim expire only when given a time to live', async () => {
    await commitRevision<Doc>(store, keys, { revision: 1, by: 'ann' }, { ttlSeconds: 60 });
    await commitRevision<Doc>(store, keys, { revision: 2, by: 'ann' });
    now += 61_000;
    expect(await store.get('doc:rev:1')).toBeUndefined();
    expect(await store.get('doc:rev:2')).toEqual({ revision: 2, by: 'ann' });
    expect(await store.get('doc:current')).toEqual({ revision: 2, by: 'ann' });
  });
});
