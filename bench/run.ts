/**
 * `npm run bench` — the alignment use cases against the simulated Jira, through the real resolvers:
 * 10,000 epics in one project (10% unaligned), 100 ms per Jira call, an in-memory SQLite store.
 * For each operation: Jira REST calls, storage calls, wall-clock ms. Then a full pass of 20,000 epics
 * (latency 0): how many queue events the chain takes and how many search pages each one makes.
 * Then post-launch tracking (bench/post-launch.ts), feedback intake from Jira (bench/intake.ts), the product
 * portfolio at 10 and 1,000 projects (bench/portfolio.ts), and the backend's cold start against a minimal
 * resolver's (bench/cold-start.ts).
 * `--json` prints the same figures as one JSON object and nothing else. Exits 1 if a target is missed.
 */
import { toForgeResolver } from '../src/adapters/forge/forge-resolver';
import { createLocalRuntime } from '../devtools/local/local-runtime';
import { addBulkEpics, DEMO_USERS, registerPropertyAlias, seedDemoSite, type JiraSite } from '../devtools/simulated-jira';
import { SqliteStore } from '../devtools/local/sqlite-store';
import { ALIGNMENT_PAGE_SIZE, GOAL_LINK_ALIAS, GOAL_LINK_PROPERTY, type Result } from '../src/contract';
import { jiraHandlers } from '../src/resolvers/jira-resolver';
import { MAX_PAGES_PER_STEP } from '../src/use-cases/alignment/scan-work';
import { coldStartBench, coldStartTable } from './cold-start';
import { postLaunchBench, postLaunchTable } from './post-launch';
import { intakeBench, intakeTable } from './intake';
import { portfolioBench, portfolioTable } from './portfolio';

const JSON_OUT = process.argv.includes('--json');
const EPICS = 10_000;
const SCAN_EPICS = 20_000;
const LATENCY_MS = 100;
const PV = { id: '10000', key: 'PV', type: 'software' };
const SEARCH = 'POST /rest/api/3/search/jql';

