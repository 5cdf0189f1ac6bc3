/**
 * Bundle budget: for every Custom UI surface (static/<surface>/src/index.tsx), the gzip size of what the
 * page loads first must stay within its budget in static/budgets.json: main.js, the chunks it imports
 * statically (build/chunks/, code it shares with lazy parts), the bridge chunk (imported lazily but with
 * the first call of every page), each gzipped on its own as it is fetched, + main.css. Lazy chunks (parts
 * closed when the page loads) are not counted.
 * `npm test` runs `npm run build` first; this test only reads static/<surface>/build/.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC = join(__dirname, '..', 'static');

interface Budgets {
  default: number;
  surfaces?: Record<string, number>;
}

const budgets: Budgets = JSON.parse(readFileSync(join(STATIC, 'budgets.json'), 'utf8'));

const surfaces = readdirSync(STATIC, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(STATIC, d.name, 'src', 'index.tsx')))
  .map((d) => d.name)
  .sort();

const gz = (file: string): number => (existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);

/** `import … from "./x.js"` / `export … from "./x.js"`, not `import("./x.js")`. */
const staticImports = (code: string): string[] => [...code.matchAll(/\b(?:import|export)\s*(?:[^"'()]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]);
const dynamicImports = (code: string): string[] => [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

/** main.js with what it imports statically (transitively) and the bridge chunk: the page's first load. */
function initialScripts(build: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) visit(join(dirname(file), spec));
  };
  visit(join(build, 'main.js'));
  const chunks = join(build, 'chunks');
  if (existsSync(chunks)) for (const f of readdirSync(chunks)) if (/^forge-bridge-[\w-]+\.js$/.test(f)) visit(join(chunks, f));
  return [...seen];
}

const allScripts = (build: string): string[] => [
  join(build, 'main.js'),
  ...(existsSync(join(build, 'chunks')) ? readdirSync(join(build, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join(build, 'chunks', f)) : []),
];
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB (${n} bytes)`;

describe('bundle budget (gzip of main.js + main.css)', () => {
  it('finds the surfaces', () => {
    expect(surfaces).toEqual(expect.arrayContaining(['settings', 'project-page', 'issue-panel', 'macro', 'macro-config']));
  });

  it('has a sane budget table', () => {
    expect(budgets.default).toBeLessThanOrEqual(122880);
    for (const v of Object.values(budgets.surfaces ?? {})) expect(v).toBeLessThanOrEqual(122880);
  });

  describe.each(surfaces)('%s', (surface) => {
    const build = join(STATIC, surface, 'build');
    const budget = budgets.surfaces?.[surface] ?? budgets.default;

    it('is built', () => {
      const missing = ['index.html', 'main.js'].filter((f) => !existsSync(join(build, f)));
      if (missing.length) {
        throw new Error(
          `static/${surface}/build is missing ${missing.join(', ')}. Run \`npm run build\` (npm test does it first).`,
        );
      }
    });

    it(`stays within its budget`, () => {
      if (!existsSync(join(build, 'main.js'))) {
        throw new Error(`static/${surface}/build/main.js does not exist. Run \`npm run build\` first.`);
      }
      const js = initialScripts(build).reduce((n, f) => n + gz(f), 0);
      const css = gz(join(build, 'main.css'));
      const total = js + css;
      if (total > budget) {
        throw new Error(
          `${surface}: main.js with its chunks ${kb(js)} + main.css ${kb(css)} = ${kb(total)} gzip, over its budget of ${kb(budget)} by ${kb(total - budget)}.`,
        );
      }
      expect(total).toBeLessThanOrEqual(budget);
    });

    it('loads its assets by relative path, with the bridge marker before the app script', () => {
      const html = readFileSync(join(build, 'index.html'), 'utf8');
      expect(html).toMatch(/<script type="module" src="main\.js"><\/script>/);
      expect(html.indexOf('<!-- forge-bridge -->')).toBeGreaterThan(-1);
      expect(html.indexOf('<!-- forge-bridge -->')).toBeLessThan(html.indexOf('<script type="module" src="main.js">'));
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    });

    it('has one light and one dark fallback palette (the style modules\' palettes merged)', () => {
      const css = existsSync(join(build, 'main.css')) ? readFileSync(join(build, 'main.css'), 'utf8') : '';
      if (!css.includes('--pv-')) return;
      expect(css.match(/:root\{--pv-/g)).toHaveLength(1);
      expect(css.match(/html\[data-color-mode=(?:"dark"|dark)\]\{--pv-/g)).toHaveLength(1);
    });

    it('ships only the bridge parts it calls (no i18n translations, lodash or object store)', () => {
      const js = allScripts(build).map((f) => readFileSync(f, 'utf8')).join('\n');
      for (const marker of ['TranslationGetterError', '__lodash_hash_undefined__', 'trackObjectStoreAction']) expect(js).not.toContain(marker);
    });

    it('loads its chunks from its own build folder, by relative path', () => {
      for (const file of allScripts(build)) {
        const code = readFileSync(file, 'utf8');
        // iframe-resizer: the bridge's unreachable dynamic import, left external (tools/build-static.mjs).
        for (const spec of [...staticImports(code), ...dynamicImports(code)].filter((s) => s !== 'iframe-resizer')) {
          expect(spec).toMatch(/^\.{1,2}\//);
          const target = join(dirname(file), spec);
          expect(target.startsWith(build)).toBe(true);
          expect(existsSync(target)).toBe(true);
        }
      }
    });

    it('references nothing outside the app (no CDN, fonts or images from elsewhere)', () => {
      const lazyCss = existsSync(join(build, 'chunks')) ? readdirSync(join(build, 'chunks')).filter((f) => f.endsWith('.css')).map((f) => join(build, 'chunks', f)) : [];
      const css = [join(build, 'main.css'), ...lazyCss].filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
      expect(css).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
      expect(css).not.toMatch(/@import/);
    });
  });
});
