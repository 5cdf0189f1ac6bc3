import { KVS_LIMITS, StoreError, type KeyValueStore, type QueryPage, type StoreErrorCode } from '../../src/ports/store.port';

/**
 * The behaviour every KeyValueStore adapter must share. Only what holds for both the local
 * store and Forge KVS belongs here; adapter-specific behaviour is tested beside each adapter.
 * Forge documents no order for query results, so these tests compare sets of keys, never sequences.
 */
export function describeKeyValueStoreContract(
  name: string,
  makeStore: () => Promise<{ store: KeyValueStore; cleanup?: () => Promise<void> | void }>,
): void {
  describe(`KeyValueStore contract: ${name}`, () => {
    let store: KeyValueStore;
    let cleanup: (() => Promise<void> | void) | undefined;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup?.();
    });

    const setAll = async (keys: string[]) => {
      for (const key of keys) await store.set(key, { key });
    };

    const sortedKeys = (results: { key: string }[]) => results.map((entry) => entry.key).sort();

    const allPages = async (prefix: string, limit?: number) => {
      const pages: QueryPage<unknown>[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.query(prefix, { cursor, limit });
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor !== undefined && pages.length < 100);
      return pages;
    };

    describe('get, set, delete', () => {
      it('answers undefined for a missing key', async () => {
        await expect(store.get('missing')).resolves.toBeUndefined();
      });

      it.each<[string, unknown]>([
        ['object', { title: 'Vision', nested: { goals: [1, 2, { kpi: 'NPS' }] }, done: false }],
        ['array', [1, 'two', { three: 3 }, [4]]],
        ['integer', 42],
        ['negative float', -3.25],
        ['zero', 0],
        ['string', 'plain text'],
        ['boolean true', true],
        ['boolean false', false],
        ['unicode', 'héllo wörld — 日本語 🚀 ñ'],
      ])('round-trips a %s', async (_kind, value) => {
        await store.set('round:trip', value);
        await expect(store.get('round:trip')).resolves.toEqual(value);
      });

      it('stores a copy: later mutation of the written or the read object changes nothing', async () => {
        const written = { list: [1, 2], inner: { n: 1 } };
        await store.set('copy', written);
        written.list.push(3);
        written.inner.n = 99;
        const read = await store.get<typeof written>('copy');
        read!.list.push(4);
        await expect(store.get('copy')).resolves.toEqual({ list: [1, 2], inner: { n: 1 } });
      });

      it('overwrites an existing value', async () => {
        await store.set('over', 'first');
        await store.set('over', 'second');
        await expect(store.get('over')).resolves.toBe('second');
      });

      it('deletes a key, and deleting a missing key is fine', async () => {
        await store.set('gone', 1);
        await store.delete('gone');
        await expect(store.get('gone')).resolves.toBeUndefined();
        await expect(store.delete('gone')).resolves.toBeUndefined();
        await expect(store.delete('never-there')).resolves.toBeUndefined();
      });

      it('refuses an undefined value', async () => {
        await expect(store.set('undef', undefined)).rejects.toBeInstanceOf(StoreError);
        await expect(store.get('undef')).resolves.toBeUndefined();
      });
    });

    describe('setIfAbsent', () => {
      it('writes only the first time and leaves the value unchanged after answering false', async () => {
        await expect(store.setIfAbsent('lock', { owner: 'a' })).resolves.toBe(true);
        await expect(store.setIfAbsent('lock', { owner: 'b' })).resolves.toBe(false);
        await expect(store.get('lock')).resolves.toEqual({ owner: 'a' });
      });

      it('answers false for a key written by set, and true again once the key is deleted', async () => {
        await store.set('cas', 1);
        await expect(store.setIfAbsent('cas', 2)).resolves.toBe(false);
        await store.delete('cas');
        await expect(store.setIfAbsent('cas', 3)).resolves.toBe(true);
        await expect(store.get('cas')).resolves.toBe(3);
      });

      it('accepts a TTL and the value is readable before it expires', async () => {
        await expect(store.setIfAbsent('lease', 'held', { ttlSeconds: 60 })).resolves.toBe(true);
        await expect(store.get('lease')).resolves.toBe('held');
      });

      it('applies the key rules', async () => {
        await expectStoreError(store.setIfAbsent('bad/key', 1), 'INVALID_KEY');
      });
    });

    describe('query', () => {
      it('returns the keys starting with the prefix, with their values', async () => {
        await setAll(['q:c', 'p:z', 'q:a', 'qa', 'q:b', 'r:a']);
        const page = await store.query<{ key: string }>('q:');
        expect(sortedKeys(page.results)).toEqual(['q:a', 'q:b', 'q:c']);
        for (const entry of page.results) expect(entry.value).toEqual({ key: entry.key });
        expect(page.nextCursor).toBeUndefined();
      });

      it('pages with the cursor across several pages', async () => {
        const keys = ['page:1', 'page:2', 'page:3', 'page:4', 'page:5', 'page:6', 'page:7'];
        await setAll([...keys].reverse());
        await store.set('pagf', 'outside the prefix');
        const pages = await allPages('page:', 3);
        expect(sortedKeys(pages.flatMap((page) => page.results))).toEqual(keys); // each key once
        expect(pages[0].results).toHaveLength(3);
        expect(pages[1].results).toHaveLength(3);
        expect(pages.length).toBeLessThanOrEqual(4); // a trailing empty page is tolerated
      });

      it('returns 10 results a page by default', async () => {
        const keys = Array.from({ length: 12 }, (_, i) => `def:${String(i).padStart(2, '0')}`);
        await setAll(keys);
        const first = await store.query('def:');
        expect(first.results).toHaveLength(10);
        expect(first.nextCursor).toBeDefined();
        const second = await store.query('def:', { cursor: first.nextCursor });
        expect(sortedKeys([...first.results, ...second.results])).toEqual(keys);
      });

      it(`accepts a limit of ${KVS_LIMITS.maxQueryLimit} and refuses ${KVS_LIMITS.maxQueryLimit + 1} or 0`, async () => {
        await setAll(Array.from({ length: 22 }, (_, i) => `lim:${String(i).padStart(2, '0')}`));
        const page = await store.query('lim:', { limit: KVS_LIMITS.maxQueryLimit });
        expect(page.results).toHaveLength(KVS_LIMITS.maxQueryLimit);
        await expectStoreError(store.query('lim:', { limit: KVS_LIMITS.maxQueryLimit + 1 }), 'INVALID_LIMIT');
        await expectStoreError(store.query('lim:', { limit: 0 }), 'INVALID_LIMIT');
      });

      it('returns an empty page for a prefix that matches nothing', async () => {
        await setAll(['some:key']);
        const page = await store.query('nothing:');
        expect(page.results).toEqual([]);
        expect(page.nextCursor).toBeUndefined();
      });
    });

    describe('transact', () => {
      it('applies sets and deletes together', async () => {
        await store.set('tx:old', 'old');
        await store.transact([
          { kind: 'set', key: 'tx:a', value: { a: 1 } },
          { kind: 'set', key: 'tx:b', value: [2] },
          { kind: 'delete', key: 'tx:old' },
        ]);
        await expect(store.get('tx:a')).resolves.toEqual({ a: 1 });
        await expect(store.get('tx:b')).resolves.toEqual([2]);
        await expect(store.get('tx:old')).resolves.toBeUndefined();
      });

      it(`accepts ${KVS_LIMITS.maxTransactionOperations} operations`, async () => {
        const max = KVS_LIMITS.maxTransactionOperations;
        await store.transact(Array.from({ length: max }, (_, i) => ({ kind: 'set' as const, key: `tx25:${i}`, value: i })));
        const pages = await allPages('tx25:', 20);
        expect(pages.flatMap((page) => page.results)).toHaveLength(max);
      });

      it(`refuses ${KVS_LIMITS.maxTransactionOperations + 1} operations and writes nothing`, async () => {
        const ops = Array.from({ length: KVS_LIMITS.maxTransactionOperations + 1 }, (_, i) => ({
          kind: 'set' as const,
          key: `tx26:${i}`,
          value: i,
        }));
        await expectStoreError(store.transact(ops), 'TOO_MANY_OPERATIONS');
        await expect(store.query('tx26:')).resolves.toEqual({ results: [] });
      });

      it('writes nothing when one operation breaks a rule', async () => {
        await store.set('txr:keep', 'kept');
        const transaction = store.transact([
          { kind: 'set', key: 'txr:a', value: 1 },
          { kind: 'delete', key: 'txr:keep' },
          { kind: 'set', key: 'txr:big', value: 'x'.repeat(KVS_LIMITS.maxValueBytes) },
        ]);
        await expectStoreError(transaction, 'VALUE_TOO_LARGE');
        await expect(store.get('txr:a')).resolves.toBeUndefined();
        await expect(store.get('txr:keep')).resolves.toBe('kept');
      });

      it('refuses a key named twice and writes nothing', async () => {
        const transaction = store.transact([
          { kind: 'set', key: 'txd:a', value: 1 },
          { kind: 'set', key: 'txd:b', value: 2 },
          { kind: 'delete', key: 'txd:a' },
        ]);
        await expectStoreError(transaction, 'INVALID_KEY');
        await expect(store.query('txd:')).resolves.toEqual({ results: [] });
      });
    });

    describe('key rules', () => {
      it(`accepts a ${KVS_LIMITS.maxKeyLength}-character key and refuses a longer one`, async () => {
        const longest = 'k'.repeat(KVS_LIMITS.maxKeyLength);
        await store.set(longest, 1);
        await expect(store.get(longest)).resolves.toBe(1);
        await expectStoreError(store.set(`${longest}k`, 1), 'INVALID_KEY');
        await expectStoreError(store.get(`${longest}k`), 'INVALID_KEY');
      });

      it.each(['with/slash', 'with?question', 'with@at', 'with*star', 'é-accent'])('refuses the key %j', async (key) => {
        await expectStoreError(store.set(key, 1), 'INVALID_KEY');
      });

      it('refuses an empty key and a key of spaces only', async () => {
        await expectStoreError(store.set('', 1), 'INVALID_KEY');
        await expectStoreError(store.set('   ', 1), 'INVALID_KEY');
      });

      it('accepts letters, digits, : . _ - # and spaces', async () => {
        const key = 'aZ09:._-# with spaces';
        await store.set(key, 'ok');
        await expect(store.get(key)).resolves.toBe('ok');
        const page = await store.query('aZ09:._-# with');
        expect(page.results.map((entry) => entry.key)).toEqual([key]);
      });
    });

    describe('value size', () => {
      // A string of n ASCII characters is n + 2 bytes of JSON.
      const stringOfJsonBytes = (bytes: number) => 'v'.repeat(bytes - 2);

      it(`accepts a value of exactly ${KVS_LIMITS.maxValueBytes} bytes of JSON and refuses one byte more`, async () => {
        const largest = stringOfJsonBytes(KVS_LIMITS.maxValueBytes);
        await store.set('size:max', largest);
        await expect(store.get('size:max')).resolves.toBe(largest);
        await expectStoreError(store.set('size:over', stringOfJsonBytes(KVS_LIMITS.maxValueBytes + 1)), 'VALUE_TOO_LARGE');
        await expect(store.get('size:over')).resolves.toBeUndefined();
      });

      it('measures UTF-8 bytes, not characters', async () => {
        const twoByteChars = 'é'.repeat(KVS_LIMITS.maxValueBytes / 2); // fewer characters than the limit, twice the bytes
        await expectStoreError(store.set('size:utf8', twoByteChars), 'VALUE_TOO_LARGE');
      });
    });
  });
}

async function expectStoreError(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}
