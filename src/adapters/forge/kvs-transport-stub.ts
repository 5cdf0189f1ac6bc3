import { KVS_LIMITS } from '../../ports/store.port';

/**
 * An in-memory stand-in for the Forge KVS HTTP service, at the level `StorageApi` talks to it
 * (`POST /api/v1/...` with a JSON body). It answers with the statuses and `{ code, message }`
 * error bodies the service uses, and refuses what the service refuses, so that
 * `new KvsImpl(new StorageApi(stub))` behaves like `kvs` on Forge for the operations the app uses.
 *
 * Codes and statuses come from @forge/kvs (404 KEY_NOT_FOUND, 400 BAD_REQUEST) and Forge's
 * error-handling page (KEY_TOO_SHORT, KEY_TOO_LONG, INVALID_KEY, MAX_SIZE). The answer to a
 * FAIL_IF_EXISTS write on an existing key is documented nowhere: 409 KEY_CONFLICT by default (a
 * third-party report), any other with `conflict`. `failSetAfterWrite` answers a set with an error after
 * storing it (a reply lost on the way back).
 */
export type KvsFetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface KvsTransportStub extends KvsFetch {
  /** Every request received, in order, with its parsed body. */
  readonly requests: { path: string; body: any }[];
}

const DEFAULT_QUERY_LIMIT = 10; // assumed: Forge's docs show 10 and a maximum of 20
const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (code: string, message: string) => new ApiError(400, code, message);

export interface KvsStubOptions {
  now?: () => number;
  /** The answer to FAIL_IF_EXISTS on an existing key. */
  conflict?: { status: number; code: string };
  /** Keys whose next set is stored and then answered with this error. */
  failSetAfterWrite?: Map<string, { status: number; code: string }>;
}

export function createKvsTransportStub(options: KvsStubOptions = {}): KvsTransportStub {
  const now = options.now ?? Date.now;
  const conflict = options.conflict ?? { status: 409, code: 'KEY_CONFLICT' };
  const items = new Map<string, { value: unknown; expiresAt?: number }>();
  const requests: { path: string; body: any }[] = [];

  const live = (key: string) => {
    const item = items.get(key);
    if (item?.expiresAt !== undefined && item.expiresAt <= now()) {
      items.delete(key);
      return undefined;
    }
    return item;
  };

  const write = (key: string, value: unknown, ttl?: { value: number; unit: keyof typeof TTL_UNIT_MS }) => {
    items.set(key, { value: structuredClone(value), expiresAt: ttl ? now() + ttl.value * TTL_UNIT_MS[ttl.unit] : undefined });
  };

  const handlers: Record<string, (body: any) => unknown> = {
    '/api/v1/get': (body) => {
      checkKey(body.key);
      const item = live(body.key);
      if (!item) throw new ApiError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
      return { key: body.key, value: item.value };
    },
    '/api/v1/set': (body) => {
      checkKey(body.key);
      checkValue(body);
      if (body.options?.keyPolicy === 'FAIL_IF_EXISTS' && live(body.key)) {
        throw new ApiError(conflict.status, conflict.code, 'Provided key already exists');
      }
      write(body.key, body.value, body.options?.ttl);
      const lost = options.failSetAfterWrite?.get(body.key);
      if (lost) {
        options.failSetAfterWrite!.delete(body.key);
        throw new ApiError(lost.status, lost.code, 'The reply was lost');
      }
      return undefined;
    },
    '/api/v1/delete': (body) => {
      checkKey(body.key);
      if (!live(body.key)) throw new ApiError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
      items.delete(body.key);
      return undefined;
    },
    '/api/v1/query': (body) => {
      const limit = body.limit ?? DEFAULT_QUERY_LIMIT;
      if (!Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.maxQueryLimit) {
        throw badRequest('BAD_REQUEST', `Limit must be between 1 and ${KVS_LIMITS.maxQueryLimit}`);
      }
      const where = body.where ?? [];
      if (where.length > 1 || where.some((w: any) => w.property !== 'key' || w.condition !== 'BEGINS_WITH')) {
        throw badRequest('BAD_REQUEST', 'Only one BEGINS_WITH condition on key is supported');
      }
      const prefix = String(where[0]?.values?.[0] ?? '');
      const after = body.after === undefined ? '' : Buffer.from(body.after, 'base64url').toString('utf8');
      const keys = [...items.keys()]
        .filter((key) => key.startsWith(prefix) && key > after && live(key))
        .sort();
      const page = keys.slice(0, limit);
      const data = page.map((key) => ({ key, value: items.get(key)!.value }));
      return keys.length > limit ? { data, cursor: Buffer.from(page[page.length - 1], 'utf8').toString('base64url') } : { data };
    },
    '/api/v1/transaction': (body) => {
      const sets: any[] = body.set ?? [];
      const deletes: any[] = body.delete ?? [];
      if (body.check || [...sets, ...deletes].some((op) => op.entityName !== undefined)) {
        throw badRequest('BAD_REQUEST', 'The stub supports plain key sets and deletes only');
      }
      const count = sets.length + deletes.length;
      if (count === 0 || count > KVS_LIMITS.maxTransactionOperations) {
        throw badRequest('BAD_REQUEST', `A transaction needs 1 to ${KVS_LIMITS.maxTransactionOperations} operations`);
      }
      const keys = [...sets, ...deletes].map((op) => op.key);
      keys.forEach(checkKey);
      if (new Set(keys).size !== keys.length) throw badRequest('BAD_REQUEST', 'A key appears more than once');
      sets.forEach(checkValue);
      // All validated: now apply every operation.
      for (const op of sets) write(op.key, op.value, op.options?.ttl);
      for (const op of deletes) items.delete(op.key);
      return undefined;
    },
  };

  const stub = async (path: string, init?: RequestInit): Promise<Response> => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : {};
    requests.push({ path, body });
    const handler = handlers[path];
    if (!handler) return jsonResponse(404, { code: 'NOT_FOUND', message: `No route ${path}` });
    try {
      const result = handler(body);
      return result === undefined ? new Response(null, { status: 204 }) : jsonResponse(200, result);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return jsonResponse(error.status, { code: error.code, message: error.message });
    }
  };
  return Object.assign(stub, { requests });
}

function checkKey(key: unknown): void {
  if (typeof key !== 'string' || key.length === 0) throw badRequest('KEY_TOO_SHORT', 'The provided key is too short');
  if (key.length > KVS_LIMITS.maxKeyLength) throw badRequest('KEY_TOO_LONG', 'The provided key is too long');
  if (!KVS_LIMITS.keyPattern.test(key)) throw badRequest('INVALID_KEY', 'The provided key has an invalid format');
}

function checkValue(op: { value?: unknown }): void {
  if (op.value === undefined) throw badRequest('BAD_REQUEST', 'Provided request body is invalid');
  if (Buffer.byteLength(JSON.stringify(op.value), 'utf8') > KVS_LIMITS.maxValueBytes) {
    throw badRequest('MAX_SIZE', 'The provided value has exceeded the maximum size limit');
  }
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
