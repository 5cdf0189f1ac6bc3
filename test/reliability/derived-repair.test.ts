/**
 * A measurement write killed at every write step. Recording, replacing and deleting a day's value
 * each write several keys one after another (a repair note, the day's revision and current item, the
 * KPI's year bucket, the project's latest values, the launch digests, and the note's removal). For
 * every write step k of each action, the process is killed right after step k (every later storage
 * call fails and nothing more is written); then, after a restart, the next read of the KPI's chart —
 * or, on a second copy, the daily trigger — must answer a chart and a latest value in step with the
 * stored measurements, every derived record must agree with them (test/support/consistency.ts,
 * strict), and no measurement may be lost or doubled: the day holds either the old value or the new
 * one, every other day is untouched. The user's retry then completes the change exactly once.
 */
import { ERROR_CODES, type Result } from '../../src/contract';
import { startDailyJobs } from '../../src/use-cases/shared/background-jobs';
import { STALE_NOTE_MS } from '../../src/use-cases/post-launch/measurement-repair-job';
import { consistencyProblems } from '../support/consistency';
import { IDS, seededPostLaunch } from '../support/post-launch';

type Seeded = Awaited<ReturnType<typeof seededPostLaunch>>;
type App = Seeded['app'];

const must = async (r: Promise<Result<any>>) => {
  const answer = await r;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data;
};

/** Two KPIs with several values each, in and out of the launch's iterations (+30: Jul 1–30, +60: Jul 31–Aug 29). */
async function setUp(): Promise<Seeded> {
  const seeded = await seededPostLaunch();
  const measure = (kpiId: string, date: string, value: number) => must(seeded.app.call('admin', 'kpi/measure', { kpiId, date, value, note: '', baseRevision: 0 }));
  await measure(IDS.calls, '2025-08-05', 1020);
  await measure(IDS.calls, '2025-08-12', 980);
  await measure(IDS.csat, '2025-06-25', 3.8);
  await measure(IDS.csat, '2025-07-10', 4.0);
  await measure(IDS.csat, '2025-08-15', 4.2);
  return seeded;
}

interface Action {
  name: string;
  kpiId: string;
  run: (app: App) => Promise<Result<any>>;
}

const ACTIONS: Action[] = [
  {
    name: 'record a new latest value (in an iteration)',
    kpiId: IDS.calls,
    run: (app) => app.call('admin', 'kpi/measure', { kpiId: IDS.calls, date: '2025-08-18', value: 950, note: 'After the FAQ', baseRevision: 0 }),
  },
  {
    name: 'record an older value (not the latest)',
    kpiId: IDS.csat,
    run: (app) => app.call('admin', 'kpi/measure', { kpiId: IDS.csat, date: '2025-07-28', value: 4.1, note: '', baseRevision: 0 }),
  },
  {
    name: 'edit the latest value',
    kpiId: IDS.calls,
    run: (app) => app.call('admin', 'kpi/measure', { kpiId: IDS.calls, date: '2025-08-12', value: 990, note: 'Recounted', baseRevision: 1 }),
  },
  {
    name: 'edit an older value',
    kpiId: IDS.csat,
    run: (app) => app.call('admin', 'kpi/measure', { kpiId: IDS.csat, date: '2025-07-10', value: 3.95, note: '', baseRevision: 1 }),
  },
  {
    name: 'remove the latest value (the one before becomes the latest)',
    kpiId: IDS.calls,
    run: (app) => app.call('admin', 'kpi/unmeasure', { kpiId: IDS.calls, date: '2025-08-12', baseRevision: 1 }),
  },
  {
    name: 'remove an older value',
    kpiId: IDS.csat,
    run: (app) => app.call('admin', 'kpi/unmeasure', { kpiId: IDS.csat, date: '2025-07-10', baseRevision: 1 }),
  },
];

const WRITES = ['set', 'setIfAbsent', 'delete', 'transact'] as const;
const OPERATIONS = ['get', 'query', ...WRITES] as const;

