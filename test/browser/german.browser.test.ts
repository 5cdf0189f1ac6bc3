/**
 * The app in German, in a real browser: the preview's language switch (`locale=de_DE`, passed in the
 * context as Forge does) loads each surface's German dictionary before the first render. On every surface,
 * light and dark: `<html lang>` is German, no English text that has a German translation is left on the
 * page (so nothing skipped the dictionary), axe-core's WCAG 2.1 A/AA rules find nothing serious or critical,
 * and no label, button or heading is clipped. Screenshots of the settings and project pages in German, dark,
 * go to test-results/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import { MACRO_LOCAL_ID } from '../../preview/contexts';
import { MACRO_SECTIONS } from '../../src/contract/macro/macro';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';
import { axeViolations, surfaceFrame } from '../support/axe';

const PV = { id: '10000', key: 'PV', type: 'software' };
const LOCALES = join(__dirname, '..', '..', 'static', 'locales', 'de-DE');
const GERMAN: Record<string, string> = Object.assign({}, ...readdirSync(LOCALES).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(LOCALES, f), 'utf8'))));
/** English texts that read differently in German and are long enough not to appear inside other words or data. */
const ENGLISH = Object.entries(GERMAN)
  .filter(([en, de]) => en !== de && !/[{}]/.test(en) && en.trim().length >= 14)
  .map(([en]) => en.trim());

