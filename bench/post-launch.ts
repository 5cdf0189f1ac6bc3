/**
 * Post-launch tracking's figures for `npm run bench` (run by bench/run.ts; `tsx bench/post-launch.ts
 * [--json]` runs them alone): 20 KPIs with 5 years of daily measurements (36,520) and 2,000 feedback
 * items, seeded straight into the store as the app lays them out; then the storage calls, Jira calls and
 * milliseconds to open the project page, the post-launch section, a KPI chart and an iteration page, through
 * the real resolvers, with 100 ms per Jira call. The same with 1 year and 200 items shows the storage calls
 * do not grow with the history. Target: equal storage calls for both histories, within the documented counts.
 */
import { toForgeResolver } from '../src/adapters/forge/forge-resolver';
import { createLocalRuntime } from '../devtools/local/local-runtime';
import { DEMO_USERS, seedDemoSite } from '../devtools/simulated-jira';
import { SqliteStore } from '../devtools/local/sqlite-store';
import type { Result } from '../src/contract';
import { addDays } from '../src/domain/post-launch/days';
import { jiraHandlers } from '../src/resolvers/jira-resolver';
import { seedDailyMeasurements, seedFeedback } from '../test/support/post-launch-history';

const PV = { id: '10000', key: 'PV', type: 'software' };
const TODAY = '2025-08-20';
const KPIS = 20;
const LATENCY_MS = 100;

/** Storage calls each view may make (see the use cases), whatever the history; the project page's is the foundation's: constant only. */
export const STORAGE_TARGETS: Record<'projectPage' | 'overview' | 'chart' | 'olderYear' | 'iteration', number> = {
  projectPage: Number.POSITIVE_INFINITY,
  overview: 4,
  // 5 reads for the chart itself, and one query for repair notes (one page of at most 20) that brings the
  // chart back in step after a stopped measurement write.
  chart: 6,
  // The year's bucket, and the goal book to check the KPI is this project's.
  olderYear: 2,
  iteration: 5,
};

