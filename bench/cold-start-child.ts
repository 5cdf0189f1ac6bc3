/**
 * What bench/cold-start.ts runs in each fresh Node process, before the clock starts: a store and the
 * simulated site with PV's vision and one goal saved (through the in-process resolvers), and the
 * platform stand-in ready to run a bundle's Jira resolver for the project settings page.
 */
import { createForgePlatform } from '../devtools/forge-platform/platform';
import { toForgeResolver } from '../src/adapters/forge/forge-resolver';
import { createLocalRuntime } from '../devtools/local/local-runtime';
import { DEMO_USERS, seedDemoSite } from '../devtools/simulated-jira';
import { SqliteStore } from '../devtools/local/sqlite-store';
import type { Result } from '../src/contract';
import { jiraHandlers } from '../src/resolvers/jira-resolver';

const PV = { id: '10000', key: 'PV', type: 'software' };
const context = { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: PV } };

export async function prepare(): Promise<{ loadProject: (handler: (...args: unknown[]) => Promise<unknown>) => Promise<Result<unknown>> }> {
  const site = seedDemoSite();
  const store = new SqliteStore(':memory:');
  const runtime = createLocalRuntime({ store, site, queueOptions: { auto: false } });
  const local = toForgeResolver(jiraHandlers(runtime.makeDeps));
  const call = async (key: string, payload: unknown) => {
    const r = (await local({ call: { functionKey: key, payload }, context } as never, { principal: { accountId: DEMO_USERS.admin } } as never)) as Result<unknown>;
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
  };
  await call('vision/save', { statement: 'Every customer solves their own problem in under five minutes.', targetUsers: 'Retail customers', problem: 'Support queues are long.', valueProposition: 'Self-service that works.', horizon: '2028', baseRevision: 0 });
  await call('goal/create', { goal: { title: 'Cut support calls', description: '', ownerAccountId: null, status: 'active', targetDate: null }, baseRevision: 0 });
  // Made before the clock starts; the bundle's handler is put in once it is loaded.
  const functions: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  const platform = createForgePlatform({
    store,
    site,
    queueOptions: { auto: false },
    bundle: { functions, resolverOf: () => 'jira-resolver', productOf: () => 'jira' },
  });
  return {
    /** `project/load` from the project settings page, as the admin, through the platform stand-in and the bundle's handler. */
    async loadProject(handler) {
      functions['jira-resolver'] = handler;
      return (await platform.resolve({ functionKey: 'project/load', payload: {}, context, accountId: DEMO_USERS.admin })) as Result<unknown>;
    },
  };
}
