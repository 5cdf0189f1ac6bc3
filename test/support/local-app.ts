/**
 * Test builder: the real resolver definitions over a fresh in-memory store and a freshly seeded
 * simulated Jira site, with helpers to invoke a key as one of the demo users: `call` runs the
 * resolvers in this process (fixed clock and ids, for seeding and fast unit checks); `callBundled`
 * runs the Forge bundle (build/backend) through the real SDKs over the platform stand-in, on the same
 * store and site.
 */
import { createForgePlatform, type ForgePlatform } from '../../devtools/forge-platform/platform';
import { toForgeResolver } from '../../src/adapters/forge/forge-resolver';
import { createLocalRuntime } from '../../devtools/local/local-runtime';
import { registerManifestAliases } from '../../devtools/forge-platform/manifest';
import { DEMO_USERS, seedDemoSite } from '../../devtools/simulated-jira/seed';
import { SqliteStore } from '../../devtools/local/sqlite-store';
import { GOAL_LINK_PROPERTY, type ApiKey, type PayloadOf, type Result } from '../../src/contract';
import type { Clock } from '../../src/ports';
import { jiraHandlers } from '../../src/resolvers/jira-resolver';

export type Role = 'admin' | 'member' | 'viewer' | 'outsider' | 'anonymous' | 'siteAdmin';

export const PV = { id: '10000', key: 'PV', type: 'software' };
/** The issue panel's context on an issue of PV (PV-1 is an epic, PV-9 a story under it): see `app.issue(key)`. */
export const panelOn = (issue: { id: string; key: string }) => ({ type: 'jira:issuePanel', project: PV, issue });

export { registerManifestAliases };

export function createTestApp(options: { clock?: Clock; sleep?: (ms: number) => Promise<void>; jiraTimeoutMs?: number } = {}) {
  const site = seedDemoSite();
  registerManifestAliases(site);
  const store = new SqliteStore(':memory:');
  let n = 0;
  const runtime = createLocalRuntime({
    store,
    site,
    ids: { next: () => `id-${++n}` },
    sleep: options.sleep ?? (async () => undefined),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.jiraTimeoutMs !== undefined ? { jiraTimeoutMs: options.jiraTimeoutMs } : {}),
    // Background jobs run only when a test drains the queue: deterministic.
    queueOptions: { auto: false },
  });
  const definitions = toForgeResolver(jiraHandlers(runtime.makeDeps));
  const accountOf = (role: Role) => (role === 'anonymous' ? undefined : DEMO_USERS[role]);

  async function call<K extends ApiKey>(
    role: Role,
    key: K,
    payload: PayloadOf<K> | unknown,
    extension: Record<string, unknown> = { type: 'jira:projectSettingsPage', project: PV },
  ): Promise<Result<any>> {
    const accountId = accountOf(role);
    return (await definitions(
      { call: { functionKey: key, payload }, context: { moduleKey: 'vision-settings', extension } } as never,
      { principal: accountId ? { accountId } : undefined } as never,
    )) as Result<any>;
  }

  let platform: ForgePlatform | null = null;
  /** The Forge platform stand-in over this app's store and site, running the bundle (made on first use). */
  const forge = (): ForgePlatform => (platform ??= createForgePlatform({ store, site, queueOptions: { auto: false } }));

  /** `call`, but through the bundle `forge deploy` uploads and the real Forge SDKs. */
  async function callBundled<K extends ApiKey>(
    role: Role,
    key: K,
    payload: PayloadOf<K> | unknown,
    extension: Record<string, unknown> = { type: 'jira:projectSettingsPage', project: PV },
  ): Promise<Result<any>> {
    return (await forge().resolve({ functionKey: key, payload, context: { moduleKey: 'vision-settings', extension }, accountId: accountOf(role) ?? null })) as Result<any>;
  }

  /** Everything stored, in key order (sorted here: the store hands pages out in no set order), for "nothing changed" checks. */
  async function snapshot(): Promise<Array<{ key: string; value: unknown }>> {
    const all: Array<{ key: string; value: unknown }> = [];
    let cursor: string | undefined;
    do {
      const page = await store.query('', { cursor, limit: 20 });
      all.push(...page.results);
      cursor = page.nextCursor;
    } while (cursor);
    return all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Every issue's goal-link property, for "nothing changed in Jira" checks. */
  const goalLinks = (): Record<string, unknown> =>
    Object.fromEntries(site.issues.filter((i) => i.properties.has(GOAL_LINK_PROPERTY)).map((i) => [i.key, i.properties.get(GOAL_LINK_PROPERTY)]));

  const issue = (key: string) => {
    const found = site.issues.find((i) => i.key === key);
    if (!found) throw new Error(`No issue ${key}`);
    return { id: found.id, key: found.key };
  };

  return { site, store, queue: runtime.queue, call, callBundled, forge, snapshot, goalLinks, issue };
}

export const visionInput = (baseRevision = 0) => ({
  statement: 'Every customer solves their own problem in under five minutes.',
  targetUsers: 'Retail customers',
  problem: 'Support queues are long.',
  valueProposition: 'Self-service that works.',
  horizon: '2028',
  baseRevision,
});

export const goalInput = (over: Record<string, unknown> = {}) => ({
  title: 'Cut support calls',
  description: 'Half the calls by 2028.',
  ownerAccountId: DEMO_USERS.admin,
  status: 'active',
  targetDate: '2028-01-31',
  ...over,
});

export const kpiInput = (goalId: string, over: Record<string, unknown> = {}) => ({
  goalId,
  name: 'Support calls per week',
  unit: 'calls',
  direction: 'decrease',
  baseline: 1200,
  target: 600,
  bandLow: null,
  bandHigh: null,
  ...over,
});
