import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  KVS_LIMITS,
  StoreError,
  type KeyValueStore,
  type QueryPage,
  type StoreOperation,
} from '../../src/ports/store.port';

export type SqliteStoreOperation = 'get' | 'set' | 'setIfAbsent' | 'delete' | 'query' | 'transact';

const OPERATIONS: readonly SqliteStoreOperation[] = ['get', 'set', 'setIfAbsent', 'delete', 'query', 'transact'];
const DEFAULT_QUERY_LIMIT = 10;

/**
 * The order query pages walk the keys in. Forge documents no order for `kvs.query()`, so code must not
 * depend on one: `descending` (the default under jest) hands pages out in reverse key order, with the
 * same cursor and page-size semantics, so a use case that assumes key order fails its tests.
 */
export type QueryOrder = 'key' | 'descending';

/**
 * The local adapter: an embedded SQLite file. It enforces Forge KVS's limits itself, so that
 * code which passes locally does not fail on Forge.
 */
export class SqliteStore implements KeyValueStore {
  /** Calls per operation, counted whether or not they succeed (benchmarks count storage calls). */
  readonly calls: Record<string, number> = {};

  private readonly db: Database.Database;
  private readonly now: () => number;
  private pendingFailures: Array<{ operation: SqliteStoreOperation | undefined; after: number }> = [];
  private readonly sql: {
    get: Database.Statement;
    upsert: Database.Statement;
    insertIfAbsent: Database.Statement;
    delete: Database.Statement;
    query: Database.Statement;
    queryDescending: Database.Statement;
  };
  private readonly queryOrder: QueryOrder;

  constructor(filePath: string, options: { now?: () => number; queryOrder?: QueryOrder } = {}) {
    if (filePath !== ':memory:' && filePath !== '') {
      fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    }
    this.now = options.now ?? Date.now;
    this.queryOrder = options.queryOrder ?? (process.env.NODE_ENV === 'test' ? 'descending' : 'key');
    this.db = new Database(filePath);
    this.db.pragma('journal_mode = WAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NULL)');
    const live = '(expires_at IS NULL OR expires_at > @now)';
    this.sql = {
      get: this.db.prepare(`SELECT value FROM kv WHERE key = @key AND ${live}`),
      upsert: this.db.prepare(
        'INSERT INTO kv (key, value, expires_at) VALUES (@key, @value, NULL) ' +
          'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = NULL',
      ),
      // Writes when the key is absent or its row has expired; `changes` says which happened.
      insertIfAbsent: this.db.prepare(
        'INSERT INTO kv (key, value, expires_at) VALUES (@key, @value, @expiresAt) ' +
          'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at ' +
          'WHERE kv.expires_at IS NOT NULL AND kv.expires_at <= @now',
      ),
      delete: this.db.prepare('DELETE FROM kv WHERE key = @key'),
      // BINARY collation orders like JS string comparison for the ASCII keys KVS allows.
      query: this.db.prepare(
        `SELECT key, value FROM kv WHERE key >= @prefix AND key > @after ` +
          `AND substr(key, 1, @prefixLength) = @prefix AND ${live} ORDER BY key LIMIT @take`,
      ),
      queryDescending: this.db.prepare(
        `SELECT key, value FROM kv WHERE key >= @prefix AND (@after = '' OR key < @after) ` +
          `AND substr(key, 1, @prefixLength) = @prefix AND ${live} ORDER BY key DESC LIMIT @take`,
      ),
    };
    this.resetCalls();
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.run('get', () => {
      checkKey(key);
      const row = this.sql.get.get({ key, now: this.now() }) as { value: string } | undefined;
      return row === undefined ? undefined : (JSON.parse(row.value) as T);
    });
  }

  set<T>(key: string, value: T): Promise<void> {
    return this.run('set', () => {
      checkKey(key);
      this.sql.upsert.run({ key, value: encodeValue(value) });
    });
  }

  setIfAbsent<T>(key: string, value: T, options: { ttlSeconds?: number } = {}): Promise<boolean> {
    return this.run('setIfAbsent', () => {
      checkKey(key);
      const now = this.now();
      const expiresAt = options.ttlSeconds === undefined ? null : now + checkTtl(options.ttlSeconds) * 1000;
      return this.sql.insertIfAbsent.run({ key, value: encodeValue(value), expiresAt, now }).changes > 0;
    });
  }

  delete(key: string): Promise<void> {
    return this.run('delete', () => {
      checkKey(key);
      this.sql.delete.run({ key });
    });
  }

