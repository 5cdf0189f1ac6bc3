import { ForgeKvsAPIError, WhereConditions, kvs } from '@forge/kvs';
import type { KvsImpl } from '@forge/kvs/out/kvs';
import {
  KVS_LIMITS,
  StoreError,
  type KeyValueStore,
  type QueryPage,
  type StoreErrorCode,
  type StoreOperation,
} from '../../ports/store.port';

/** The part of `kvs` this adapter uses; tests pass `new KvsImpl(new StorageApi(stubFetch))`. */
export type KvsClient = Pick<KvsImpl, 'get' | 'set' | 'delete' | 'query' | 'transact'>;

const DEFAULT_QUERY_LIMIT = 10;

/** Forge's documented 400 codes for a broken rule, mapped to the port's codes. */
const RULE_CODES = new Map<string, StoreErrorCode>([
  ['KEY_TOO_SHORT', 'INVALID_KEY'],
  ['KEY_TOO_LONG', 'INVALID_KEY'],
  ['INVALID_KEY', 'INVALID_KEY'],
  ['EMPTY_KEY', 'INVALID_KEY'],
  ['MAX_SIZE', 'VALUE_TOO_LARGE'],
  ['MAX_DEPTH', 'VALUE_TOO_LARGE'],
]);

/**
 * The Forge adapter. Key and value rules are left to the service (it is the authority); the
 * query limit and the transaction shape are checked here too, because the port promises them
 * and Forge's answer to breaking them is not documented precisely.
 */
export class ForgeKvsStore implements KeyValueStore {
  constructor(private readonly client: KvsClient = kvs) {}

  get<T>(key: string): Promise<T | undefined> {
    return call(() => this.client.get<T>(key));
  }

  async set<T>(key: string, value: T): Promise<void> {
    requireValue(value);
    await call(() => this.client.set(key, value));
  }

  async setIfAbsent<T>(key: string, value: T, options: { ttlSeconds?: number } = {}): Promise<boolean> {
    requireValue(value);
    const ttl = options.ttlSeconds === undefined ? {} : { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } };
    try {
      await this.client.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttl });
      return true;
    } catch (error) {
      return this.settleFailedClaim(key, value, error);
    }
  }

  /**
   * "Forge resolves write conflicts using a last-write-wins strategy by default, but this can be
   * configured via the key policy option" (https://developer.atlassian.com/platform/forge/rest/v1/api-group-key-value-store/).
   * What a FAIL_IF_EXISTS write answers on an existing key (status, code) is not documented, so the
   * error is not inspected: the key itself says what happened. Our value there: the write took effect
   * (e.g. a retried request). Another value: the claim was lost. No value: the write really failed.
   */
  private async settleFailedClaim<T>(key: string, value: T, error: unknown): Promise<boolean> {
    const refused = toStoreError(error);
    if (refused.code !== 'STORE_FAILURE') throw refused; // a broken key or value rule (documented codes), not a conflict
    const present = await this.client.get<unknown>(key).catch(() => undefined);
    if (present === undefined) throw refused;
    return canonicalJson(present) === canonicalJson(value);
  }

  delete(key: string): Promise<void> {
    // StorageApi already turns KEY_NOT_FOUND into success.
    return call(() => this.client.delete(key));
  }

  async query<T>(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<QueryPage<T>> {
    const limit = options.limit ?? DEFAULT_QUERY_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
      throw new StoreError('INVALID_LIMIT', `Query limit must be an integer from 1 to ${KVS_LIMITS.maxQueryLimit}`);
    }
    let builder = this.client.query();
    if (prefix !== '') builder = builder.where('key', WhereConditions.beginsWith(prefix));
    builder = builder.limit(limit);
    if (options.cursor !== undefined) builder = builder.cursor(options.cursor);
    const page = await call(() => builder.getMany<T>());
    const results = page.results.map(({ key, value }) => ({ key, value }));
    return page.nextCursor ? { results, nextCursor: page.nextCursor } : { results };
  }

  async transact(operations: StoreOperation[]): Promise<void> {
    if (operations.length > KVS_LIMITS.maxTransactionOperations) {
      throw new StoreError(
        'TOO_MANY_OPERATIONS',
        `A transaction holds at most ${KVS_LIMITS.maxTransactionOperations} operations, not ${operations.length}`,
      );
    }
    if (new Set(operations.map((op) => op.key)).size !== operations.length) {
      throw new StoreError('INVALID_KEY', 'A key appears more than once in one transaction');
    }
    if (operations.length === 0) return; // Nothing to do; the service may refuse an empty transaction.
    const transaction = this.client.transact();
    for (const op of operations) {
      if (op.kind === 'set') {
        requireValue(op.value);
        transaction.set(op.key, op.value);
      } else {
        transaction.delete(op.key);
      }
    }
    await call(() => transaction.execute());
  }
}

async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error);
  }
}

function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const ruleCode = error instanceof ForgeKvsAPIError ? RULE_CODES.get(error.code) : undefined;
  if (ruleCode) return new StoreError(ruleCode, (error as Error).message, { cause: error });
  return new StoreError('STORE_FAILURE', error instanceof Error ? error.message : String(error), { cause: error });
}

/** JSON text with object keys sorted: equal for equal JSON values, whatever order the service keeps keys in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** JSON would silently drop an undefined value and send a malformed request; refuse it as the local adapter does. */
function requireValue(value: unknown): void {
  if (value === undefined) throw new StoreError('STORE_FAILURE', 'Value is not storable as JSON (undefined)');
}
