/**
 * The product portfolio's figures for `npm run bench` (run by bench/run.ts; `tsx bench/portfolio.ts
 * [--json]` runs them alone): a site with 10 and with 1,000 projects that use the app, each given a goal
 * and a KPI through the real resolvers (every tenth contributing to a company goal), their portfolio rows
 * written by the queued refreshes those writes start; then one portfolio load as a Jira administrator and
 * as a named group's member (whose groups Jira is asked for), with 100 ms per Jira call: invokes, Jira
 * calls, storage reads, ms; and the largest row shard against KVS's 240 KiB a value.
 * Targets: 1 invoke, ≤ 2 Jira calls, ≤ 10 storage reads, at either size.
 */
import { toForgeResolver } from '../src/adapters/forge/forge-resolver';
import { createLocalRuntime } from '../devtools/local/local-runtime';
import { DEMO_GROUPS, DEMO_USERS, seedDemoSite } from '../devtools/simulated-jira';
import { SqliteStore } from '../devtools/local/sqlite-store';
import type { Result } from '../src/contract';
import { KVS_LIMITS } from '../src/ports';
import { jiraHandlers } from '../src/resolvers/jira-resolver';
import { portfolioKeys, SHARDS } from '../src/storage/portfolio-rows';

const LATENCY_MS = 100;
export const PORTFOLIO_TARGETS = { invokes: 1, jira: 2, storageReads: 10 } as const;

interface Load {
  invokes: number;
  jira: number;
  storageReads: number;
  ms: number;
  rows: number;
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

async function scenario(projects: number) {
  const site = seedDemoSite();
  const pv = site.projects[0]!;
  for (let i = 0; i < projects; i++) {
    const id = String(20000 + i);
    site.projects.push({ ...pv, id, key: `P${i}`, name: `Project ${i}`, uuid: undefined, versions: [], properties: new Map(), roles: { Administrators: [DEMO_USERS.admin, DEMO_USERS.siteAdmin], Members: [DEMO_USERS.member] } });
  }
  const store = new SqliteStore(':memory:');
  const runtime = createLocalRuntime({ store, site, queueOptions: { auto: false } });
  const definitions = toForgeResolver(jiraHandlers(runtime.makeDeps));
  let invokes = 0;
  const call = async (who: keyof typeof DEMO_USERS, key: string, payload: unknown, extension: Record<string, unknown>) => {
    invokes += 1;
    const r = (await definitions({ call: { functionKey: key, payload }, context: { moduleKey: 'vision-settings', extension } } as never, { principal: { accountId: DEMO_USERS[who] } } as never)) as Result<any>;
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const globalPage = { type: 'jira:globalPage' };
  const company = await call('siteAdmin', 'company-goal/create', { goal: { title: 'Grow self-service revenue', description: '', businessUnit: 'Digital', ownerAccountId: null, targetDate: null, status: 'active', kpis: [] }, baseRevision: 0 }, globalPage);
  await call('siteAdmin', 'company-goal/set-editors', { accountIds: [], groups: [DEMO_GROUPS.productLeads], baseRevision: 0 }, globalPage);
  const seedStart = performance.now();
  for (let i = 0; i < projects; i++) {
    const project = { type: 'jira:projectSettingsPage', project: { id: String(20000 + i), key: `P${i}`, type: 'software' } };
    const book = await call('admin', 'goal/create', { goal: { title: `Goal of project ${i}`, description: '', ownerAccountId: null, status: 'active', targetDate: null }, baseRevision: 0 }, project);
    const goalId = book.goals[0].id;
    await call('admin', 'kpi/create', { kpi: { goalId, name: 'Weekly active users', unit: 'users', direction: 'increase', baseline: 100, target: 200, bandLow: null, bandHigh: null }, baseRevision: 1 }, project);
    if (i % 10 === 0) await call('admin', 'goal/contribute', { goalId, companyGoalId: company.goals[0].id, baseRevision: 2 }, project);
  }
  await runtime.queue.drain();
  const seedMs = Math.round(performance.now() - seedStart);
  const shardBytes = await Promise.all(Array.from({ length: SHARDS }, async (_, n) => new TextEncoder().encode(JSON.stringify((await store.get(portfolioKeys.shard(n))) ?? null)).length));

  site.faults.latencyMs = LATENCY_MS;
  const load = async (who: 'siteAdmin' | 'member'): Promise<Load> => {
    site.calls = {};
    store.resetCalls();
    invokes = 0;
    const start = performance.now();
    const view = await call(who, 'portfolio/load', {}, globalPage);
    const ms = Math.round(performance.now() - start);
    return { invokes, jira: sum(site.calls), storageReads: (store.calls.get ?? 0) + (store.calls.query ?? 0), ms, rows: view.rows.length };
  };
  const admin = await load('siteAdmin');
  const member = await load('member');
  store.close();
  return { projects, seedMs, largestShardBytes: Math.max(...shardBytes), admin, member };
}

export async function portfolioBench() {
  const small = await scenario(10);
  const large = await scenario(1000);
  const within = (l: Load) => l.invokes <= PORTFOLIO_TARGETS.invokes && l.jira <= PORTFOLIO_TARGETS.jira && l.storageReads <= PORTFOLIO_TARGETS.storageReads;
  const met = [small.admin, small.member, large.admin, large.member].every(within) && large.largestShardBytes < KVS_LIMITS.maxValueBytes;
  return { latencyMs: LATENCY_MS, targets: PORTFOLIO_TARGETS, small, large, met };
}

export function portfolioTable(r: Awaited<ReturnType<typeof portfolioBench>>): string {
  const pad = (s: string | number, n: number, left = false) => (left ? String(s).padStart(n) : String(s).padEnd(n));
  const line = (name: string, l: Load) =>
    `${pad(name, 46)}${pad(l.rows, 6, true)}${pad(l.invokes, 8, true)}${pad(l.jira, 6, true)}${pad(l.storageReads, 15, true)}${pad(l.ms, 7, true)}`;
  return [
    `Product portfolio — one load (${r.latencyMs} ms per Jira call); rows kept by the writes (seeded through the resolvers)`,
    '',
    `${pad('load', 46)}${pad('rows', 6, true)}${pad('invokes', 8, true)}${pad('Jira', 6, true)}${pad('storage reads', 15, true)}${pad('ms', 7, true)}`,
    line(`${r.small.projects} projects, Jira administrator`, r.small.admin),
    line(`${r.small.projects} projects, member of a named group`, r.small.member),
    line(`${r.large.projects.toLocaleString('en')} projects, Jira administrator`, r.large.admin),
    line(`${r.large.projects.toLocaleString('en')} projects, member of a named group`, r.large.member),
    '',
    `Targets: ${r.targets.invokes} invoke, ≤ ${r.targets.jira} Jira calls, ≤ ${r.targets.storageReads} storage reads ${r.met ? '✓' : '✗'}; ` +
      `largest row shard at ${r.large.projects.toLocaleString('en')} projects: ${(r.large.largestShardBytes / 1024).toFixed(1)} KiB of 240 KiB ` +
      `(seeding ${r.large.projects.toLocaleString('en')} projects took ${r.large.seedMs} ms).`,
  ].join('\n');
}

if (require.main === module) {
  portfolioBench()
    .then((r) => {
      process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(r)}\n` : `${portfolioTable(r)}\n`);
      process.exitCode = r.met ? 0 : 1;
    })
    .catch((error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