  query<T>(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<QueryPage<T>> {
    return this.run('query', () => {
      const limit = checkLimit(options.limit);
      const after = options.cursor === undefined ? '' : Buffer.from(options.cursor, 'base64url').toString('utf8');
      const statement = this.queryOrder === 'descending' ? this.sql.queryDescending : this.sql.query;
      const rows = statement.all({
        prefix,
        prefixLength: prefix.length,
        after,
        now: this.now(),
        take: limit + 1, // one extra row tells whether another page exists
      }) as { key: string; value: string }[];
      const page = rows.slice(0, limit);
      const results = page.map((row) => ({ key: row.key, value: JSON.parse(row.value) as T }));
      if (rows.length <= limit) return { results };
      return { results, nextCursor: Buffer.from(page[page.length - 1].key, 'utf8').toString('base64url') };
    });
  }

  transact(operations: StoreOperation[]): Promise<void> {
    return this.run('transact', () => {
      checkTransaction(operations);
      // Validate and encode everything first, so a refused transaction writes nothing.
      const prepared = operations.map((op) => (op.kind === 'set' ? { ...op, json: encodeValue(op.value) } : op));
      this.db.transaction(() => {
        for (const op of prepared) {
          if (op.kind === 'set') this.sql.upsert.run({ key: op.key, value: op.json });
          else this.sql.delete.run({ key: op.key });
        }
      })();
    });
  }

  /**
   * Makes the next `count` calls (of `operation`, or of any operation) throw STORE_FAILURE without
   * touching data; with `after`, the first `after` such calls succeed first (fault injection at step N).
   */
  failNext(count = 1, operation?: SqliteStoreOperation, after = 0): void {
    for (let i = 0; i < count; i++) this.pendingFailures.push({ operation, after: i === 0 ? after : 0 });
  }

  /** Injected failures not yet triggered (0 once every one has fired). */
  get pendingFailureCount(): number {
    return this.pendingFailures.length;
  }

  resetCalls(): void {
    for (const op of OPERATIONS) this.calls[op] = 0;
  }

  close(): void {
    this.db.close();
  }

  private async run<R>(operation: SqliteStoreOperation, body: () => R): Promise<R> {
    this.calls[operation] += 1;
    const injected = this.pendingFailures.findIndex((f) => f.operation === undefined || f.operation === operation);
    if (injected >= 0 && this.pendingFailures[injected]!.after > 0) {
      this.pendingFailures[injected]!.after -= 1;
    } else if (injected >= 0) {
      this.pendingFailures.splice(injected, 1);
      throw new StoreError('STORE_FAILURE', `Injected failure in ${operation}`);
    }
    try {
      return body();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('STORE_FAILURE', error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
}

function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new StoreError('INVALID_KEY', 'Key must not be empty');
  if (key.length > KVS_LIMITS.maxKeyLength) {
    throw new StoreError('INVALID_KEY', `Key is longer than ${KVS_LIMITS.maxKeyLength} characters`);
  }
  if (!KVS_LIMITS.keyPattern.test(key)) {
    throw new StoreError('INVALID_KEY', `Key ${JSON.stringify(key)} does not match ${KVS_LIMITS.keyPattern}`);
  }
}

/** Serialises a value as Forge would store it, refusing what Forge refuses. */
function encodeValue(value: unknown): string {
  const json = value === undefined ? undefined : JSON.stringify(value);
  // No StoreErrorCode fits a non-JSON value; STORE_FAILURE at least keeps it a StoreError.
  if (json === undefined) throw new StoreError('STORE_FAILURE', 'Value is not storable as JSON (undefined)');
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > KVS_LIMITS.maxValueBytes) {
    throw new StoreError('VALUE_TOO_LARGE', `Value is ${bytes} bytes of JSON; the limit is ${KVS_LIMITS.maxValueBytes}`);
  }
  if (depthOf(value) > KVS_LIMITS.maxValueDepth)
    throw new StoreError('VALUE_TOO_LARGE', `Value is nested deeper than ${KVS_LIMITS.maxValueDepth} levels`);
  return json;
}

/** Nesting depth of a JSON value: a scalar is 0, `{ a: 1 }` is 1. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

function checkTtl(ttlSeconds: number): number {
  // A NaN or negative TTL would silently make a lease that never expires, or one already gone.
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new StoreError('STORE_FAILURE', `TTL must be a whole number of seconds ≥ 1, not ${ttlSeconds}`);
  }
  return ttlSeconds;
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
    throw new StoreError('INVALID_LIMIT', `Query limit must be an integer from 1 to ${KVS_LIMITS.maxQueryLimit}`);
  }
  return limit;
}

function checkTransaction(operations: StoreOperation[]): void {
  if (operations.length > KVS_LIMITS.maxTransactionOperations) {
    throw new StoreError(
      'TOO_MANY_OPERATIONS',
      `A transaction holds at most ${KVS_LIMITS.maxTransactionOperations} operations, not ${operations.length}`,
    );
  }
  const seen = new Set<string>();
  for (const op of operations) {
    checkKey(op.key);
    // Forge refuses a transaction naming a key twice; so do we.
    if (seen.has(op.key)) throw new StoreError('INVALID_KEY', `Key ${JSON.stringify(op.key)} appears twice in one transaction`);
    seen.add(op.key);
  }
}
