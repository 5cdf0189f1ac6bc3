/**
 * The Forge KVS adapter as it ships: `new ForgeKvsStore()` over the real `kvs` of @forge/kvs, which
 * reaches the platform through `__forge_fetch__`; the platform stand-in answers it from an embedded
 * store, with the service's statuses and codes, and plays the answers tests need (conflicts answered
 * in any shape, lost replies, 5xx, a network that is down).
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { createForgePlatform, type ForgePlatform } from '../../../devtools/forge-platform/platform';
import { StoreError, type KeyValueStore } from '../../ports/store.port';
import { seedDemoSite } from '../../../devtools/simulated-jira/seed';
import { SqliteStore } from '../../../devtools/local/sqlite-store';
import { describeKeyValueStoreContract } from '../../../test/support/store-contract';
import { ForgeKvsStore } from './kvs-store';

/** The adapter, each call made inside an invocation of a fresh platform (as every Forge call is). */
function forgeStore(options: { now?: () => number } = {}): { store: KeyValueStore; platform: ForgePlatform } {
  const platform = createForgePlatform({ store: new SqliteStore(':memory:', options), site: seedDemoSite() });
  const adapter = new ForgeKvsStore();
  const within = <T>(fn: () => Promise<T>) => platform.within({ accountId: null, product: 'jira' }, fn);
  const store: KeyValueStore = {
    get: (key) => within(() => adapter.get(key)),
    set: (key, value) => within(() => adapter.set(key, value)),
    setIfAbsent: (key, value, o) => within(() => adapter.setIfAbsent(key, value, o)),
    delete: (key) => within(() => adapter.delete(key)),
    query: (prefix, o) => within(() => adapter.query(prefix, o)),
    transact: (operations) => within(() => adapter.transact(operations)),
  };
  return { store, platform };
}

describeKeyValueStoreContract('ForgeKvsStore through @forge/kvs and the platform stand-in', async () => ({ store: forgeStore().store }));

describe('ForgeKvsStore (Forge only)', () => {
  it('sends setIfAbsent as a FAIL_IF_EXISTS set with a TTL in seconds', async () => {
    const { store, platform } = forgeStore();
    await store.setIfAbsent('lock', 'me', { ttlSeconds: 30 });
    expect(platform.kvs.requests).toEqual([
      { path: '/api/v1/set', body: { key: 'lock', value: 'me', options: { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 30, unit: 'SECONDS' } } } },
    ]);
  });

  describe('setIfAbsent without relying on the undocumented conflict answer', () => {
    it.each([
      [409, 'KEY_CONFLICT'],
      [400, 'SOMETHING_NEW'],
      [412, 'PRECONDITION_FAILED'],
      [500, 'INTERNAL_SERVER_ERROR'],
    ])('answers false when the key holds another value, whatever the error (%i %s)', async (status, code) => {
      const { store, platform } = forgeStore();
      platform.kvs.conflict = { status, code };
      await expect(store.setIfAbsent('claim', { by: 'a' })).resolves.toBe(true);
      await expect(store.setIfAbsent('claim', { by: 'b' })).resolves.toBe(false);
      await expect(store.get('claim')).resolves.toEqual({ by: 'a' });
    });

    it('answers true when the write failed but our own value is there (reply lost)', async () => {
      const { store, platform } = forgeStore();
      platform.kvs.failAfterWrite.set('claim', { status: 503, code: 'SERVICE_UNAVAILABLE' });
      await expect(store.setIfAbsent('claim', { by: 'a', at: [1, 2] })).resolves.toBe(true);
      expect(platform.kvs.failAfterWrite.size).toBe(0); // the failure did happen
    });

    it('rethrows the write error as a StoreError when the key is absent', async () => {
      const { store, platform } = forgeStore();
      platform.kvs.faults.push({ status: 409, code: 'KEY_CONFLICT' });
      const error = await store.setIfAbsent('claim', 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'STORE_FAILURE' });
      expect((error as StoreError).cause).toBeInstanceOf(ForgeKvsAPIError);
      expect(platform.kvs.requests.map((r) => r.path)).toEqual(['/api/v1/set', '/api/v1/get']); // it looked before answering
    });
  });

  it('queries with a BEGINS_WITH condition, the limit and the cursor', async () => {
    const { store, platform } = forgeStore();
    await store.query('p:', { limit: 5, cursor: 'abc' });
    expect(platform.kvs.requests[0]).toEqual({
      path: '/api/v1/query',
      body: { limit: 5, after: 'abc', where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['p:'] }] },
    });
  });

  it('lets the TTL expire on the service side', async () => {
    let now = 0;
    const { store } = forgeStore({ now: () => now });
    await store.setIfAbsent('lease', 1, { ttlSeconds: 2 });
    now = 2_000;
    await expect(store.get('lease')).resolves.toBeUndefined();
    await expect(store.setIfAbsent('lease', 2)).resolves.toBe(true);
  });

  it('wraps an unexpected service error in STORE_FAILURE, keeping the cause', async () => {
    const { store, platform } = forgeStore();
    const attempts = [() => store.get('a'), () => store.setIfAbsent('a', 1), () => store.query('a'), () => store.transact([{ kind: 'delete', key: 'a' }])];
    for (const attempt of attempts) {
      // setIfAbsent reads the key after a failed write: both requests fail.
      platform.kvs.faults.push({ status: 500, code: 'INTERNAL_SERVER_ERROR' }, { status: 500, code: 'INTERNAL_SERVER_ERROR' });
      const error = await attempt().catch((e: unknown) => e);
      platform.kvs.faults.length = 0;
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'STORE_FAILURE' });
      expect((error as StoreError).cause).toBeInstanceOf(ForgeKvsAPIError);
    }
  });

  it('wraps a request that never arrives (network down) in STORE_FAILURE', async () => {
    const { store, platform } = forgeStore();
    platform.kvs.faults.push({ networkError: 'fetch failed' });
    await expect(store.set('a', 1)).rejects.toMatchObject({ name: 'StoreError', code: 'STORE_FAILURE' });
  });

  it('leaves key and value rules to the service and maps its 400 codes', async () => {
    const { store } = forgeStore();
    for (const [attempt, code] of [
      [store.set('bad/key', 1), 'INVALID_KEY'],
      [store.set('k'.repeat(501), 1), 'INVALID_KEY'],
      [store.set('big', 'x'.repeat(300 * 1024)), 'VALUE_TOO_LARGE'],
    ] as const) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'StoreError', code });
      expect((error as StoreError).cause).toBeInstanceOf(ForgeKvsAPIError);
    }
  });

  it('does not call the service for an empty transaction', async () => {
    const { store, platform } = forgeStore();
    await store.transact([]);
    expect(platform.kvs.requests).toEqual([]);
  });
});
