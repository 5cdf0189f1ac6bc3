/**
 * The storage the use cases need: a key-value store with Forge KVS's rules. Both adapters
 * (Forge KVS and the local embedded database) implement it and pass one contract suite.
 */
export interface StoredEntry<T> {
  key: string;
  value: T;
}

export interface QueryPage<T> {
  results: StoredEntry<T>[];
  nextCursor?: string;
}

export type StoreOperation = { kind: 'set'; key: string; value: unknown } | { kind: 'delete'; key: string };

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  /**
   * Writes only when the key is absent (KVS `keyPolicy: FAIL_IF_EXISTS`): the compare-and-set
   * the app builds revisions on. Answers false when the key already exists.
   */
  setIfAbsent<T>(key: string, value: T, options?: { ttlSeconds?: number }): Promise<boolean>;
  delete(key: string): Promise<void>;
  /**
   * Keys starting with `prefix`, at most `limit` (≤ 20) a page; following `nextCursor` visits each once.
   * In no particular order: Forge documents none (callers sort what they show).
   */
  query<T>(prefix: string, options?: { cursor?: string; limit?: number }): Promise<QueryPage<T>>;
  /** All operations or none; at most 25. */
  transact(operations: StoreOperation[]): Promise<void>;
}

/** Forge KVS limits, enforced by the local adapter so that code passing locally passes on Forge. */
export const KVS_LIMITS = {
  maxKeyLength: 500,
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/,
  maxValueBytes: 240 * 1024,
  /** Forge refuses values nested deeper than this (MAX_DEPTH). */
  maxValueDepth: 32,
  maxQueryLimit: 20,
  maxTransactionOperations: 25,
} as const;

export type StoreErrorCode = 'INVALID_KEY' | 'VALUE_TOO_LARGE' | 'INVALID_LIMIT' | 'TOO_MANY_OPERATIONS' | 'STORE_FAILURE';

/** Thrown by a store on a broken rule or an outage: unexpected for the use cases. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
