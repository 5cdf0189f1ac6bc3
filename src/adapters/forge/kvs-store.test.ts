import { ForgeKvsAPIError } from '@forge/kvs';
import { KvsImpl } from '@forge/kvs/out/kvs';
import { StorageApi } from '@forge/kvs/out/storage-api';
import { StoreError } from '../../ports/store.port';
import { describeKeyValueStoreContract } from '../store-contract';
import { ForgeKvsStore } from './kvs-store';
import { createKvsTransportStub, type KvsFetch } from './kvs-transport-stub';

const storeOver = (fetch: KvsFetch) => new ForgeKvsStore(new KvsImpl(new StorageApi(fetch)));

describeKeyValueStoreContract('ForgeKvsStore over a stubbed KVS transport', async () => ({
  store: storeOver(createKvsTransportStub()),
}));

describe('ForgeKvsStore (Forge only)', () => {
  it('sends setIfAbsent as a FAIL_IF_EXISTS set with a TTL in seconds', async () => {
    const transport = createKvsTransportStub();
    const store = storeOver(transport);
    await store.setIfAbsent('lock', 'me', { ttlSeconds: 30 });
    expect(transport.requests).toEqual([
      {
        path: '/api/v1/set',
        body: { key: 'lock', value: 'me', options: { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 30, unit: 'SECONDS' } } },
      },
    ]);
  });

  describe('setIfAbsent without relying on the undocumented conflict answer', () => {
    it.each([
      [409, 'KEY_CONFLICT'],
      [400, 'SOMETHING_NEW'],
      [412, 'PRECONDITION_FAILED'],
      [500, 'INTERNAL_SERVER_ERROR'],
    ])('answers false when the key holds another value, whatever the error (%i %s)', async (status, code) => {
      const store = storeOver(createKvsTransportStub({ conflict: { status, code } }));
      await expect(store.setIfAbsent('claim', { by: 'a' })).resolves.toBe(true);
      await expect(store.setIfAbsent('claim', { by: 'b' })).resolves.toBe(false);
      await expect(store.get('claim')).resolves.toEqual({ by: 'a' });
    });

    it('answers true when the write failed but our own value is there (reply lost)', async () => {
      const failSetAfterWrite = new Map([['claim', { status: 503, code: 'SERVICE_UNAVAILABLE' }]]);
      const store = storeOver(createKvsTransportStub({ failSetAfterWrite }));
      await expect(store.setIfAbsent('claim', { by: 'a', at: [1, 2] })).resolves.toBe(true);
      expect(failSetAfterWrite.size).toBe(0); // the failure did happen
    });

    it('rethrows the write error as a StoreError when the key is absent', async () => {
      const transport = createKvsTransportStub();
      const failingSet: KvsFetch = async (path, init) =>
        path === '/api/v1/set'
          ? new Response(JSON.stringify({ code: 'KEY_CONFLICT', message: 'unknown' }), { status: 409 })
          : transport(path, init);
      const error = await storeOver(failingSet)
        .setIfAbsent('claim', 1)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'STORE_FAILURE' });
      expect((error as StoreError).cause).toBeInstanceOf(ForgeKvsAPIError);
      expect(transport.requests.map((r) => r.path)).toEqual(['/api/v1/get']); // it looked before answering
    });
  });

  it('queries with a BEGINS_WITH condition, the limit and the cursor', async () => {
    const transport = createKvsTransportStub();
    const store = storeOver(transport);
    await store.query('p:', { limit: 5, cursor: 'abc' });
    expect(transport.requests[0]).toEqual({
      path: '/api/v1/query',
      body: { limit: 5, after: 'abc', where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['p:'] }] },
    });
  });

  it('lets the TTL expire on the service side', async () => {
    let now = 0;
    const store = storeOver(createKvsTransportStub({ now: () => now }));
    await store.setIfAbsent('lease', 1, { ttlSeconds: 2 });
    now = 2_000;
    await expect(store.get('lease')).resolves.toBeUndefined();
    await expect(store.setIfAbsent('lease', 2)).resolves.toBe(true);
  });

  it('wraps an unexpected service error in STORE_FAILURE, keeping the cause', async () => {
    const failing: KvsFetch = async () =>
      new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'An internal server error has occurred' }), {
        status: 500,
      });
    const store = storeOver(failing);
    for (const attempt of [store.get('a'), store.setIfAbsent('a', 1), store.query('a'), store.transact([{ kind: 'delete', key: 'a' }])]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ code: 'STORE_FAILURE' });
      expect((error as StoreError).cause).toBeInstanceOf(ForgeKvsAPIError);
    }
  });

  it('wraps a transport that throws (network down) in STORE_FAILURE', async () => {
    const store = storeOver(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(store.set('a', 1)).rejects.toMatchObject({ name: 'StoreError', code: 'STORE_FAILURE' });
  });

  it('leaves key and value rules to the service and maps its 400 codes', async () => {
    const store = storeOver(createKvsTransportStub());
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
    const transport = createKvsTransportStub();
    await storeOver(transport).transact([]);
    expect(transport.requests).toEqual([]);
  });
});

describe('KVS transport stub', () => {
  const post = (fetch: KvsFetch, path: string, body: unknown) => fetch(path, { method: 'POST', body: JSON.stringify(body) });

  it('refuses, as the service does, what the adapter already checks itself', async () => {
    const transport = createKvsTransportStub();
    const ops = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    expect((await post(transport, '/api/v1/transaction', { set: ops })).status).toBe(400);
    expect((await post(transport, '/api/v1/transaction', { set: [{ key: 'a', value: 1 }], delete: [{ key: 'a' }] })).status).toBe(400);
    expect((await post(transport, '/api/v1/query', { limit: 21 })).status).toBe(400);
    expect((await post(transport, '/api/v1/set', { key: 'no-value' })).status).toBe(400);
  });

  it('answers a missing key with 404 KEY_NOT_FOUND', async () => {
    const response = await post(createKvsTransportStub(), '/api/v1/get', { key: 'missing' });
    expect(response.status).toBe(404);
    await expect(response.json()).resolves.toEqual({ code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
  });
});
