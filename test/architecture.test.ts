/**
 * Layer boundaries, checked on the source so they cannot rot silently:
 * core (domain, use cases, ports, contract) is pure; only src/adapters/forge imports @forge/*;
 * the UI imports only the contract from src/; every key the UI invokes has a resolver.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { JIRA_KEYS } from '../src/contract/keys';
import { MACRO_KEYS } from '../src/contract/macro';
import { macroHandlers } from '../src/resolvers/macro-resolver';
import { jiraHandlers } from '../src/resolvers/jira-resolver';

const root = resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build') return [];
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|import\(['"]([^'"]+)['"]\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );

/** Where a relative import lands, relative to the project root. */
const target = (file: string, spec: string) => (spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : spec);

const violations = (dirs: string[], rule: (spec: string, landed: string) => boolean) =>
  dirs
    .flatMap((d) => files(join(root, d)))
    .flatMap((f) => importsOf(f).filter((s) => rule(s, target(f, s))).map((s) => `${relative(root, f)} imports ${s}`));

describe('architecture', () => {
  it('keeps the core free of @forge/*, adapters, resolvers and the UI', () => {
    expect(
      violations(['src/domain', 'src/use-cases', 'src/ports', 'src/contract'], (spec, landed) =>
        spec.startsWith('@forge/') || /^src\/(adapters|resolvers)\b/.test(landed) || landed.startsWith('static') || spec === 'better-sqlite3',
      ),
    ).toEqual([]);
  });

  it('keeps the domain pure: it depends on the contract only', () => {
    expect(
      violations(['src/domain'], (spec, landed) => !spec.startsWith('.') || !/^src\/(domain|contract)\b/.test(landed)),
    ).toEqual([]);
  });

  it('lets only src/adapters/forge (and src/index.ts) import @forge/* on the back end', () => {
    const offenders = files(join(root, 'src'))
      .filter((f) => !relative(root, f).startsWith('src/adapters/forge/'))
      .flatMap((f) => importsOf(f).filter((s) => s.startsWith('@forge/')).map((s) => `${relative(root, f)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('ships only src/: nothing there imports the development tools, the preview or the tests', () => {
    expect(violations(['src'], (_spec, landed) => /^(devtools|preview|test|tools|bench)\b/.test(landed))).toEqual([]);
  });

  it('keeps adapters to ports, pure rules and their SDKs: no use case, resolver or composition', () => {
    expect(violations(['src/adapters'], (_spec, landed) => /^src\/(use-cases|resolvers|main)\b/.test(landed))).toEqual([]);
  });

  it('has one composition root: src/index.ts exports src/main/forge and imports nothing else', () => {
    expect(importsOf(join(root, 'src', 'index.ts')).map((s) => target(join(root, 'src', 'index.ts'), s))).toEqual(['src/main/forge']);
  });

  it('keeps resolvers thin: no adapter or storage imports', () => {
    expect(violations(['src/resolvers'], (spec, landed) => /^src\/adapters\b/.test(landed) || spec.startsWith('@forge/'))).toEqual([]);
  });

  it('lets the UI import only the contract from the back end, and no storage or server packages', () => {
    expect(
      violations(['static'], (spec, landed) =>
        (landed.startsWith('src/') && !landed.startsWith('src/contract')) ||
        (spec.startsWith('@forge/') && spec !== '@forge/bridge') ||
        ['better-sqlite3', 'node:fs', 'fs'].includes(spec),
      ),
    ).toEqual([]);
  });

  it('has a resolver for every key the contract declares', () => {
    const defined = Object.keys(jiraHandlers(() => { throw new Error('not called'); })).sort();
    expect(defined).toEqual([...JIRA_KEYS].sort());
  });

  it('has a macro resolver for every macro key the contract declares', () => {
    const defined = Object.keys(macroHandlers(() => { throw new Error('not called'); })).sort();
    expect(defined).toEqual([...MACRO_KEYS].sort());
  });

  it('has a resolver for every key the UI invokes', () => {
    const defined = new Set<string>([...JIRA_KEYS, ...MACRO_KEYS]);
    const used = files(join(root, 'static')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/['"]([a-z]+\/[a-z-]+)['"]/g)].map((m) => m[1]).filter((k) => !k.startsWith('zod/') && !k.includes('@')),
    );
    const keyLike = used.filter((k) => /^(project|vision|goal|kpi|macro|panel|alignment|launch|iteration|feedback|export|import)\//.test(k));
    expect(keyLike.filter((k) => !defined.has(k))).toEqual([]);
  });
});
