/**
 * Test builder: the real resolver definitions over a fresh in-memory store and a freshly seeded
 * simulated Jira site, with helpers to invoke a key as one of the demo users.
 */
import { toForgeResolver } from '../../src/adapters/forge/forge-resolver';
import { localDeps } from '../../src/adapters/local/local-runtime';
import { DEMO_USERS, seedDemoSite } from '../../src/adapters/local/simulated-jira/seed';
import { SqliteStore } from '../../src/adapters/local/sqlite-store';
import type { ApiKey, PayloadOf, Result } from '../../src/contract';
import { jiraHandlers } from '../../src/resolvers/jira-resolver';

export type Role = 'admin' | 'member' | 'outsider' | 'anonymous';

export const PV = { id: '10000', key: 'PV', type: 'software' };

export function createTestApp() {
  const site = seedDemoSite();
  const store = new SqliteStore(':memory:');
  let n = 0;
  const definitions = toForgeResolver(
    jiraHandlers(localDeps({ store, site, ids: { next: () => `id-${++n}` }, sleep: async () => undefined })),
  );
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

  /** Everything stored, for "nothing changed" checks. */
  async function snapshot(): Promise<Array<{ key: string; value: unknown }>> {
    const all: Array<{ key: string; value: unknown }> = [];
    let cursor: string | undefined;
    do {
      const page = await store.query('', { cursor, limit: 20 });
      all.push(...page.results);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  return { site, store, call, snapshot };
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
