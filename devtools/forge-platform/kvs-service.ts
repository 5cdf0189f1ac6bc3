/**
 * Forge's key-value store service at the level `@forge/kvs` talks to it (`POST /api/v1/...`, JSON
 * bodies, `{ code, message }` errors), answered from a KeyValueStore (the embedded SQLite file in the
 * preview). The store enforces Forge's documented limits (key pattern and length, 240 KiB values, 20
 * results a page, 25 operations a transaction); this maps its refusals to the service's answers.
 */
import { StoreError, type KeyValueStore, type StoreOperation } from '../../src/ports/store.port';

/** An answer the service gives instead of doing the work (a 429 or 5xx), or a request that never arrives. */
export type KvsFault = { status: number; code: string; message?: string } | { networkError: string };

/** How the service behaves, changed by tests. */
export interface KvsConditions {
  /** The next requests fail this way, one each. */
  faults: KvsFault[];
  /** The answer to a FAIL_IF_EXISTS write on an existing key; Atlassian documents none, so tests vary it. */
  conflict: { status: number; code: string };
  /** A set of one of these keys is written, and then the reply fails with this answer (a lost reply). */
  failAfterWrite: Map<string, { status: number; code: string }>;
  /** Every request received, in order, with its parsed body. */
  requests: Array<{ path: string; body: any }>;
}

export const newKvsConditions = (): KvsConditions => ({
  faults: [],
  conflict: { status: 409, code: 'KEY_CONFLICT' },
  failAfterWrite: new Map(),
  requests: [],
});

const DEFAULT_QUERY_LIMIT = 10;

const STATUS_OF: Record<string, { status: number; code: string }> = {
  INVALID_KEY: { status: 400, code: 'INVALID_KEY' },
  VALUE_TOO_LARGE: { status: 400, code: 'MAX_SIZE' },
  INVALID_LIMIT: { status: 400, code: 'BAD_REQUEST' },
  TOO_MANY_OPERATIONS: { status: 400, code: 'BAD_REQUEST' },
};

class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function createKvsService(store: KeyValueStore, conditions: KvsConditions) {
  const routes: Record<string, (body: any) => Promise<unknown>> = {
    '/api/v1/get': async ({ key }) => {
      const value = await store.get(key);
      if (value === undefined) throw new ServiceError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
      return { key, value };
    },
    '/api/v1/set': async ({ key, value, options }) => {
      if (value === undefined) throw new ServiceError(400, 'BAD_REQUEST', 'Provided request body is invalid');
      const ttlSeconds = options?.ttl ? toSeconds(options.ttl) : undefined;
      if (options?.keyPolicy === 'FAIL_IF_EXISTS') {
        const written = await store.setIfAbsent(key, value, ttlSeconds === undefined ? {} : { ttlSeconds });
        // Atlassian does not document this answer; the app must not depend on its status or code.
        if (!written) throw new ServiceError(conditions.conflict.status, conditions.conflict.code, 'Provided key already exists');
        return afterWrite(key);
      }
      if (ttlSeconds !== undefined) throw new ServiceError(400, 'BAD_REQUEST', 'This stand-in keeps a TTL only with FAIL_IF_EXISTS');
      await store.set(key, value);
      return afterWrite(key);
    },
    '/api/v1/delete': async ({ key }) => {
      if ((await store.get(key)) === undefined) throw new ServiceError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
      await store.delete(key);
      return undefined;
    },
    '/api/v1/query': async ({ limit, after, where }) => {
      const conditions: any[] = where ?? [];
      if (conditions.length > 1 || conditions.some((w) => w.property !== 'key' || w.condition !== 'BEGINS_WITH'))
        throw new ServiceError(400, 'BAD_REQUEST', 'Only one BEGINS_WITH condition on key is supported');
      const page = await store.query(String(conditions[0]?.values?.[0] ?? ''), { limit: limit ?? DEFAULT_QUERY_LIMIT, ...(after ? { cursor: after } : {}) });
      return page.nextCursor ? { data: page.results, cursor: page.nextCursor } : { data: page.results };
    },
    '/api/v1/transaction': async (body) => {
      const sets: any[] = body.set ?? [];
      const deletes: any[] = body.delete ?? [];
      if (body.check || [...sets, ...deletes].some((op) => op.entityName !== undefined || op.options?.ttl))
        throw new ServiceError(400, 'BAD_REQUEST', 'This stand-in runs transactions of plain key sets and deletes');
      if (sets.length + deletes.length === 0) throw new ServiceError(400, 'BAD_REQUEST', 'A transaction needs at least one operation');
      const operations: StoreOperation[] = [
        ...sets.map((op) => ({ kind: 'set' as const, key: op.key, value: op.value })),
        ...deletes.map((op) => ({ kind: 'delete' as const, key: op.key })),
      ];
      await store.transact(operations);
      return undefined;
    },
  };

  const afterWrite = (key: string): undefined => {
    const lost = conditions.failAfterWrite.get(key);
    if (!lost) return undefined;
    conditions.failAfterWrite.delete(key);
    throw new ServiceError(lost.status, lost.code, 'Injected failure after the write');
  };

  return async function answer(path: string, init?: RequestInit): Promise<Response> {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : {};
    conditions.requests.push({ path, body });
    const fault = conditions.faults.shift();
    if (fault && 'networkError' in fault) throw new TypeError(fault.networkError);
    if (fault) return json(fault.status, { code: fault.code, message: fault.message ?? `Injected ${fault.status}` });
    const route = routes[path];
    if (!route) return json(404, { code: 'NOT_FOUND', message: `No route ${path}` });
    try {
      const result = await route(body);
      return result === undefined ? new Response(null, { status: 204 }) : json(200, result);
    } catch (error) {
      if (error instanceof ServiceError) return json(error.status, { code: error.code, message: error.message });
      if (error instanceof StoreError) {
        const mapped = STATUS_OF[error.code] ?? { status: 500, code: 'INTERNAL_SERVER_ERROR' };
        return json(mapped.status, { code: mapped.code, message: error.message });
      }
      return json(500, { code: 'INTERNAL_SERVER_ERROR', message: error instanceof Error ? error.message : String(error) });
    }
  };
}

const UNIT_SECONDS: Record<string, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86_400 };
const toSeconds = (ttl: { value: number; unit: string }): number => ttl.value * (UNIT_SECONDS[ttl.unit] ?? 1);
