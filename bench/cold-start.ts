/**
 * Cold start for `npm run bench` (run by bench/run.ts; `tsx bench/cold-start.ts [--json]` runs it alone):
 * the app's backend against a minimal resolver (`@forge/resolver` + `@forge/api` + `@forge/kvs`, one
 * `define` that reads a KVS key), both bundled here and now by tools/bundle-backend.cjs (@forge/bundler,
 * as `forge deploy` does). For each, in fresh Node processes (cold module cache; median of RUNS): require
 * the entry, then run `project/load` from the project settings page through the platform stand-in
 * (that first call loads whatever chunks it needs), then the same call again (warm). Figures: the bytes
 * of the bundle files the cold call loaded, require(entry) ms, cold (require + first call) ms, warm ms.
 * Target: the app's cold ms (what a cold invocation waits for) within TARGET_RATIO of the minimal one's;
 * the bytes ratio is shown beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const WORK = join(ROOT, 'build', 'bench', 'cold-start');
const RUNS = 7;
export const TARGET_RATIO = 3;

interface Handler {
  key: string;
  module: string;
  handler: string;
}
interface BundleReport {
  entryPoints: string[];
  files: Record<string, number>;
  totalBytes: number;
}
/** Loaded when bundling only: it brings webpack. */
const tools = () =>
  createRequire(__filename)('../tools/bundle-backend.cjs') as {
    bundleApp(o: { appDirectory?: string; handlers?: Handler[]; outDir?: string; silent?: boolean }): Promise<BundleReport>;
    manifestHandlers(): Handler[];
  };

const MINIMAL_SOURCE = `import Resolver from '@forge/resolver';
import api from '@forge/api';
import { kvs } from '@forge/kvs';

const resolver = new Resolver();
resolver.define('project/load', async () => ({ ok: true, data: { vision: await kvs.get('vision'), api: typeof api.asUser } }));
export const handler = resolver.getDefinitions();
`;

/** A minimal app bundled the way the app is: its own src/index.ts, tsconfig.json and entry list. */
async function bundleMinimal(): Promise<{ dir: string; entry: string; handler: string; report: BundleReport }> {
  const app = join(WORK, 'minimal-app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'src', 'index.ts'), MINIMAL_SOURCE);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'es2022', moduleResolution: 'node10', strict: true, esModuleInterop: true, skipLibCheck: true, types: ['node'] }, include: ['src'] }),
  );
  const dir = join(WORK, 'minimal');
  const report = await tools().bundleApp({ appDirectory: app, handlers: [{ key: 'jira-resolver', module: 'index', handler: 'handler' }], outDir: dir, silent: true });
  return { dir, entry: join(dir, 'index.cjs'), handler: 'handler', report };
}

async function bundleApp(): Promise<{ dir: string; entry: string; handler: string; report: BundleReport }> {
  const dir = join(WORK, 'app');
  const jira = tools().manifestHandlers().find((h) => h.key === 'jira-resolver');
  if (!jira) throw new Error('manifest.yml names no jira-resolver function');
  const report = await tools().bundleApp({ outDir: dir, silent: true });
  return { dir, entry: join(dir, `${jira.module}.cjs`), handler: jira.handler, report };
}

/**
 * Runs in the child. The setup (platform stand-in, seeded store) is compiled by tsx, which is then
 * switched off so the bundle loads through plain Node, as in Forge.
 */
const CHILD = `
const { register } = require('tsx/cjs/api');
const unregister = register();
const { prepare } = require(${JSON.stringify(join(ROOT, 'bench', 'cold-start-child.ts'))});
unregister();
const [entry, handler, dir] = JSON.parse(process.env.COLD_START_ARGS);
prepare().then(async (app) => {
  const before = new Set(Object.keys(require.cache));
  const t0 = performance.now();
  const fn = require(entry)[handler];
  const t1 = performance.now();
  const first = await app.loadProject(fn);
  const t2 = performance.now();
  const second = await app.loadProject(fn);
  const t3 = performance.now();
  if (!first.ok || !second.ok) throw new Error('project/load failed: ' + JSON.stringify(first.ok ? second : first));
  const loaded = Object.keys(require.cache).filter((f) => !before.has(f) && f.startsWith(dir));
  process.stdout.write(JSON.stringify({ requireMs: t1 - t0, coldMs: t2 - t0, warmMs: t3 - t2, loaded }));
});
`;

