/**
 * The backend's messages and the German catalogue agree: every message template the code can write
 * (tools/backend-messages.mjs reads them from src/) has a German text in locales/de-DE.json, the
 * catalogue holds nothing the code no longer writes, and a translation uses only placeholders its
 * English has (it may leave out one that serves English grammar only, such as a plural "s").
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { placeholders } from '../src/domain/shared/message-catalogue';

/** The tool is an ES module: run it in Node and read what it found. */
const run = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', `import { catalogueOf, extractTemplates } from './tools/backend-messages.mjs';
   console.log(JSON.stringify({ templates: [...extractTemplates()], german: catalogueOf('de-DE') }));`],
  { cwd: resolve(__dirname, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (run.status !== 0) throw new Error(run.stderr);
const found = JSON.parse(run.stdout) as { templates: Array<[string, string]>; german: Record<string, string> };
const templates = new Map(found.templates);
const german = found.german;

describe('backend messages in German', () => {
  it('finds the messages the code writes, with values as named placeholders', () => {
    expect(templates.size).toBeGreaterThan(300);
    expect(templates.has("You can't edit {key}, so you can't change its goal.")).toBe(true);
    expect(templates.has('{label} is required.')).toBe(true);
    expect(templates.has('Target date')).toBe(true);
  });

  it('has German for every message', () => {
    expect([...templates].filter(([t]) => !german[t]).map(([t, at]) => `${at} ${t}`)).toEqual([]);
  });

  it('holds no message the code no longer writes', () => {
    expect(Object.keys(german).filter((t) => !templates.has(t))).toEqual([]);
  });

  it('uses only the placeholders of the English', () => {
    const wrong = Object.entries(german).filter(([en, de]) => placeholders(de).some((p) => !placeholders(en).includes(p)));
    expect(wrong).toEqual([]);
  });

  it('keeps the values that carry information', () => {
    // Only an English plural ending or article may be left out.
    const grammar = /^(n\d*|s|length2|level|plural|value)$/;
    const dropped = Object.entries(german).flatMap(([en, de]) =>
      placeholders(en).filter((p) => !placeholders(de).includes(p) && !grammar.test(p)).map((p) => `${en} → {${p}}`),
    );
    expect(dropped).toEqual([]);
  });
});