/**
 * Records the writes the store receives and, when `killAfter` is set, kills the process right after that
 * many writes (or the write it matches): every later call fails before it reaches the data. Answers the
 * writes and a way to restart (disarm).
 */
function instrument(app: App, killAfter?: number | ((write: string) => boolean), kill?: () => void) {
  const store = app.store as unknown as Record<string, (...args: any[]) => Promise<unknown>>;
  const originals = Object.fromEntries(OPERATIONS.map((op) => [op, store[op]!]));
  const writes: string[] = [];
  // Without `kill`, the store itself refuses every call after the kill; with it, `kill` stops the process another way.
  let dead = false;
  for (const op of OPERATIONS) {
    store[op] = async (...args: any[]) => {
      if (dead) throw new Error(`killed: ${op} never reached the store`);
      const result = await originals[op]!.apply(app.store, args);
      if ((WRITES as readonly string[]).includes(op)) {
        const write = `${op} ${op === 'transact' ? args[0].map((o: { key: string }) => o.key).join('+') : args[0]}`;
        writes.push(write);
        if (!dead && (typeof killAfter === 'number' ? writes.length >= killAfter : killAfter?.(write))) {
          if (kill) kill();
          else dead = true;
        }
      }
      return result;
    };
  }
  return {
    writes,
    restart: () => {
      for (const op of OPERATIONS) store[op] = originals[op]!;
    },
  };
}

/**
 * The stored measurements, from the raw keys: each day's newest claimed revision (the truth, even when
 * a write stopped before copying it to the day's key), live ones only: `kpiId date` → value.
 */
async function storedValues(app: App): Promise<Record<string, number>> {
  const newest = new Map<string, { revision: number; value: number | null }>();
  for (const { key, value } of await app.snapshot()) {
    const m = /^project:10000:kpi:([^:]+):day:(\d{4}-\d{2}-\d{2}):rev:\d{10}$/.exec(key);
    const v = value as { revision: number; value: number | null };
    const day = m && `${m[1]} ${m[2]}`;
    if (day && (newest.get(day)?.revision ?? 0) < v.revision) newest.set(day, v);
  }
  return Object.fromEntries([...newest].flatMap(([day, v]) => (v.value === null ? [] : [[day, v.value]])).sort());
}

const notesLeft = async (app: App) => (await app.snapshot()).filter((e) => e.key.includes(':kpi-repair:')).map((e) => e.key);

/** The chart and the latest value the app answers agree with the stored measurements of `kpiId`. */
async function expectInStep(app: App, kpiId: string, where: string) {
  const chart = await must(app.call('member', 'kpi/chart', { kpiId }));
  const stored = await storedValues(app);
  const want = Object.entries(stored)
    .filter(([k]) => k.startsWith(`${kpiId} `) && chart.years.includes(Number(k.slice(-10, -6))))
    .map(([k, value]) => [k.slice(-10), value])
    .sort();
  expect({ where, chart: chart.points.map((p: { date: string; value: number }) => [p.date, p.value]) }).toEqual({ where, chart: want });
  const view = await must(app.call('member', 'project/load', {}));
  const last = want[want.length - 1]!;
  expect({ where, latest: view.highlights.kpiCurrent?.[kpiId] }).toEqual({ where, latest: { value: last[1], at: last[0] } });
  expect({ where, problems: consistencyProblems(await app.snapshot(), { site: app.site }) }).toEqual({ where, problems: [] });
}

const steps: Record<string, string[]> = {};
afterAll(() => {
  for (const [name, writes] of Object.entries(steps)) console.log(`${name}: ${writes.length} write steps\n  ${writes.join('\n  ')}`);
});

