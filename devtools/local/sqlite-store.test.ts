import { KVS_LIMITS } from '../../src/ports';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from '../../src/ports/store.port';
import { describeKeyValueStoreContract } from '../../test/support/store-contract';
import { SqliteStore } from './sqlite-store';

const tempDirs: string[] = [];

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-store-'));
  tempDirs.push(dir);
  return path.join(dir, 'nested', 'store.db');
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(['key', 'descending'] as const)('in %s order', (queryOrder) => {
  describeKeyValueStoreContract(`SqliteStore (${queryOrder} order)`, async () => {
    const file = tempFile();
    const store = new SqliteStore(file, { queryOrder });
    return {
      store,
      cleanup: () => {
        store.close();
        fs.rmSync(path.dirname(path.dirname(file)), { recursive: true, force: true });
      },
    };
  });
});

describe('SqliteStore query order', () => {
  const walk = async (store: SqliteStore) => {
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.query('o:', { cursor, limit: 2 });
      keys.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    return keys;
  };

  it('walks pages in key order or in reverse, each key once, with the same cursor semantics', async () => {
    for (const [queryOrder, expected] of [
      ['key', ['o:1', 'o:2', 'o:3', 'o:4', 'o:5']],
      ['descending', ['o:5', 'o:4', 'o:3', 'o:2', 'o:1']],
    ] as const) {
      const store = new SqliteStore(':memory:', { queryOrder });
      for (const n of [3, 1, 5, 2, 4]) await store.set(`o:${n}`, n);
      await store.set('p:0', 0);
      expect(await walk(store)).toEqual(expected);
      expect((await store.query('o:', { limit: 1 })).results[0]!.key).toBe(expected[0]);
      store.close();
    }
  });

  it('hands out reverse order by default under jest, so use-case tests catch a dependence on key order', async () => {
    const store = new SqliteStore(':memory:');
    await store.set('o:1', 1);
    await store.set('o:2', 2);
    expect((await store.query('o:')).results.map((r) => r.key)).toEqual(['o:2', 'o:1']);
    store.close();
  });
});

