/**
 * Every resolver key the contract declares or the UI invokes has a handler. What each layer may import is
 * checked by dependency-cruiser (.dependency-cruiser.cjs, test/architecture-rules.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { JIRA_KEYS } from '../src/contract/keys';
import { MACRO_KEYS } from '../src/contract/macro/macro';
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

describe('architecture', () => {
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

  it('lets only src/storage (and the adapters and the composition root) touch the key-value store', () => {
    const raw = /\.store\b|\bstore\.(get|set|query|delete|transact|setIfAbsent)\b|\bKeyValueStore\b/;
    const offenders = files(join(root, 'src'))
      .map((f) => relative(root, f))
      .filter((f) => !/^src\/(storage|adapters|ports|main)\//.test(f))
      .filter((f) => raw.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