describe.each(ACTIONS.map((a) => [a.name, a] as const))('%s, killed after each write step', (_name, action) => {
  it('the next chart read, or the daily trigger, brings the latest value and the chart back in step; nothing lost or doubled', async () => {
    // The write steps of the action when nothing fails, and the values before and after it.
    const dry = await setUp();
    const before = await storedValues(dry.app);
    const probe = instrument(dry.app);
    expect((await action.run(dry.app)).ok).toBe(true);
    probe.restart();
    const after = await storedValues(dry.app);
    expect(after).not.toEqual(before);
    expect(await notesLeft(dry.app)).toEqual([]);
    steps[action.name] = [...probe.writes];
    const total = probe.writes.length;
    expect(total).toBeGreaterThanOrEqual(7);

    for (let k = 1; k <= total; k++) {
      for (const repairBy of ['chart read', 'daily trigger'] as const) {
        const where = `${action.name}, killed after write ${k} of ${total} (${probe.writes[k - 1]}), repaired by the ${repairBy}`;
        const { app, clock } = await setUp();
        const killed = instrument(app, k);
        const r = await action.run(app);
        killed.restart();
        // The stopped write answers a typed error (the last step is best effort: the write is complete).
        if (!r.ok) expect({ where, code: ERROR_CODES.includes(r.error.code) }).toEqual({ where, code: true });
        expect({ where, writes: killed.writes.length }).toEqual({ where, writes: k });

        // Neither lost nor doubled: the day holds the old value or the new one, every other day as it was.
        const stored = await storedValues(app);
        expect({ where, either: [JSON.stringify(before), JSON.stringify(after)].includes(JSON.stringify(stored)) }).toEqual({ where, either: true });

        if (repairBy === 'daily trigger') {
          await startDailyJobs(app.queue);
          await app.queue.drain();
          expect({ where, problems: consistencyProblems(await app.snapshot(), { site: app.site }) }).toEqual({ where, problems: [] });
        }
        await expectInStep(app, action.kpiId, where);
        expect({ where, values: await storedValues(app) }).toEqual({ where, values: stored });

        // A note may stay only for a write that never committed (it may still be under way); the daily
        // sweep drops it once it is older than any invocation can run.
        if (JSON.stringify(stored) === JSON.stringify(after)) expect({ where, notes: await notesLeft(app) }).toEqual({ where, notes: [] });
        clock.at = new Date(clock.at.getTime() + STALE_NOTE_MS + 60_000);
        await startDailyJobs(app.queue);
        await app.queue.drain();
        expect({ where, notes: await notesLeft(app) }).toEqual({ where, notes: [] });
        clock.at = new Date(clock.at.getTime() - STALE_NOTE_MS - 60_000);

        // The user's retry of the same request completes the change, once.
        const again = await action.run(app);
        expect({ where, retry: again.ok }).toEqual({ where, retry: true });
        expect({ where, values: await storedValues(app) }).toEqual({ where, values: after });
        await expectInStep(app, action.kpiId, where);
      }
    }
  });
});

it('the daily trigger repairs every KPI of every project with writes stopped half-way, in one sweep', async () => {
  const { app } = await setUp();
  // Two writes, to two KPIs, each killed right after its day's item was committed.
  for (const [kpiId, date, value] of [
    [IDS.calls, '2025-08-19', 940],
    [IDS.csat, '2025-08-19', 4.3],
  ] as const) {
    const killed = instrument(app, (write) => write === `set project:10000:kpi:${kpiId}:day:${date}`);
    const r = await app.call('admin', 'kpi/measure', { kpiId, date, value, note: '', baseRevision: 0 });
    killed.restart();
    expect(r.ok).toBe(false);
    expect(killed.writes.filter((w) => !w.includes(':perm:')).map((w) => w.replace(/:\d+$/, ''))).toEqual([
      `set project:10000:kpi-repair:${kpiId}:${date}`,
      expect.stringMatching(new RegExp(`^setIfAbsent project:10000:kpi:${kpiId}:day:${date}:rev`)),
      `set project:10000:kpi:${kpiId}:day:${date}`,
    ]);
  }
  expect(consistencyProblems(await app.snapshot(), { site: app.site })).not.toEqual([]);
  expect(await notesLeft(app)).toHaveLength(2);
  await startDailyJobs(app.queue);
  await app.queue.drain();
  expect(consistencyProblems(await app.snapshot(), { site: app.site })).toEqual([]);
  expect(await notesLeft(app)).toEqual([]);
  const view = await must(app.call('member', 'project/load', {}));
  expect(view.highlights.kpiCurrent).toEqual({ [IDS.calls]: { value: 940, at: '2025-08-19' }, [IDS.csat]: { value: 4.3, at: '2025-08-19' } });
});