export interface ColdRun {
  /** Bundle files (absolute) that requiring the entry and the first call loaded, in load order. */
  loaded: string[];
  requireMs: number;
  coldMs: number;
  warmMs: number;
}

/** In a fresh Node process: require `entry` (from bundle `dir`), and run `project/load` twice through its export `handler`. */
export function coldCall(entry: string, handler: string, dir: string): ColdRun {
  const child = spawnSync(process.execPath, ['-e', CHILD], {
    cwd: ROOT,
    env: { ...process.env, COLD_START_ARGS: JSON.stringify([entry, handler, dir]) },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`Cold start probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ColdRun;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const round = (n: number) => Math.round(n * 10) / 10;

export interface ColdFigures {
  entryBytes: number;
  /** Bundle files (relative to the bundle) the cold `project/load` loaded, entry first. */
  files: string[];
  coldBytes: number;
  totalBytes: number;
  requireMs: number;
  coldMs: number;
  warmMs: number;
}

function measure(b: { dir: string; entry: string; handler: string; report: BundleReport }): ColdFigures {
  const runs = Array.from({ length: RUNS }, () => coldCall(b.entry, b.handler, b.dir));
  const files = runs[0].loaded.map((f) => relative(b.dir, f));
  return {
    entryBytes: statSync(b.entry).size,
    files,
    coldBytes: files.reduce((sum, f) => sum + statSync(join(b.dir, f)).size, 0),
    totalBytes: b.report.totalBytes,
    requireMs: round(median(runs.map((r) => r.requireMs))),
    coldMs: round(median(runs.map((r) => r.coldMs))),
    warmMs: round(median(runs.map((r) => r.warmMs))),
  };
}

export async function coldStartBench() {
  const minimalBundle = await bundleMinimal();
  const appBundle = await bundleApp();
  const minimal = measure(minimalBundle);
  const app = measure(appBundle);
  const ratio = { bytes: round(app.coldBytes / minimal.coldBytes), ms: round(app.coldMs / minimal.coldMs) };
  return { runs: RUNS, app, minimal, ratio, target: TARGET_RATIO, met: ratio.ms <= TARGET_RATIO };
}

export function coldStartTable(c: Awaited<ReturnType<typeof coldStartBench>>): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const row = (name: string, f: ColdFigures) =>
    `${name.padEnd(22)}${pad(kb(f.entryBytes), 8)}${pad(kb(f.coldBytes), 12)}${pad(f.files.length, 7)}${pad(kb(f.totalBytes), 9)}${pad(f.requireMs, 10)}${pad(f.coldMs, 9)}${pad(f.warmMs, 8)}`;
  return [
    `Cold start — project/load on the project settings page, through the platform stand-in; fresh Node process, median of ${c.runs}`,
    '',
    `${''.padEnd(22)}${pad('entry', 8)}${pad('cold load', 12)}${pad('files', 7)}${pad('bundle', 9)}${pad('require', 10)}${pad('cold ms', 9)}${pad('warm', 8)}`,
    row('app', c.app),
    row('minimal resolver', c.minimal),
    `${'ratio app / minimal'.padEnd(22)}${pad('', 8)}${pad(`${c.ratio.bytes}×`, 12)}${pad('', 7)}${pad('', 9)}${pad('', 10)}${pad(`${c.ratio.ms}×`, 9)}  target ≤ ${c.target}× ${c.met ? '✓' : '✗'}`,
    `Files the cold call loaded: ${c.app.files.join(', ')}`,
  ].join('\n');
}

if (require.main === module) {
  coldStartBench().then(
    (c) => {
      process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(c)}\n` : `${coldStartTable(c)}\n`);
      process.exitCode = c.met ? 0 : 1;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
