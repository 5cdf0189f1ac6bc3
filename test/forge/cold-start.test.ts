/**
 * What a cold invocation loads (build/backend, made by `npm run build`): the entry holds only the
 * lazy handlers (no zod, no @forge/api, no use case) within a byte budget; bundle.json lists every
 * chunk file webpack wrote; a first `project/load` from the project settings page, in a fresh Node
 * process through the platform stand-in, loads the vision chunk but not the import/export,
 * post-launch, alignment or macro code; and the key groups are exactly the contract's Jira keys.
 * Deterministic: files and bytes only, no clock. `npm run bench` shows the timings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { coldCall } from '../../bench/cold-start';
import { BUNDLE_DIR } from '../../devtools/forge-platform/forge-bundle';
import { JIRA_KEYS } from '../../src/contract/keys';
import { alignmentHandlers } from '../../src/resolvers/alignment-handlers';
import { JIRA_KEY_GROUPS } from '../../src/resolvers/jira-key-groups';
import { guidedGadgetHandlers } from '../../src/resolvers/guided-gadget-handlers';
import { postLaunchHandlers } from '../../src/resolvers/post-launch-resolver';
import { publishingHandlers } from '../../src/resolvers/publishing-handlers';
import { intakeHandlers } from '../../src/resolvers/intake-handlers';
import { transferHandlers } from '../../src/resolvers/transfer-handlers';
import { visionHandlers } from '../../src/resolvers/vision-handlers';
import { portfolioHandlers } from '../../src/resolvers/portfolio-handlers';

/** index.cjs is about 16 KB: the resolver keys, @forge/resolver and webpack's chunk loading. */
const ENTRY_BUDGET_BYTES = 32 * 1024;

const code = readdirSync(BUNDLE_DIR).filter((f) => f.endsWith('.cjs') && !f.startsWith('__forge')).sort();
/** The sources (from the source map) each bundle file holds. */
const sourcesOf = (file: string): string[] => (JSON.parse(readFileSync(join(BUNDLE_DIR, `${file}.map`), 'utf8')).sources as string[]).map(String);
const chunksWith = (source: string) => code.filter((f) => sourcesOf(f).some((s) => s.includes(source)));

describe('the entry chunk', () => {
  it(`stays within ${ENTRY_BUDGET_BYTES} bytes and holds no validation, SDK client or use case`, () => {
    const entry = join(BUNDLE_DIR, 'index.cjs');
    expect(statSync(entry).size).toBeLessThanOrEqual(ENTRY_BUDGET_BYTES);
    // Every answer passes the language step, which needs only the answer's envelope and the locale
    // codes: two contract files that import nothing. The contract's schemas stay out.
    const languageStep = ['src/contract/shared/result.ts', 'src/contract/shared/ui-locale.ts'];
    const sources = sourcesOf('index.cjs').filter((s) => !languageStep.some((file) => s.endsWith(file)));
    for (const heavy of ['node_modules/zod/', 'node_modules/@forge/api/', 'node_modules/@forge/kvs/', 'node_modules/@forge/events/', 'src/use-cases/', 'src/contract/'])
      expect(sources.filter((s) => s.includes(heavy))).toEqual([]);
    for (const file of languageStep) expect(readFileSync(file, 'utf8')).not.toMatch(/^import (?!type)/m);
  });

  it('is listed in bundle.json with every chunk file and its size', () => {
    const report = JSON.parse(readFileSync(join(BUNDLE_DIR, 'bundle.json'), 'utf8'));
    expect(code.length).toBeGreaterThan(1);
    expect(report.files).toEqual(Object.fromEntries(code.map((f) => [f, statSync(join(BUNDLE_DIR, f)).size])));
    expect(Object.keys(report.chunks).sort()).toEqual(code.filter((f) => f !== 'index.cjs'));
  });
});

describe('a cold project/load', () => {
  let loaded: string[];
  beforeAll(() => {
    loaded = coldCall(join(BUNDLE_DIR, 'index.cjs'), 'jiraResolver', BUNDLE_DIR).loaded.map((f) => basename(f));
  }, 60_000);

  it('loads the entry and the vision chunk', () => {
    expect(loaded[0]).toBe('index.cjs');
    expect(chunksWith('src/use-cases/project/load-project-view.ts').some((f) => loaded.includes(f))).toBe(true);
  });

  it.each([
    ['import/export', 'src/use-cases/transfer/run-import.ts'],
    ['import/export', 'src/resolvers/transfer-handlers.ts'],
    ['post-launch tracking', 'src/resolvers/post-launch-resolver.ts'],
    ['alignment', 'src/resolvers/alignment-handlers.ts'],
    ['publishing', 'src/use-cases/vision/publish-vision.ts'],
    ['the macro', 'src/resolvers/macro-resolver.ts'],
    ['the background jobs', 'src/use-cases/shared/background-jobs.ts'],
    ['the queue SDK', 'node_modules/@forge/events/'],
  ])('does not load %s (%s)', (_label, source) => {
    const chunks = chunksWith(source);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter((f) => loaded.includes(f))).toEqual([]);
  });
});

describe('the Jira key groups', () => {
  it('are the contract’s Jira keys, each once, and each group’s handlers answer exactly its keys', () => {
    const grouped = Object.values(JIRA_KEY_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...JIRA_KEYS].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    const unused = () => {
      throw new Error('not called');
    };
    const built = {
      vision: visionHandlers(unused),
      alignment: alignmentHandlers(unused),
      publishing: publishingHandlers(unused),
      postLaunch: postLaunchHandlers(unused),
      portfolio: portfolioHandlers(unused),
      transfer: transferHandlers(unused),
      intake: intakeHandlers(unused),
      guidedGadget: guidedGadgetHandlers(unused),
    } satisfies Record<keyof typeof JIRA_KEY_GROUPS, unknown>;
    for (const [group, keys] of Object.entries(JIRA_KEY_GROUPS)) expect(Object.keys(built[group as keyof typeof built]).sort()).toEqual([...keys].sort());
  });
});
