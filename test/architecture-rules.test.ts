/**
 * The layer rules in .dependency-cruiser.cjs, checked both ways: the real tree breaks none of them, and
 * a small tree with one planted violation per rule has each one reported under that rule's name (a rule
 * that cannot fail is not a rule). A few allowed imports are planted too, so a rule that fires on
 * everything would show.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const CONFIG = join(root, '.dependency-cruiser.cjs');
const CLI = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const DIRS = ['src', 'static', 'preview', 'devtools'];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Runs the dependency-cruiser CLI as `npm run lint:deps` does, and answers its violations. */
function cruise(cwd: string, config: string): Violation[] {
  const run = spawnSync(process.execPath, [CLI, ...DIRS, '--config', config, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`dependency-cruiser failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout).summary.violations;
}

/** `rule: from -> to`, with a package's path inside node_modules shortened to its name. */
const asLine = (v: Violation) =>
  `${v.rule.name}: ${v.from} -> ${v.to.replace(/^node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, '$1')}`;

/** Files that break nothing: what the planted files import. */
const TARGETS: Record<string, string> = {
  'src/domain/target.ts': 'export interface DomainTarget { id: string }\n',
  'src/contract/target.ts': 'export interface ContractTarget { id: string }\n',
  'src/ports/target.ts': 'export interface PortTarget { id: string }\n',
  'src/use-cases/target.ts': 'export interface UseCaseTarget { id: string }\n',
  'src/resolvers/target.ts': 'export const resolverTarget = 1;\n',
  'src/adapters/target.ts': 'export const adapterTarget = 1;\n',
  'src/main/forge.ts': 'export const handler = 1;\n',
  'src/main/compose.ts': 'export const compose = 1;\n',
  'static/target.ts': 'export const uiTarget = 1;\n',
  'devtools/target.ts': 'export const devTarget = 1;\n',
};

/** Allowed imports: none of these may be reported. */
const ALLOWED: Record<string, string> = {
  'src/domain/ok.ts': "import type { ContractTarget } from '../contract/target';\nexport type Ok = ContractTarget;\n",
  'src/contract/ok.ts': "import * as z from 'zod/mini';\nexport const ok = z.string();\n",
  'src/use-cases/ok.ts': "import type { PortTarget } from '../ports/target';\nimport type { DomainTarget } from '../domain/target';\nexport type Ok = PortTarget | DomainTarget;\n",
  'src/adapters/forge/ok.ts': "import '@forge/kvs';\nimport { randomUUID } from 'node:crypto';\nexport const id = randomUUID;\n",
  'src/use-cases/ok.test.ts': "import '../../devtools/target';\n",
  'static/ok.tsx': "import '@forge/bridge/out/invoke/invoke';\nimport 'react';\nimport type { ContractTarget } from '../src/contract/target';\nexport type Ok = ContractTarget;\n",
};

/** One violation per rule (some break two rules at once), and what must be reported for each. */
const PLANTED: Array<{ files: Record<string, string>; expected: string[] }> = [
  {
    files: { 'src/use-cases/forge-side-effect.ts': "import '@forge/kvs';\n" },
    expected: [
      'use-cases-stay-in-the-core: src/use-cases/forge-side-effect.ts -> @forge/kvs',
      'only-forge-adapters-import-forge: src/use-cases/forge-side-effect.ts -> @forge/kvs',
    ],
  },
  {
    files: { 'src/use-cases/node-fs.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n" },
    expected: ['use-cases-stay-in-the-core: src/use-cases/node-fs.ts -> fs'], // reported without `node:`
  },
  {
    files: { 'src/domain/uses-zod.ts': "import * as z from 'zod/mini';\nexport const s = z.string();\n" },
    expected: ['domain-is-pure: src/domain/uses-zod.ts -> zod'],
  },
  {
    files: { 'src/contract/imports-ports.ts': "import type { PortTarget } from '../ports/target';\nexport type P = PortTarget;\n" },
    expected: ['contract-is-shared: src/contract/imports-ports.ts -> src/ports/target.ts'],
  },
  {
    files: { 'src/ports/imports-use-case.ts': "import type { UseCaseTarget } from '../use-cases/target';\nexport type U = UseCaseTarget;\n" },
    expected: ['ports-are-interfaces: src/ports/imports-use-case.ts -> src/use-cases/target.ts'],
  },
  {
    files: { 'src/resolvers/imports-adapter.ts': "import { adapterTarget } from '../adapters/target';\nexport const a = adapterTarget;\n" },
    expected: ['resolvers-are-thin: src/resolvers/imports-adapter.ts -> src/adapters/target.ts'],
  },
  {
    files: { 'src/adapters/imports-resolver.ts': "import { resolverTarget } from '../resolvers/target';\nexport const r = resolverTarget;\n" },
    expected: ['adapters-implement-ports: src/adapters/imports-resolver.ts -> src/resolvers/target.ts'],
  },
  {
    files: { 'src/adapters/imports-forge-outside-forge.ts': "import '@forge/api';\n" },
    expected: ['only-forge-adapters-import-forge: src/adapters/imports-forge-outside-forge.ts -> @forge/api'],
  },
  {
    files: { 'src/adapters/forge/imports-sqlite.ts': "import 'better-sqlite3';\n" },
    expected: ['src-ships-no-dev-dependencies: src/adapters/forge/imports-sqlite.ts -> better-sqlite3'],
  },
  {
    files: { 'src/main/imports-forge.ts': "import '@forge/events';\n" },
    expected: [
      'main-composes-src: src/main/imports-forge.ts -> @forge/events',
      'only-forge-adapters-import-forge: src/main/imports-forge.ts -> @forge/events',
    ],
  },
  {
    files: { 'src/main/imports-devtools.ts': "import '../../devtools/target';\n" },
    expected: [
      'main-composes-src: src/main/imports-devtools.ts -> devtools/target.ts',
      'src-ships-without-dev-tools: src/main/imports-devtools.ts -> devtools/target.ts',
    ],
  },
  {
    files: { 'src/index.ts': "export { handler } from './main/forge';\nexport { compose } from './main/compose';\n" },
    expected: ['index-exports-main-forge: src/index.ts -> src/main/compose.ts'],
  },
  {
    files: { 'src/unknown-layer/file.ts': "import type { ContractTarget } from '../contract/target';\nexport type C = ContractTarget;\n" },
    expected: ['src-layer-is-known: src/unknown-layer/file.ts -> src/contract/target.ts'],
  },
  {
    files: { 'src/storage/imports-use-case.ts': "import type { UseCaseTarget } from '../use-cases/target';\nexport type U = UseCaseTarget;\n" },
    expected: ['storage-keeps-the-store: src/storage/imports-use-case.ts -> src/use-cases/target.ts'],
  },
  {
    files: { 'static/imports-use-case.tsx': "import type { UseCaseTarget } from '../src/use-cases/target';\nexport type U = UseCaseTarget;\n" },
    expected: ['ui-imports-contract-and-pure-rules: static/imports-use-case.tsx -> src/use-cases/target.ts'],
  },
  {
    files: { 'static/imports-server-packages.ts': "import '@forge/api';\nimport 'fs';\nimport 'better-sqlite3';\n" },
    expected: [
      'ui-imports-contract-and-pure-rules: static/imports-server-packages.ts -> @forge/api',
      'ui-imports-contract-and-pure-rules: static/imports-server-packages.ts -> fs',
      'ui-imports-contract-and-pure-rules: static/imports-server-packages.ts -> better-sqlite3',
    ],
  },
  // A cycle through type-only imports (they count); a cycle is reported once, from its first module.
  {
    files: {
      'src/domain/cycle-a.ts': "import type { B } from './cycle-b';\nexport interface A { b?: B }\n",
      'src/domain/cycle-b.ts': "import type { A } from './cycle-a';\nexport interface B { a?: A }\n",
    },
    expected: ['no-circular: src/domain/cycle-a.ts -> src/domain/cycle-b.ts'],
  },
  {
    files: { 'static/imports-bridge-index.ts': "import { invoke } from '@forge/bridge';\nexport const i = invoke;\n" },
    expected: ['ui-takes-bridge-parts: static/imports-bridge-index.ts -> @forge/bridge'],
  },
  {
    files: { 'preview/missing.ts': "import './not-there';\n" },
    expected: ['not-to-unresolvable: preview/missing.ts -> ./not-there'],
  },
];

describe('architecture rules (dependency-cruiser)', () => {
  it('finds no violation in the real tree', () => {
    expect(cruise(root, CONFIG).map(asLine)).toEqual([]);
  }, 120_000);

  describe('in a tree with planted violations', () => {
    let dir: string;
    let reported: string[];

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'architecture-rules-'));
      const files = [...Object.entries(TARGETS), ...Object.entries(ALLOWED), ...PLANTED.flatMap((p) => Object.entries(p.files))];
      for (const [file, source] of files) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), source);
      }
      // package.json tells dependencies from devDependencies; node_modules resolves the packages. The
      // link is kept as a path inside the temp tree (preserveSymlinks) so `^node_modules/` still matches.
      copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
      copyFileSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      writeFileSync(
        join(dir, '.dependency-cruiser.cjs'),
        `const real = require(${JSON.stringify(CONFIG)});\nmodule.exports = { ...real, options: { ...real.options, preserveSymlinks: true } };\n`,
      );
      reported = cruise(dir, join(dir, '.dependency-cruiser.cjs')).map(asLine);
    }, 120_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(PLANTED.map((p) => [Object.keys(p.files).join(' + '), p.expected] as const))('reports %s', (_files, expected) => {
      expect(reported).toEqual(expect.arrayContaining(expected));
    });

    it('plants a violation of every rule', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- reads the .cjs config as depcruise does
      const real = require(CONFIG) as { forbidden: Array<{ name: string }> };
      const caught = new Set(reported.map((r) => r.split(':')[0]));
      expect(real.forbidden.map((r) => r.name).filter((name) => !caught.has(name))).toEqual([]);
    });

    it('reports nothing else: the allowed imports and the test file pass', () => {
      expect([...reported].sort()).toEqual(PLANTED.flatMap((p) => p.expected).sort());
    });
  });
});
