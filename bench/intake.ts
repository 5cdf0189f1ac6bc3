/**
 * Feedback intake's figures for `npm run bench` (run by bench/run.ts; `tsx bench/intake.ts [--json]`
 * runs them alone): a source over 10,000 matching service-desk requests, brought in through the queue by
 * the daily run. The day's limit (1,000 new items a source) spreads the intake over 10 days: the clock
 * moves a day between runs, and each day's fetch goes on from the page token the day before kept, so no
 * page is read twice. One event fails part-way (a storage write after 30 items of a page) and is retried
 * by the queue. Target: Jira REST calls ≤ ceil(10,000 / 100) + 5, counting the admin's add and every
 * daily run; 10,000 items, none twice.
 */
import { createLocalRuntime } from '../devtools/local/local-runtime';
import { SqliteStore } from '../devtools/local/sqlite-store';
import { DEMO_CUSTOMERS, DEMO_USERS, seedDemoSite } from '../devtools/simulated-jira';
import { addIssue } from '../devtools/simulated-jira/site';
import { toForgeResolver } from '../src/adapters/forge/forge-resolver';
import { INTAKE_LIMITS, type Result } from '../src/contract';
import { jiraHandlers } from '../src/resolvers/jira-resolver';
import { intakeAllJob } from '../src/use-cases/post-launch/intake-jobs';

const PV = { id: '10000', key: 'PV', type: 'software' };
const ISSUES = 10_000;
const SEARCH = 'POST /rest/api/3/search/jql';

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

export async function intakeBench() {
  const site = seedDemoSite();
  const store = new SqliteStore(':memory:');
  let at = Date.parse('2026-03-01T06:00:00.000Z');
  const clock = { now: () => new Date(at) };
  site.now = clock.now;
  const runtime = createLocalRuntime({ store, site, clock, queueOptions: { auto: false } });
  const definitions = toForgeResolver(jiraHandlers(runtime.makeDeps));
  const call = async (key: string, payload: unknown) => {
    const r = (await definitions(
      { call: { functionKey: key, payload }, context: { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: PV } } } as never,
      { principal: { accountId: DEMO_USERS.admin } } as never,
    )) as Result<any>;
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  for (let i = 0; i < ISSUES; i++)
    addIssue(site, { projectKey: 'SD', type: 'Incident', requestType: 'Bulk feedback', summary: `Request ${i + 1}`, reporterAccountId: i % 2 ? DEMO_CUSTOMERS.lena : DEMO_CUSTOMERS.omar, created: new Date(start + i * 60_000).toISOString() });

  site.calls = {};
  store.resetCalls();
  const began = performance.now();
  const source = await call('intake/add-source', { jql: 'project = SD AND "Request Type" = "Bulk feedback"' });
  const addCalls = sum(site.calls);
  const days: Array<{ day: string; added: number; pages: number; events: number; state: string }> = [];
  let failureInjected = false;
  for (let day = 0; day < 15; day++) {
    const before = { pages: site.calls[SEARCH] ?? 0, runs: runtime.queue.stats.runs };
    await runtime.queue.push([intakeAllJob()]);
    // On the fourth day an event fails part-way (the 31st claim's write), after its item before was saved.
    if (day === 3 && !failureInjected) {
      await runtime.queue.drain(2);
      store.failNext(1, 'setIfAbsent', 30);
      failureInjected = true;
    }
    await runtime.queue.drain();
    // Straight from the store: the settings page's reads (permissions, reporters' names) are not the intake's calls.
    const s = (await store.get<{ added: number; state: string }>(`project:10000:intake:${source.id}:state`))!;
    days.push({ day: new Date(at).toISOString().slice(0, 10), added: s.added, pages: (site.calls[SEARCH] ?? 0) - before.pages, events: runtime.queue.stats.runs - before.runs, state: s.state });
    if (s.state === 'done') break;
    at += 24 * 3600 * 1000;
  }
  const ms = Math.round(performance.now() - began);
  // Every item once: count the untriaged copies and the distinct issues behind them.
  const issues = new Set<string>();
  let items = 0;
  let cursor: string | undefined;
  do {
    const page = await store.query<{ issue: { id: string } }>('project:10000:feedback-untriaged:', { cursor, limit: 20 });
    for (const r of page.results) {
      items += 1;
      issues.add(r.value.issue.id);
    }
    cursor = page.nextCursor;
  } while (cursor);
  const rest = sum(site.calls);
  const target = Math.ceil(ISSUES / INTAKE_LIMITS.pageSize) + 5;
  store.close();
  return {
    issues: ISSUES,
    days,
    addCalls,
    restByOperation: { ...site.calls },
    rest,
    target,
    searchPages: site.calls[SEARCH] ?? 0,
    items,
    distinctIssues: issues.size,
    retriedEvents: runtime.queue.stats.failures,
    events: runtime.queue.stats.runs,
    storage: sum(store.calls),
    ms,
    met: rest <= target && items === ISSUES && issues.size === ISSUES && days.at(-1)?.state === 'done' && runtime.queue.stats.failures === 1,
  };
}

export function intakeTable(r: Awaited<ReturnType<typeof intakeBench>>): string {
  return [
    `Feedback intake — ${r.issues.toLocaleString('en')} matching requests, ${INTAKE_LIMITS.itemsPerDay.toLocaleString('en')} new items a day, latency 0`,
    '',
    ...r.days.map((d) => `${d.day}: ${String(d.added).padStart(5)} items, ${String(d.pages).padStart(3)} search pages, ${String(d.events).padStart(3)} queue events, ${d.state}`),
    '',
    `REST calls: ${r.rest} (adding the source: ${r.addCalls}; search pages: ${r.searchPages}) — target ≤ ${r.target} ${r.rest <= r.target ? '✓' : '✗'}`,
    `Items: ${r.items} for ${r.distinctIssues} distinct issues; ${r.retriedEvents} event(s) failed and retried; ${r.events} queue events; ${r.storage} storage calls; ${r.ms} ms.`,
  ].join('\n');
}

if (require.main === module) {
  intakeBench()
    .then((r) => {
      process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(r)}\n` : `${intakeTable(r)}\n`);
      process.exitCode = r.met ? 0 : 1;
    })
    .catch((error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    });
}