interface Measure {
  rest: number;
  storage: number;
  ms: number;
  restByOperation: Record<string, number>;
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

/** A site whose project PV holds exactly `epics` epics, every tenth one without a goal, `children` open stories each. */
function bench(epics: number, children: number) {
  const site: JiraSite = seedDemoSite();
  registerPropertyAlias(site, GOAL_LINK_ALIAS, GOAL_LINK_PROPERTY, 'goalId');
  site.issues = site.issues.filter((i) => i.projectId !== PV.id);
  const store = new SqliteStore(':memory:');
  const runtime = createLocalRuntime({ store, site, queueOptions: { auto: false } });
  const definitions = toForgeResolver(jiraHandlers(runtime.makeDeps));
  const call = async (who: keyof typeof DEMO_USERS, key: string, payload: unknown, extension: Record<string, unknown> = { type: 'jira:projectPage', project: PV }) => {
    const r = (await definitions(
      { call: { functionKey: key, payload }, context: { moduleKey: 'vision-project-page', extension } } as never,
      { principal: { accountId: DEMO_USERS[who] } } as never,
    )) as Result<any>;
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const measure = async <T>(run: () => Promise<T>): Promise<{ result: T; m: Measure }> => {
    site.calls = {};
    store.resetCalls();
    const start = performance.now();
    const result = await run();
    const ms = Math.round(performance.now() - start);
    return { result, m: { rest: sum(site.calls), storage: sum(store.calls), ms, restByOperation: { ...site.calls } } };
  };
  const setup = async () => {
    const goalIds: string[] = [];
    for (const [i, title] of ['Halve support calls', 'Win business accounts', 'Accessible to everyone'].entries()) {
      const book = await call('admin', 'goal/create', {
        goal: { title, description: '', ownerAccountId: null, status: 'active', targetDate: null },
        baseRevision: i,
      });
      goalIds.push(book.goals[i].id);
    }
    addBulkEpics(site, {
      projectKey: 'PV',
      epics,
      link: (i) => (i % 10 === 0 ? undefined : { goalId: goalIds[i % 3], setBy: DEMO_USERS.admin, setAt: '2026-01-01T00:00:00.000Z' }),
      openChildren: children,
      storyPoints: 3,
    });
  };
  return { site, store, queue: runtime.queue, call, measure, setup };
}

async function operations() {
  const b = bench(EPICS, 0);
  await b.setup();
  const unaligned = EPICS / 10;
  // The first report of the day also fetches the project's issue types (cached for a day).
  const cold = await b.measure(() => b.call('member', 'alignment/report', {}));
  b.site.faults.latencyMs = LATENCY_MS;

  const headline = await b.measure(() => b.call('member', 'alignment/report', {}));
  const firstPage = await b.measure(() => b.call('member', 'alignment/unaligned', {}));
  const full = await b.measure(async () => {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await b.call('member', 'alignment/unaligned', cursor ? { cursor } : {});
      count += page.epics.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return count;
  });
  const epic = b.site.issues.find((i) => i.projectId === PV.id)!;
  const panel = await b.measure(() =>
    b.call('member', 'panel/load', {}, { type: 'jira:issuePanel', project: PV, issue: { id: epic.id, key: epic.key } }),
  );
  if (headline.result.headline.epics !== EPICS || headline.result.headline.unaligned !== unaligned) throw new Error('Wrong headline');
  if (full.result !== unaligned) throw new Error(`Listed ${full.result} unaligned epics, not ${unaligned}`);
  b.store.close();
  const listTarget = Math.ceil(unaligned / ALIGNMENT_PAGE_SIZE) + 2;
  return {
    coldHeadline: cold.m,
    headline: { ...headline.m, target: 3, met: headline.m.rest <= 3 },
    firstUnalignedPage: { ...firstPage.m, epics: firstPage.result.epics.length },
    fullUnalignedList: { ...full.m, epics: full.result, pages: Math.ceil(unaligned / ALIGNMENT_PAGE_SIZE), target: listTarget, met: full.m.rest <= listTarget },
    issuePanelOfEpic: panel.m,
  };
}

async function fullPass() {
  const b = bench(SCAN_EPICS, 1);
  await b.setup();
  const start = performance.now();
  b.site.calls = {};
  b.store.resetCalls();
  await b.call('admin', 'alignment/rescan', {});
  const pagesPerEvent: number[] = [];
  for (;;) {
    const before = b.site.calls[SEARCH] ?? 0;
    if ((await b.queue.drain(1)) === 0) break;
    pagesPerEvent.push((b.site.calls[SEARCH] ?? 0) - before);
  }
  const ms = Math.round(performance.now() - start);
  const report = await b.call('member', 'alignment/report', {});
  const passCalls = { rest: sum(b.site.calls), storage: sum(b.store.calls) };
  // Once a pass has left the tally, the report reads every figure from it: no live count.
  const afterPass = await b.measure(() => b.call('member', 'alignment/report', {}));
  b.store.close();
  return {
    epics: SCAN_EPICS,
    openChildIssues: SCAN_EPICS,
    events: pagesPerEvent.length,
    pagesPerEvent,
    maxPagesPerEvent: Math.max(...pagesPerEvent),
    pageLimit: MAX_PAGES_PER_STEP,
    ...passCalls,
    ms,
    state: report.scan.state,
    headlineAfterPass: afterPass.m,
    snapshot: { epics: report.latest.epics, aligned: report.latest.aligned, coverage: report.latest.coverage, openIssueCoverage: report.latest.openIssueCoverage },
  };
}

function table(ops: Awaited<ReturnType<typeof operations>>, scan: Awaited<ReturnType<typeof fullPass>>): string {
  const rows: Array<[string, Measure, string]> = [
    ['headline coverage', ops.headline, `≤ ${ops.headline.target} REST ${ops.headline.met ? '✓' : '✗'}`],
    [`first page of unaligned (${ops.firstUnalignedPage.epics})`, ops.firstUnalignedPage, ''],
    [`full unaligned list (${ops.fullUnalignedList.epics}, ${ops.fullUnalignedList.pages} pages)`, ops.fullUnalignedList, `≤ ${ops.fullUnalignedList.target} REST ${ops.fullUnalignedList.met ? '✓' : '✗'}`],
    ['issue panel of one epic', ops.issuePanelOfEpic, ''],
    ['(headline, first of the day)', ops.coldHeadline, 'latency 0'],
    ['headline after a pass (stored tally)', scan.headlineAfterPass, 'latency 0'],
  ];
  const pad = (s: string | number, n: number, left = false) => (left ? String(s).padStart(n) : String(s).padEnd(n));
  const lines = [
    `Epic alignment — ${EPICS.toLocaleString('en')} epics, ${(EPICS / 10).toLocaleString('en')} unaligned, ${LATENCY_MS} ms per Jira call`,
    '',
    `${pad('operation', 40)}${pad('REST', 6, true)}${pad('storage', 9, true)}${pad('ms', 8, true)}  target`,
    ...rows.map(([name, m, target]) => `${pad(name, 40)}${pad(m.rest, 6, true)}${pad(m.storage, 9, true)}${pad(m.ms, 8, true)}  ${target}`),
    '',
    `Full pass of ${scan.epics.toLocaleString('en')} epics (+ ${scan.openChildIssues.toLocaleString('en')} open stories), latency 0: ` +
      `${scan.events} queue events, ≤ ${scan.maxPagesPerEvent} search pages each (limit ${scan.pageLimit}); ` +
      `${scan.rest} REST calls, ${scan.storage} storage calls, ${scan.ms} ms; ${scan.state}.`,
    `Pages per event: ${scan.pagesPerEvent.join(', ')}`,
  ];
  return lines.join('\n');
}

async function main() {
  if (!JSON_OUT) process.stderr.write('Running… (about 90 seconds)\n');
  const ops = await operations();
  const scan = await fullPass();
  const postLaunch = await postLaunchBench();
  const intake = await intakeBench();
  const portfolio = await portfolioBench();
  const coldStart = await coldStartBench();
  const met = ops.headline.met && ops.fullUnalignedList.met && scan.maxPagesPerEvent <= scan.pageLimit && scan.state === 'done' && postLaunch.met && intake.met && portfolio.met && coldStart.met;
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify({ epics: EPICS, unaligned: EPICS / 10, latencyMs: LATENCY_MS, pageSize: ALIGNMENT_PAGE_SIZE, operations: ops, fullPass: scan, postLaunch, intake, portfolio, coldStart, targetsMet: met })}\n`);
  } else {
    process.stdout.write(`${table(ops, scan)}\n\n${postLaunchTable(postLaunch)}\n\n${intakeTable(intake)}\n\n${portfolioTable(portfolio)}\n\n${coldStartTable(coldStart)}\n`);
  }
  process.exitCode = met ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
