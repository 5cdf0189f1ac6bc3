/**
 * BUILD-TIME ONLY helpers for `*.style.ts` modules (tools/build-static.mjs evaluates those in Node
 * and writes their CSS into main.css; none of this code reaches the browser).
 *
 * `t('color.text')` is `token('color.text', fallback)` from @atlaskit/tokens, where the fallback is
 * the Atlassian light/dark value of that very token. When the host injects the theme (Jira after
 * `view.theme.enable()`), its `--ds-*` variables win; when only `html[data-color-mode]` is set (or
 * nothing at all), the fallbacks still follow light/dark.
 */
import { token } from '@atlaskit/tokens';

export type TokenName = Parameters<typeof token>[0];

/* eslint-disable @typescript-eslint/no-require-imports -- deep CJS files with no type declarations */
const THEMES: Record<'light' | 'dark' | 'spacing' | 'typography' | 'shape', string> = {
  light: require('@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-light.js').default,
  dark: require('@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-dark.js').default,
  spacing: require('@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-spacing.js').default,
  typography: require('@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-typography.js').default,
  shape: require('@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-shape.js').default,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const parse = (css: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const m of css.matchAll(/(--ds-[\w-]+):\s*([^;]+);/g)) out.set(m[1], m[2].trim());
  return out;
};

const light = parse(THEMES.light);
const dark = parse(THEMES.dark);
const modeless = new Map([...parse(THEMES.spacing), ...parse(THEMES.typography), ...parse(THEMES.shape)]);

/** Mode-dependent fallbacks used so far: private variable -> [light, dark]. */
const palette = new Map<string, [string, string]>();

const cssVarOf = (name: TokenName): string => {
  const m = /var\((--[\w-]+)/.exec(token(name));
  if (!m || m[1] === '--ds-token-not-found') throw new Error(`Unknown design token: ${name}`);
  return m[1];
};

/**
 * A design token with a fallback. Font tokens fall back to the system font stack (no web fonts
 * are ever fetched: Forge apps run on Atlassian and load nothing from outside).
 */
export function t(name: TokenName): string {
  const v = cssVarOf(name);
  const l = light.get(v);
  const d = dark.get(v);
  if (l !== undefined && d !== undefined && l !== d) {
    const fallbackVar = `--pv${v.slice(4)}`;
    palette.set(fallbackVar, [l, d]);
    return token(name, `var(${fallbackVar})`);
  }
  const value = l ?? d ?? modeless.get(v);
  if (value === undefined) throw new Error(`No value for design token ${name}`);
  return token(name, value.replace(/"Atlassian Sans",\s*/g, ''));
}

/** The `:root` / dark-mode declarations of every mode-dependent fallback used so far. */
export function paletteCss(): string {
  const entries = [...palette.entries()].sort(([a], [b]) => a.localeCompare(b));
  const decl = (i: 0 | 1) => entries.map(([k, v]) => `${k}:${v[i]};`).join('');
  return `:root{${decl(0)}}\nhtml[data-color-mode="dark"]{${decl(1)}color-scheme:dark;}\n`;
}

/** Tagged template that just concatenates; handy for editor CSS highlighting. */
export const css = (strings: TemplateStringsArray, ...values: Array<string | number>): string =>
  strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');

/**
 * `rules` with every selector put under `scope` (`.a,.b{…}` → `.s .a,.s .b{…}`), inside `@media` too; keyframes
 * are left as they are. For one surface showing another's view (the settings page shows the macro's) without
 * its rules reaching the rest of the page. Plain rules only: no commas inside a selector, no nested blocks
 * other than `@media` / `@supports`.
 * @example scopeCss('.s', '.a,.b{color:red}') // '.s .a,.s .b{color:red}'
 */
export function scopeCss(scope: string, rules: string): string {
  let out = '';
  let at = 0;
  while (at < rules.length) {
    const open = rules.indexOf('{', at);
    if (open < 0) break;
    let depth = 1;
    let end = open + 1;
    for (; depth > 0 && end < rules.length; end++) depth += rules[end] === '{' ? 1 : rules[end] === '}' ? -1 : 0;
    if (depth !== 0) throw new Error(`scopeCss: unbalanced braces after ${rules.slice(at, open)}`);
    const prelude = rules.slice(at, open).trim();
    const body = rules.slice(open + 1, end - 1);
    if (/^@(media|supports)\b/.test(prelude)) out += `${prelude}{${scopeCss(scope, body)}}\n`;
    else if (prelude.startsWith('@')) out += `${prelude}{${body}}\n`;
    else if (/^(html|body|:root)\b/.test(prelude)) throw new Error(`scopeCss: ${prelude} cannot be scoped`);
    else out += `${prelude.split(',').map((sel) => `${scope} ${sel.trim()}`).join(',')}{${body}}\n`;
    at = end;
  }
  return out;
}