describe('the app in German', () => {
  let session: PreviewSession;
  let page: Page;

  const admin = (functionKey: string, payload: unknown) => session.admin(functionKey, payload);

  beforeAll(async () => {
    session = await startPreviewSession({ timeoutMs: 15_000 });
    ({ page } = session);
    await admin('vision/save', { statement: 'Every business customer solves their own problem in the portal.', targetUsers: 'Buyers', problem: 'Long queues.', valueProposition: 'A portal that answers.', horizon: '2028', baseRevision: 0 });
    const book = await admin('goal/create', {
      goal: { title: 'Halve support calls', description: '', ownerAccountId: DEMO_USERS.admin, status: 'active', targetDate: '2027-12-31' },
      baseRevision: 0,
    });
    const withKpi = await admin('kpi/create', {
      kpi: { goalId: book.goals[0].id, name: 'Support calls per week', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600.5, bandLow: null, bandHigh: null },
      baseRevision: 1,
    });
    await admin('kpi/measure', { kpiId: withKpi.kpis[0].id, date: '2025-06-20', value: 1250.5, note: '', baseRevision: 0 });
    await admin('vision/publish', { baseRevision: 1, changeNote: 'First agreed version' });
    await admin('launch/create', { name: 'Portal 1.0', versionId: null, date: '2025-06-30', preset: '30-60-90', baseRevision: 0 });
    const configured = await fetch(`${session.url}/preview/macro-config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ localId: MACRO_LOCAL_ID, config: { projectId: PV.id, projectKey: PV.key, projectName: 'Product Vision', sections: [...MACRO_SECTIONS], version: 'latest' } }),
    });
    if (!configured.ok) throw new Error(`macro config: ${configured.status}`);
  }, 60_000);

  afterAll(() => session?.close());

  const frameOf = () => surfaceFrame(page);

  const settled = async (app: FrameLocator) => {
    await app.locator('body *').first().waitFor();
    await app.locator('.pv-state[role="status"]').waitFor({ state: 'detached' });
  };

  const SURFACES: Array<{ name: string; query: string; ready: (app: FrameLocator) => Promise<void> }> = [
    { name: 'settings', query: 'surface=settings&user=admin&project=PV', ready: (a) => a.getByRole('button', { name: 'Launches und Ergebnisse anzeigen' }).waitFor() },
    { name: 'project-page', query: 'surface=project-page&user=member&project=PV', ready: (a) => a.locator('.pv-glance').waitFor() },
    { name: 'issue-panel', query: 'surface=issue-panel&user=admin&project=PV', ready: (a) => a.locator('.pv-picker select').waitFor() },
    { name: 'macro-config', query: 'surface=macro-config&user=admin&project=PV', ready: (a) => a.locator('#pv-c-project option[value="10000"]').waitFor({ state: 'attached' }) },
    { name: 'macro', query: 'surface=macro&user=member&project=PV', ready: (a) => a.getByText('Every business customer solves their own problem in the portal.').waitFor() },
    { name: 'portfolio', query: 'surface=portfolio&user=director', ready: (a) => a.locator('table').first().waitFor() },
    { name: 'company-goals-admin', query: 'surface=company-goals-admin&user=siteAdmin', ready: (a) => a.getByRole('heading').first().waitFor() },
    { name: 'gadget', query: 'surface=gadget&user=member&project=PV', ready: (a) => a.getByRole('heading').first().waitFor() },
  ];

  /** What the page shows and says: its text, and the accessible names given by attributes. */
  const shownText = (frame: Frame) =>
    frame.evaluate(() => {
      const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap((el) =>
        ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
      );
      return `${document.body.innerText}\n${attrs.join('\n')}`;
    });

  /** Labels, buttons, headings, cells and status lozenges whose text is cut off by their box or runs out of the box around them. */
  const clipped = (frame: Frame) =>
    frame.evaluate(() =>
      [...document.querySelectorAll('button, label, legend, summary, h1, h2, h3, h4, th, dt, .pv-lozenge, .pv-kpi-status, a, select, option')]
        .filter((el) => {
          const e = el as HTMLElement;
          // Visually hidden text (pv-sr-only, 1px) is meant to be clipped.
          if (!e.offsetParent || e.clientWidth <= 1 || e.clientHeight <= 1) return false;
          if (e.tagName === 'SELECT' || e.tagName === 'OPTION') return false;
          const style = getComputedStyle(e);
          const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis' || style.whiteSpace === 'nowrap';
          if (hides && e.scrollWidth > e.clientWidth + 1) return true;
          // A box that does not wrap can stick out of the tile or cell that holds it (a long German status in a narrow tile).
          const box = e.getBoundingClientRect();
          const holder = e.parentElement?.getBoundingClientRect();
          return !!holder && holder.width > 0 && (box.right > holder.right + 1 || box.left < holder.left - 1);
        })
        .map((el) => `${el.tagName.toLowerCase()}: ${(el as HTMLElement).innerText.slice(0, 60)}`),
    );

  const axeIn = async (frame: Frame) =>
    (await axeViolations(frame)).map((v) => ({ id: v.id, impact: v.impact as string, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));

  it('every surface in German, light and dark: German text, no English left, axe clean, nothing clipped', async () => {
    const counts: Record<string, string> = {};
    const problems: Record<string, unknown> = {};
    for (const theme of ['light', 'dark'] as const) {
      for (const surface of SURFACES) {
        const app = await session.open(`${surface.query}&locale=de_DE${theme === 'dark' ? '&theme=dark' : ''}`);
        await settled(app);
        await surface.ready(app);
        const frame = await frameOf();
        const key = `${surface.name}, ${theme}`;
        expect(await frame.evaluate(() => document.documentElement.lang)).toBe('de-DE');
        const text = await shownText(frame);
        const english = ENGLISH.filter((en) => text.includes(en));
        const found = await axeIn(frame);
        const by = (impact: string) => found.filter((f) => f.impact === impact).length;
        counts[key] = `critical ${by('critical')}, serious ${by('serious')}, moderate ${by('moderate')}, minor ${by('minor')}`;
        const bad = found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
        const cut = await clipped(frame);
        if (english.length || bad.length || cut.length) problems[key] = { english, axe: bad, clipped: cut };
        if (theme === 'dark' && (surface.name === 'settings' || surface.name === 'project-page')) {
          if (surface.name === 'settings') {
            await app.getByRole('button', { name: 'Ausrichtungsbericht anzeigen' }).click();
            await app.getByRole('button', { name: 'Launches und Ergebnisse anzeigen' }).click();
            await app.getByRole('heading', { name: 'Portal 1.0' }).waitFor();
            await settled(app);
            const open = await clipped(frame);
            if (open.length) problems[`${key}, sections open`] = { clipped: open };
          }
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.screenshot({ path: join(SHOTS, `german-${surface.name}-dark.png`), fullPage: true });
        }
      }
    }
    console.log(`axe in German (rules violated, by impact):\n${Object.entries(counts).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    expect(problems).toEqual({});
  }, 240_000);

  it('numbers in the German locale: "1.250,5", not "1,250.5"', async () => {
    const app = await session.open('surface=project-page&user=member&project=PV&locale=de_DE');
    await settled(app);
    await app.locator('.pv-glance').waitFor();
    const text = await (await frameOf()).evaluate(() => document.body.innerText);
    expect(text).toMatch(/1\.250,5/);
    expect(text).not.toMatch(/1,250\.5/);
  }, 60_000);
});
