/**
 * The UI's translation keys and dictionaries, for the build (tools/build-static.mjs: each surface gets the
 * keys its code uses) and the tests (test/i18n.test.ts: every key has its German text).
 *
 * - A key is the English text of a `t('…')` call: its first argument, a string literal (a lint rule in
 *   eslint.config.mjs refuses any other first argument, so this list is complete).
 * - A locale's dictionary is every `static/locales/<locale>/*.json` merged, in file-name order.
 * - The fallback rules are manifest.yml's `translations.fallback`, as Forge applies them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const CALL = /(?<![\w$.])t\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)/g;

/** The value of a JS string literal (single, double or back-quoted without `${}`). */
function literalValue(literal) {
  const body = literal.slice(1, -1);
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, esc) => {
    if (esc[0] === 'u') return String.fromCodePoint(parseInt(esc.replace(/[u{}]/g, ''), 16));
    if (esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r' }[esc] ?? esc;
  });
}

/** Source without its comments (strings, which may hold '//' or '/*', are kept). */
const withoutComments = (source) =>
  source.replace(/('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, str) => str ?? '');

/** The keys of every `t('…')` call in a source text. @example extractKeys("t('Save')") // ['Save'] */
export function extractKeys(source) {
  return [...withoutComments(source).matchAll(CALL)].map((m) => literalValue(m[1]));
}

/** The `{name}` placeholders of a text, sorted. */
export const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Locales with a dictionary folder under static/locales/. */
export function dictionaryLocales(staticDir = join(ROOT, 'static')) {
  const dir = join(staticDir, 'locales');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z]{2}-[A-Z]{2}$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** One locale's files, each `{ file, entries }`, in file-name order. */
export function dictionaryFiles(locale, staticDir = join(ROOT, 'static')) {
  const dir = join(staticDir, 'locales', locale);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, entries: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}

/** One locale's dictionary: all its files merged (the first file that has a key gives its text). */
export function readDictionary(locale, staticDir = join(ROOT, 'static')) {
  const merged = {};
  for (const { entries } of dictionaryFiles(locale, staticDir))
    for (const [k, v] of Object.entries(entries)) if (!(k in merged) && typeof v === 'string') merged[k] = v;
  return merged;
}

/** manifest.yml `translations`: `{ default, fallback }` (English alone when it declares none). */
export function manifestFallback(root = ROOT) {
  const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8'));
  const { default: def = 'en-US', ...fallback } = manifest.translations?.fallback ?? {};
  return { default: def, fallback };
}