describe('through the Forge bundle: the platform loses every KVS request after write step k', () => {
  /** The bundle runs on the real clock: these days are in the past, and the chart's years hold 2025 until the end of 2026. */
  const BUNDLED = ACTIONS.filter((a) => /latest/.test(a.name));
  // The same request, through build/backend and the real @forge/kvs over the platform stand-in.
  const bundled = (action: Action) => (app: App) => action.run({ ...app, call: app.callBundled });
  const trigger = async (app: App) => {
    const p = app.forge();
    await p.run('daily-trigger', [{ context: { cloudId: 'preview-cloud-0000', moduleKey: 'daily-snapshot' } }], { accountId: null, product: 'jira' });
    await p.queue.drain();
  };

  it.each(BUNDLED.map((a) => [a.name, a] as const))('%s: the daily trigger (or the chart read) through the bundle brings everything in step', async (_name, action) => {
    const run = bundled(action);
    const dry = await setUp();
    const before = await storedValues(dry.app);
    const probe = instrument(dry.app);
    expect((await run(dry.app)).ok).toBe(true);
    probe.restart();
    expect(dry.app.forge().calls.kvs).toBeGreaterThanOrEqual(probe.writes.length);
    const after = await storedValues(dry.app);
    const total = probe.writes.length;
    expect(total).toBeGreaterThanOrEqual(7);
    let leftOutOfStep = 0;

    for (let k = 1; k <= total; k++) {
      for (const repairBy of ['daily trigger', 'chart read'] as const) {
        const where = `bundled ${action.name}, KVS lost after write ${k} of ${total} (${probe.writes[k - 1]}), repaired by the ${repairBy}`;
        const { app } = await setUp();
        const p = app.forge();
        const killed = instrument(app, k, () => p.kvs.faults.push(...Array.from({ length: 200 }, () => ({ networkError: 'killed' }))));
        const r = await run(app);
        killed.restart();
        p.kvs.faults.length = 0;
        expect({ where, answered: r.ok || ERROR_CODES.includes(r.error.code) }).toEqual({ where, answered: true });
        expect({ where, writes: killed.writes.length }).toEqual({ where, writes: k });
        const stored = await storedValues(app);
        expect({ where, either: [JSON.stringify(before), JSON.stringify(after)].includes(JSON.stringify(stored)) }).toEqual({ where, either: true });

        if (consistencyProblems(await app.snapshot(), { site: app.site }).length) leftOutOfStep += 1;
        if (repairBy === 'daily trigger') {
          await trigger(app);
          expect({ where, problems: consistencyProblems(await app.snapshot(), { site: app.site }) }).toEqual({ where, problems: [] });
        }
        const chart = await must(app.callBundled('member', 'kpi/chart', { kpiId: action.kpiId }));
        const want = Object.entries(stored)
          .filter(([key]) => key.startsWith(`${action.kpiId} `) && chart.years.includes(Number(key.slice(-10, -6))))
          .map(([key, value]) => [key.slice(-10), value])
          .sort();
        expect({ where, chart: chart.points.map((x: { date: string; value: number }) => [x.date, x.value]) }).toEqual({ where, chart: want });
        expect({ where, problems: consistencyProblems(await app.snapshot(), { site: app.site }) }).toEqual({ where, problems: [] });
        expect({ where, values: await storedValues(app) }).toEqual({ where, values: stored });
      }
    }
    // The kills did leave derived data out of step (after the commit, before the last derived write).
    expect(leftOutOfStep).toBeGreaterThan(0);
  });
});
