/**
 * UI text: every key a `t('…')` call in static/ uses has its German text (with the same placeholders), the
 * German dictionary files agree where they overlap, and the lint rules that keep literal text out of the
 * UI catch what they are for (a planted case each), so a string shown but not translatable fails here.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** Runs an ES module snippet in Node (the tools are .mjs) and answers what it printed as JSON. */
function runModule(code: string): any {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const uiFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'build' || name === 'node_modules' ? [] : uiFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|style)\.tsx?$/.test(name) ? [path] : [];
  });

const { keysByFile, german, files, placeholdersOf } = runModule(`
  import { readFileSync } from 'node:fs';
  import { extractKeys, readDictionary, dictionaryFiles, placeholders } from './tools/i18n-keys.mjs';
  const paths = ${JSON.stringify(uiFiles(join(root, 'static')).map((f) => relative(root, f)))};
  const keysByFile = Object.fromEntries(paths.map((p) => [p, extractKeys(readFileSync(p, 'utf8'))]));
  const german = readDictionary('de-DE');
  const all = [...new Set([...Object.values(keysByFile).flat(), ...Object.keys(german)])];
  const placeholdersOf = Object.fromEntries(all.map((k) => [k, placeholders(k)]).concat(Object.entries(german).map(([k, v]) => ['de:' + k, placeholders(v)])));
  console.log(JSON.stringify({ keysByFile, german, files: dictionaryFiles('de-DE'), placeholdersOf }));
`);

describe('UI text and its German translation', () => {
  const keys = [...new Set(Object.values(keysByFile as Record<string, string[]>).flat())].sort();

  it('the UI has text keys (the extraction works)', () => {
    expect(keys.length).toBeGreaterThan(600);
  });

  it('every t() key in static/ has a German text', () => {
    const missing = Object.entries(keysByFile as Record<string, string[]>).flatMap(([file, ks]) =>
      ks.filter((k) => !(k in german)).map((k) => `${file}: ${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('every German text belongs to a t() key the UI still uses (no leftovers of rewritten text)', () => {
    const used = new Set(keys);
    const unused = (files as Array<{ file: string; entries: Record<string, unknown> }>).flatMap(({ file, entries }) =>
      Object.keys(entries).filter((k) => !used.has(k)).map((k) => `${file}: ${k}`),
    );
    expect(unused).toEqual([]);
  });

  it('each German text has the same {placeholders} as its English key', () => {
    const wrong = Object.keys(german)
      .filter((k) => placeholdersOf[k].join() !== placeholdersOf[`de:${k}`].join())
      .map((k) => `${k} → ${german[k]}`);
    expect(wrong).toEqual([]);
  });

  it('the German files agree where they give the same key', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const { file, entries } of files as Array<{ file: string; entries: Record<string, unknown> }>)
      for (const [k, v] of Object.entries(entries)) {
        if (typeof v !== 'string' || v.trim() === '') conflicts.push(`${file}: ${k} has no text`);
        else if (seen.has(k) && seen.get(k) !== v) conflicts.push(`${file}: ${k} is also "${seen.get(k)}"`);
        else seen.set(k, v);
      }
    expect(conflicts).toEqual([]);
  });

  it('the manifest titles exist in English and German (Forge translations resources)', () => {
    const keysOf = (o: Record<string, unknown>, at = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${at}${k}`] : keysOf(v as Record<string, unknown>, `${at}${k}.`)));
    const read = (l: string) => JSON.parse(readFileSync(join(root, 'locales', `${l}.json`), 'utf8'));
    const manifest = readFileSync(join(root, 'manifest.yml'), 'utf8');
    const used = [...manifest.matchAll(/i18n: ([\w.]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThanOrEqual(5);
    // Module titles have keys in every locale; the backend's `messages` and `values` are keyed by their
    // English text, so English needs none (test/backend-messages.test.ts checks those).
    const titles = (l: string) => keysOf({ modules: read(l).modules });
    expect(titles('de-DE').sort()).toEqual(titles('en-US').sort());
    for (const k of used) expect(titles('de-DE')).toContain(k);
  });
});

describe('the lint rules for UI text', () => {
  const lint = (code: string, file = 'static/features/x/planted.tsx'): string[] =>
    runModule(`
      import { ESLint } from 'eslint';
      import tseslint from 'typescript-eslint';
      import uiText from './tools/eslint-ui-text.mjs';
      // The rules alone (type-aware rules need files the TypeScript project knows); the wiring is checked below.
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)}, overrideConfigFile: true, overrideConfig: {
        files: ['**/*.tsx'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { 'ui-text': uiText }, rules: { 'ui-text/no-literal-text': 'error', 'ui-text/t-literal': 'error' } } });
      const [r] = await eslint.lintText(${JSON.stringify(code)}, { filePath: ${JSON.stringify(join(root, file))} });
      console.log(JSON.stringify(r.messages.filter((m) => (m.ruleId ?? '').startsWith('ui-text/')).map((m) => m.ruleId + ' ' + m.message)));
    `);

  it('catch JSX text, literal aria-label/title/placeholder, h() text, shown properties, dynamic and top-level t()', () => {
    const planted = [
      "import { t } from '../../shared/i18n';",
      "import { h } from '../../shared/dom';",
      'export const A = () => <p>Hello there</p>;',
      'export const B = () => <button aria-label="Close it" title={`Close ${1}`} />;',
      'export const C = () => <input placeholder="Type here" />;',
      "export const D = (k: string) => [h('p', {}, 'Plain text'), t(k)];",
      "export const E = () => ({ message: 'Something failed' });",
      "export const F = t('At load time');",
      "export const G = (on: boolean) => <p>{on ? 'Switched on' : t('Off')}</p>;",
      "export const ok = (n: number) => <p aria-label={t('Fine {n}', { n })}>{t('Fine')} {n} · 42%</p>;",
    ].join('\n');
    const found = lint(planted);
    expect(found.filter((m) => m.startsWith('ui-text/no-literal-text'))).toHaveLength(7);
    expect(found.filter((m) => m.startsWith('ui-text/t-literal'))).toHaveLength(2);
  }, 60_000);

  it('are on for the UI code in static/ (not for tests and style modules)', () => {
    const rulesOf = (file: string) =>
      runModule(`
        import { ESLint } from 'eslint';
        const config = await new ESLint({ cwd: ${JSON.stringify(root)} }).calculateConfigForFile(${JSON.stringify(file)});
        console.log(JSON.stringify(Object.keys(config?.rules ?? {}).filter((r) => r.startsWith('ui-text/'))));
      `);
    expect(rulesOf('static/shared/i18n-load.ts')).toEqual(['ui-text/no-literal-text', 'ui-text/t-literal']);
    expect(rulesOf('static/shared/format.test.ts')).toEqual([]);
  }, 60_000);
});