describe('SqliteStore (local only)', () => {
  let store: SqliteStore;
  afterEach(() => {
    try {
      store.close();
    } catch {
      // already closed by the test
    }
  });

  it('creates the parent folder and keeps data across close and reopen', async () => {
    const file = tempFile();
    store = new SqliteStore(file);
    await store.set('vision:1', { statement: 'Ship it' });
    await store.transact([{ kind: 'set', key: 'vision:2', value: [1, 2] }]);
    store.close();

    store = new SqliteStore(file);
    await expect(store.get('vision:1')).resolves.toEqual({ statement: 'Ship it' });
    await expect(store.get('vision:2')).resolves.toEqual([1, 2]);
  });

  it('works in memory', async () => {
    store = new SqliteStore(':memory:');
    await store.set('k', 1);
    await expect(store.get('k')).resolves.toBe(1);
  });

  describe('TTL', () => {
    let now: number;
    beforeEach(() => {
      now = 1_000_000;
      store = new SqliteStore(':memory:', { now: () => now });
    });

    it('treats an expired row as absent for every operation', async () => {
      await expect(store.setIfAbsent('lease:a', 'first', { ttlSeconds: 30 })).resolves.toBe(true);
      now += 29_999;
      await expect(store.get('lease:a')).resolves.toBe('first');
      await expect(store.setIfAbsent('lease:a', 'second')).resolves.toBe(false);

      now += 1;
      await expect(store.get('lease:a')).resolves.toBeUndefined();
      await expect(store.query('lease:')).resolves.toEqual({ results: [] });
      await expect(store.setIfAbsent('lease:a', 'second', { ttlSeconds: 10 })).resolves.toBe(true);
      await expect(store.get('lease:a')).resolves.toBe('second');

      now += 10_000;
      await expect(store.delete('lease:a')).resolves.toBeUndefined();
      await expect(store.setIfAbsent('lease:a', 'third')).resolves.toBe(true);
      now += 1_000_000_000;
      await expect(store.get('lease:a')).resolves.toBe('third'); // no TTL given: never expires
    });

    it('a plain set clears the TTL', async () => {
      await store.setIfAbsent('lease:b', 1, { ttlSeconds: 5 });
      await store.set('lease:b', 2);
      now += 60_000;
      await expect(store.get('lease:b')).resolves.toBe(2);
    });

    it('refuses a TTL that is not a whole number of seconds ≥ 1', async () => {
      await expect(store.setIfAbsent('lease:c', 1, { ttlSeconds: 0 })).rejects.toBeInstanceOf(StoreError);
      await expect(store.setIfAbsent('lease:c', 1, { ttlSeconds: Number.NaN })).rejects.toBeInstanceOf(StoreError);
      await expect(store.get('lease:c')).resolves.toBeUndefined();
    });
  });

  describe('failNext', () => {
    beforeEach(() => {
      store = new SqliteStore(':memory:');
    });

    it('fails the next matching calls with STORE_FAILURE and leaves data unchanged', async () => {
      await store.set('doc', { v: 1 });
      store.failNext(2, 'set');

      await expect(store.get('doc')).resolves.toEqual({ v: 1 }); // other operations are not affected
      for (let i = 0; i < 2; i++) {
        await expect(store.set('doc', { v: 2 })).rejects.toMatchObject({ name: 'StoreError', code: 'STORE_FAILURE' });
      }
      await expect(store.get('doc')).resolves.toEqual({ v: 1 });
      await store.set('doc', { v: 3 });
      await expect(store.get('doc')).resolves.toEqual({ v: 3 });
    });

    it('with `after`, lets that many matching calls through first (a failure at step N)', async () => {
      store.failNext(1, undefined, 2);
      await store.set('a', 1);
      await expect(store.get('a')).resolves.toBe(1);
      expect(store.pendingFailureCount).toBe(1);
      await expect(store.set('b', 2)).rejects.toMatchObject({ code: 'STORE_FAILURE' });
      expect(store.pendingFailureCount).toBe(0);
      await expect(store.get('b')).resolves.toBeUndefined();
    });

    it('without an operation, fails whatever call comes next', async () => {
      await store.set('doc', 1);
      store.failNext();
      await expect(
        store.transact([
          { kind: 'set', key: 'doc', value: 2 },
          { kind: 'set', key: 'other', value: 2 },
        ]),
      ).rejects.toMatchObject({ code: 'STORE_FAILURE' });
      await expect(store.setIfAbsent('other', 3)).resolves.toBe(true);
      await expect(store.get('doc')).resolves.toBe(1);
    });
  });

  it('counts calls per operation, failed ones included, until reset', async () => {
    store = new SqliteStore(':memory:');
    await store.set('a', 1);
    await store.get('a');
    await store.get('b');
    await store.query('');
    await expect(store.set('bad/key', 1)).rejects.toBeInstanceOf(StoreError);
    expect(store.calls).toEqual({ get: 2, set: 2, setIfAbsent: 0, delete: 0, query: 1, transact: 0 });

    store.resetCalls();
    await store.delete('a');
    expect(store.calls).toMatchObject({ get: 0, set: 0, delete: 1 });
  });

  it('refuses a non-JSON value such as a function', async () => {
    store = new SqliteStore(':memory:');
    await expect(store.set('fn', () => 1)).rejects.toBeInstanceOf(StoreError);
  });

  it('refuses values nested deeper than Forge allows', async () => {
    store = new SqliteStore(':memory:');
    const nest = (levels: number): unknown => (levels === 0 ? 1 : { n: nest(levels - 1) });
    await expect(store.set('deep-ok', nest(KVS_LIMITS.maxValueDepth))).resolves.toBeUndefined();
    await expect(store.set('too-deep', nest(KVS_LIMITS.maxValueDepth + 1))).rejects.toMatchObject({ code: 'VALUE_TOO_LARGE' });
    expect(await store.get('too-deep')).toBeUndefined();
  });

  it('wraps use after close in STORE_FAILURE', async () => {
    store = new SqliteStore(':memory:');
    store.close();
    await expect(store.get('a')).rejects.toMatchObject({ code: 'STORE_FAILURE' });
  });
});
