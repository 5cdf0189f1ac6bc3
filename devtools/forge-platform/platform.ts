/**
 * A stand-in of the Forge platform at the SDKs' own boundary (`__forge_fetch__`, `__forge_runtime__`),
 * so that the bundle `forge deploy` uploads runs here unchanged, through the real @forge/resolver,
 * @forge/api, @forge/kvs and @forge/events: KVS from a KeyValueStore (the embedded database), Jira from
 * the simulated site, queue pushes delivered to the app's consumer, and the platform's own failures on
 * demand (consent needed, proxy errors, KVS 429/5xx, Jira not connected to a Confluence installation).
 */
import { randomUUID } from 'node:crypto';
import { InProcessQueue, type InProcessQueueOptions } from '../local/in-process-queue';
import type { JiraSite } from '../simulated-jira/site';
import type { KeyValueStore } from '../../src/ports';
import { loadForgeBundle, type ForgeBundle } from './forge-bundle';
import { installContextOf, runInvocation, type Invocation, type PlatformFetch } from './invocation';
import { createKvsService, newKvsConditions, type KvsConditions } from './kvs-service';
import { answerJira, type ProxyConditions } from './product-proxy';
import { answerStargate } from './stargate';

/** Forge's limits: a UI resolver has 25 s; a consumer up to its `timeoutSeconds` (900 here). */
const RESOLVER_LIMIT_MS = 25_000;
const CONSUMER_LIMIT_MS = 900_000;
const QUEUE_NAME = 'background-jobs';

export interface ForgePlatformOptions {
  store: KeyValueStore;
  site: JiraSite;
  bundle?: ForgeBundle;
  queueOptions?: InProcessQueueOptions;
  /** Accounts the personal data report answers as closed (default: those closed on the simulated site). */
  closedAccounts?: () => ReadonlySet<string>;
}

export interface ResolverCall {
  /** The resolver key the UI invokes. */
  functionKey: string;
  payload?: unknown;
  /** Forge's context for the module: `moduleKey`, `extension`, ... */
  context: { moduleKey?: string } & Record<string, unknown>;
  /** The signed-in user, or null. */
  accountId: string | null;
  /** Confluence modules: false plays an installation that Jira is not connected to yet. */
  jiraConnected?: boolean;
}

export interface ForgePlatform {
  bundle: ForgeBundle;
  conditions: ProxyConditions;
  /** How the KVS service behaves (faults, the conflict answer, lost replies) and what it received. */
  kvs: KvsConditions;
  /** Queue events run here, through the bundle's consumer. */
  queue: InProcessQueue;
  /** Requests the SDKs made, by kind. */
  calls: { kvs: number; jira: number; stargate: number };
  /** Errors that left a function (what Forge itself would see), newest last. */
  thrown: Array<{ functionKey: string; error: unknown }>;
  /** Runs the resolver function the module names in the manifest, as Forge does for `invoke()`. */
  resolve(call: ResolverCall): Promise<unknown>;
  /** Runs any manifest function with its arguments, as one invocation. */
  run(functionKey: string, args: unknown[], invocation: Invocation, limitMs?: number): Promise<unknown>;
  /** Runs `fn` as an invocation of this platform: SDK calls made in it are answered here (tests). */
  within<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T>;
}

export function createForgePlatform(o: ForgePlatformOptions): ForgePlatform {
  // Loaded on first use: tests of the adapters alone need no bundle.
  let loaded = o.bundle;
  const bundle = () => (loaded ??= loadForgeBundle());
  const conditions: ProxyConditions = { consentPending: new Set(), jiraConnected: true, proxyErrors: [] };
  const kvsConditions = newKvsConditions();
  const calls = { kvs: 0, jira: 0, stargate: 0 };
  const thrown: ForgePlatform['thrown'] = [];
  const kvs = createKvsService(o.store, kvsConditions);
  const queue = new InProcessQueue(o.queueOptions);

  const fetch: PlatformFetch = async (invocation, target, path, init) => {
    if (target.type === 'kvs') {
      calls.kvs += 1;
      return kvs(path, init);
    }
    if (target.type === 'fpp' && target.remote === 'jira') {
      calls.jira += 1;
      return answerJira(o.site, conditions, invocation, target as { type: string; provider?: string; accountId?: string }, path, init);
    }
    if (target.type === 'fpp' && target.remote === 'stargate') {
      calls.stargate += 1;
      return answerStargate(
        {
          deliver: (queueName, bodies) => (queueName === QUEUE_NAME ? queue.push(bodies) : Promise.reject(new Error(`No consumer for queue ${queueName}`))),
          accountStatus: (id) => ((o.closedAccounts?.() ?? o.site.closedAccounts).has(id) ? 'closed' : null),
        },
        path,
        init,
      );
    }
    throw new Error(`The platform stand-in does not serve ${JSON.stringify(target)} ${path}`);
  };

  function run(functionKey: string, args: unknown[], invocation: Invocation, limitMs = RESOLVER_LIMIT_MS): Promise<unknown> {
    const fn = bundle().functions[functionKey];
    if (!fn) return Promise.reject(new Error(`The manifest names no function ${functionKey}`));
    return runInvocation(fetch, invocation, limitMs, () => fn(...args)).catch((error: unknown) => {
      thrown.push({ functionKey, error });
      throw error;
    });
  }

  queue.connect(async (body, attempt) => {
    const event = {
      body,
      queueName: QUEUE_NAME,
      jobId: randomUUID(),
      eventId: randomUUID(),
      retryContext: { retryCount: attempt.retryCount, retryReason: attempt.retryCount ? 'FUNCTION_RETRY_REQUEST' : undefined, retryData: undefined },
    };
    const answer = await run('job-consumer', [event, { installContext: installContextOf('jira') }], { accountId: null, product: 'jira' }, CONSUMER_LIMIT_MS);
    // An InvocationError (`{ _retry: true, retryOptions }`) asks the platform to deliver the event again.
    if (answer && typeof answer === 'object' && (answer as { _retry?: unknown })._retry === true) throw new Error('The consumer asked for a retry');
  });

  return {
    get bundle() {
      return bundle();
    },
    conditions,
    kvs: kvsConditions,
    queue,
    calls,
    thrown,
    run,
    within: (invocation, fn) => runInvocation(fetch, invocation, RESOLVER_LIMIT_MS, fn),
    resolve(call) {
      const moduleKey = String(call.context.moduleKey ?? '');
      const functionKey = bundle().resolverOf(moduleKey);
      if (!functionKey) return Promise.reject(new Error(`No resolver for module ${moduleKey}`));
      const product = bundle().productOf(moduleKey);
      return run(
        functionKey,
        [
          { call: { functionKey: call.functionKey, payload: call.payload }, context: call.context },
          { principal: call.accountId ? { accountId: call.accountId } : undefined, installContext: installContextOf(product) },
        ],
        { accountId: call.accountId, product, moduleKey, ...(call.jiraConnected === undefined ? {} : { jiraConnected: call.jiraConnected }) },
      );
    },
  };
}