interface Measure {
  rest: number;
  storage: number;
  ms: number;
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

async function scenario(years: number, feedback: number) {
  const site = seedDemoSite();
  const store = new SqliteStore(':memory:');
  const clock = { now: () => new Date(`${TODAY}T12:00:00.000Z`) };
  const runtime = createLocalRuntime({ store, site, clock, queueOptions: { auto: false } });
  const definitions = toForgeResolver(jiraHandlers(runtime.makeDeps));
  const call = async (who: 'admin' | 'member', key: string, payload: unknown, moduleKey = 'vision-settings') => {
    const extension = { type: moduleKey === 'vision-settings' ? 'jira:projectSettingsPage' : 'jira:projectPage', project: PV };
    const r = (await definitions(
      { call: { functionKey: key, payload }, context: { moduleKey, extension } } as never,
      { principal: { accountId: DEMO_USERS[who] } } as never,
    )) as Result<any>;
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };

  // 4 goals × 5 KPIs, through the app.
  let revision = 0;
  const goalIds: string[] = [];
  for (let g = 0; g < 4; g++) {
    const book = await call('admin', 'goal/create', {
      goal: { title: `Goal ${g + 1}`, description: '', ownerAccountId: null, status: 'active', targetDate: null },
      baseRevision: revision++,
    });
    goalIds.push(book.goals[g].id);
  }
  let kpiIds: string[] = [];
  for (let k = 0; k < KPIS; k++) {
    const increase = k % 2 === 0;
    const book = await call('admin', 'kpi/create', {
      kpi: { goalId: goalIds[k % 4], name: `KPI ${k + 1}`, unit: 'u', direction: increase ? 'increase' : 'decrease', baseline: 1000, target: increase ? 2000 : 500, bandLow: null, bandHigh: null },
      baseRevision: revision++,
    });
    kpiIds = book.kpis.map((x: { id: string }) => x.id);
  }

  // The history, straight into the store.
  const seedStart = performance.now();
  const measurements = await seedDailyMeasurements(store, PV.id, kpiIds, {
    from: addDays(TODAY, -Math.round(365.25 * years) + 1),
    to: TODAY,
    by: DEMO_USERS.admin,
    value: (k, d) => 1000 + ((k % 2 === 0 ? 1 : -1) * d) / 5 + ((d * 37) % 23),
  });
  // The launch through the app: it captures the 20 baselines from the buckets.
  const launched = await call('admin', 'launch/create', { name: '', versionId: '10100', date: null, preset: '30-60-90', baseRevision: 0 });
  const launch = launched.launchBook.launches[0];
  await seedFeedback(store, PV.id, launch, { count: feedback, goalId: goalIds[0]!, kpiIds, by: DEMO_USERS.admin });
  const seedMs = Math.round(performance.now() - seedStart);

  site.faults.latencyMs = LATENCY_MS;
  const measure = async (run: () => Promise<unknown>): Promise<Measure> => {
    site.calls = {};
    store.resetCalls();
    const start = performance.now();
    await run();
    return { rest: sum(site.calls), storage: sum(store.calls), ms: Math.round(performance.now() - start) };
  };
  const iteration = { launchId: launch.id, iterationId: launch.iterations[0].id };
  // The feedback seeded straight into the store has no newest-feedback document yet: the first load builds it
  // once (one scan of the project's feedback, as for a project stored before it existed). The figure is a load after.
  await call('member', 'project/load', {}, 'vision-project-page');
  const result = {
    years,
    measurements,
    feedback,
    seedMs,
    projectPage: await measure(() => call('member', 'project/load', {}, 'vision-project-page')),
    overview: await measure(() => call('member', 'launch/overview', {}, 'vision-project-page')),
    chart: await measure(() => call('member', 'kpi/chart', { kpiId: kpiIds[0] }, 'vision-project-page')),
    olderYear: await measure(() => call('member', 'kpi/chart-year', { kpiId: kpiIds[0], year: 2021 }, 'vision-project-page')),
    iteration: await measure(() => call('member', 'iteration/load', iteration, 'vision-project-page')),
  };
  store.close();
  return result;
}

export type PostLaunchFigures = Awaited<ReturnType<typeof postLaunchBench>>;

export async function postLaunchBench() {
  const large = await scenario(5, 2000);
  const small = await scenario(1, 200);
  const views = ['projectPage', 'overview', 'chart', 'olderYear', 'iteration'] as const;
  const constant = views.every((v) => large[v].storage === small[v].storage);
  const withinTargets = views.every((v) => large[v].storage <= STORAGE_TARGETS[v]);
  return { kpis: KPIS, latencyMs: LATENCY_MS, large, small, targets: STORAGE_TARGETS, constant, withinTargets, met: constant && withinTargets };
}

export function postLaunchTable(r: PostLaunchFigures): string {
  const rows: Array<[string, keyof typeof STORAGE_TARGETS]> = [
    ['project page (its one invoke: project/load)', 'projectPage'],
    ['post-launch section opened (launch/overview)', 'overview'],
    ['KPI chart, this year and last (kpi/chart)', 'chart'],
    ['an older year of the chart (kpi/chart-year)', 'olderYear'],
    ['iteration page (iteration/load)', 'iteration'],
  ];
  const pad = (s: string | number, n: number, left = false) => (left ? String(s).padStart(n) : String(s).padEnd(n));
  return [
    `Post-launch tracking — ${r.kpis} KPIs × 5 years of daily values (${r.large.measurements.toLocaleString('en')}) and ${r.large.feedback.toLocaleString('en')} feedback items; ${r.latencyMs} ms per Jira call`,
    `(seeded straight into the store in ${r.large.seedMs} ms; the same with 1 year and ${r.small.feedback} items for comparison)`,
    '',
    `${pad('view', 46)}${pad('REST', 6, true)}${pad('storage', 9, true)}${pad('ms', 7, true)}${pad('storage, 1 year', 17, true)}  target`,
    ...rows.map(([name, v]) => {
      const l = r.large[v];
      const ok = l.storage === r.small[v].storage && l.storage <= r.targets[v];
      const bound = Number.isFinite(r.targets[v]) ? `≤ ${r.targets[v]}, ` : '';
      return `${pad(name, 46)}${pad(l.rest, 6, true)}${pad(l.storage, 9, true)}${pad(l.ms, 7, true)}${pad(r.small[v].storage, 17, true)}  ${bound}constant ${ok ? '✓' : '✗'}`;
    }),
  ].join('\n');
}

if (require.main === module) {
  postLaunchBench()
    .then((r) => {
      process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(r) : postLaunchTable(r)}\n`);
      process.exitCode = r.met ? 0 : 1;
    })
    .catch((error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
