/**
 * Bundle budget: for every Custom UI surface (static/<surface>/src/index.tsx), the gzip size of the
 * built main.js + main.css must stay within its budget in static/budgets.json.
 * `npm test` runs `npm run build` first; this test only reads static/<surface>/build/.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
      const js = gz(join(build, 'main.js'));
      const css = gz(join(build, 'main.css'));
      const total = js + css;
      if (total > budget) {
        throw new Error(
          `${surface}: main.js ${kb(js)} + main.css ${kb(css)} = ${kb(total)} gzip, over its budget of ${kb(budget)} by ${kb(total - budget)}.`,
        );
      }
      expect(total).toBeLessThanOrEqual(budget);
    });

    it('loads its assets by relative path, with the bridge marker before the app script', () => {
      const html = readFileSync(join(build, 'index.html'), 'utf8');
      expect(html).toMatch(/<script src="main\.js"><\/script>/);
      expect(html.indexOf('<!-- forge-bridge -->')).toBeGreaterThan(-1);
      expect(html.indexOf('<!-- forge-bridge -->')).toBeLessThan(html.indexOf('<script src="main.js">'));
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    });

    it('has one light and one dark fallback palette (the style modules\' palettes merged)', () => {
      const css = existsSync(join(build, 'main.css')) ? readFileSync(join(build, 'main.css'), 'utf8') : '';
      if (!css.includes('--pv-')) return;
      expect(css.match(/:root\{--pv-/g)).toHaveLength(1);
      expect(css.match(/html\[data-color-mode=(?:"dark"|dark)\]\{--pv-/g)).toHaveLength(1);
    });

    it('ships only the bridge parts it calls (no i18n translations, lodash or object store)', () => {
      const js = readFileSync(join(build, 'main.js'), 'utf8');
      for (const marker of ['TranslationGetterError', '__lodash_hash_undefined__', 'trackObjectStoreAction']) expect(js).not.toContain(marker);
    });

    it('references nothing outside the app (no CDN, fonts or images from elsewhere)', () => {
      const css = existsSync(join(build, 'main.css')) ? readFileSync(join(build, 'main.css'), 'utf8') : '';
      expect(css).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
      expect(css).not.toMatch(/@import/);
    });
  });
});
