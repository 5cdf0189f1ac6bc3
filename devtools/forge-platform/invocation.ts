/**
 * One Forge invocation as the platform sees it: who calls, from which app, and the runtime object the
 * SDKs read through `global.__forge_runtime__`. Invocations run concurrently in the preview, so each
 * one's runtime lives in an AsyncLocalStorage and the global is a getter onto it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { BUNDLE_DIR } from './forge-bundle';

export type Product = 'jira' | 'confluence';

export interface Invocation {
  /** The signed-in user (the principal); null for triggers, queue events and anonymous calls. */
  accountId: string | null;
  /** The app the module lives in: a macro runs in Confluence, everything else in Jira. */
  product: Product;
  moduleKey?: string;
  /** Overrides the platform's "Jira connected to the installation" for this call (the preview's switch). */
  jiraConnected?: boolean;
}

export const APP_ID = '00000000-0000-4000-8000-000000000000';
export const ENVIRONMENT_ID = 'local';
export const CLOUD_ID = 'preview-cloud-0000';

/** How one platform answers the SDKs' `__forge_fetch__(target, path, init)`. */
export type PlatformFetch = (invocation: Invocation, target: Record<string, unknown>, path: string, init?: RequestInit) => Promise<Response>;

interface Current {
  invocation: Invocation;
  runtime: ForgeRuntime;
  fetch: PlatformFetch;
}

const current = new AsyncLocalStorage<Current>();

export interface ForgeRuntime {
  proxy: { token: string; url: string };
  tracing: { traceId: string; spanId: string };
  /** Where the deployed code lies: @forge/api's i18n reads the translations from its `__LOCALES__/`. */
  container: { appCodeDir: string };
  metrics: { counter(name: string, tags?: unknown): { incr(): void }; timing(name: string, tags?: unknown): { measure(): { stop(tags?: unknown): void } } };
  appContext: Record<string, unknown>;
  lambdaContext: { getRemainingTimeInMillis: () => number };
}

const noMetrics: ForgeRuntime['metrics'] = {
  counter: () => ({ incr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
};

/** What `__forge_runtime__` holds during an invocation (the fields @forge/api, kvs and events read). */
function runtimeFor(invocation: Invocation, timeLimitMs: number): ForgeRuntime {
  const deadline = Date.now() + timeLimitMs;
  return {
    proxy: { token: `local-token-${randomUUID()}`, url: 'http://forge-platform.local' },
    tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().slice(0, 16) },
    metrics: noMetrics,
    container: { appCodeDir: BUNDLE_DIR },
    appContext: {
      appId: APP_ID,
      appVersion: '1.0.0',
      environmentId: ENVIRONMENT_ID,
      environmentType: 'DEVELOPMENT',
      invocationId: randomUUID(),
      installationId: randomUUID(),
      moduleKey: invocation.moduleKey ?? '',
    },
    lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) },
  };
}

/** Outside any invocation (a module loading, say): a runtime with no user and no time limit. */
const idle = runtimeFor({ accountId: null, product: 'jira' }, Number.MAX_SAFE_INTEGER / 2);

/** Runs `fn` as one invocation of a platform: the SDK calls it makes are answered by `fetch`. */
export function runInvocation<T>(fetch: PlatformFetch, invocation: Invocation, timeLimitMs: number, fn: () => Promise<T>): Promise<T> {
  installForgeGlobals();
  return current.run({ invocation, runtime: runtimeFor(invocation, timeLimitMs), fetch }, fn);
}

/**
 * The two globals the Forge SDKs reach the platform through. One process may hold several platforms
 * (tests do), so both look up the invocation they are called in.
 */
export function installForgeGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  if (Object.getOwnPropertyDescriptor(g, '__forge_runtime__')?.get === runtimeGetter) return;
  Object.defineProperty(g, '__forge_runtime__', { get: runtimeGetter, configurable: true });
  g.__forge_fetch__ = async (target: Record<string, unknown>, path: string, init?: RequestInit): Promise<Response> => {
    const here = current.getStore();
    if (!here) throw new Error(`A Forge SDK call outside any invocation: ${String(target.type)} ${path}`);
    return here.fetch(here.invocation, target, path, init);
  };
}

function runtimeGetter(): ForgeRuntime {
  return current.getStore()?.runtime ?? idle;
}

/** The installation's context ARI of a product, as Forge passes it to functions. */
export const installContextOf = (product: Product): string => `ari:cloud:${product}::site/${CLOUD_ID}`;
