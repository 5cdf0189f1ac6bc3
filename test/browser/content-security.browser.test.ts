/**
 * Runs on Atlassian: every surface works under the Content-Security-Policy Forge gives a Custom UI
 * resource (computed by preview/forge-csp.ts as the Forge CLI does), on the demo data `npm start` shows. In English and German, light and
 * dark, each surface renders its first view, and the browser reports no `securitypolicyviolation`: no
 * inline script, no style, font, image or fetch from outside the app's own bundles. A test that loads
 * something from another host (planted below) shows the check sees a violation.
 */
import type { Page } from 'playwright-core';
import { startPreviewSession, type PreviewSession } from '../support/preview-session';

/** Every frame reports its policy violations to the console, where the test collects them. */
const REPORT_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`;

const SURFACES: { name: string; query: string; ready: string }[] = [
  { name: 'settings', query: 'surface=settings&user=admin&project=PV', ready: 'h1, h2' },
  { name: 'project-page', query: 'surface=project-page&user=member&project=PV', ready: '.pv-glance' },
  { name: 'issue-panel', query: 'surface=issue-panel&user=admin&project=PV', ready: '.pv-picker select' },
  { name: 'macro-config', query: 'surface=macro-config&user=admin&project=PV', ready: '#pv-c-project' },
  { name: 'macro', query: 'surface=macro&user=member&project=PV', ready: 'body *' },
  { name: 'portfolio', query: 'surface=portfolio&user=director', ready: 'table' },
  { name: 'company-goals-admin', query: 'surface=company-goals-admin&user=siteAdmin', ready: 'h1, h2' },
  { name: 'gadget', query: 'surface=gadget&user=member&project=PV', ready: 'h1, h2, h3' },
];

describe('every surface under Forge’s Content-Security-Policy', () => {
  let session: PreviewSession;
  let page: Page;
  let violations: string[];

  beforeAll(async () => {
    session = await startPreviewSession({ timeoutMs: 15_000, demoData: true });
    ({ page } = session);
    await page.context().addInitScript({ content: REPORT_VIOLATIONS });
    page.on('console', (message) => {
      if (message.type() === 'error' && /CSP violation|Content Security Policy/.test(message.text())) violations.push(message.text());
    });
  }, 60_000);

  afterAll(() => session?.close());
  beforeEach(() => {
    violations = [];
  });

  it('is served with the policy Forge sets: no inline script, nothing from another host', async () => {
    const response = await fetch(`${session.url}/surface/settings/index.html`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toMatch(/connect-src 'self'/);
    expect(policy).not.toMatch(/report-uri/);
  });

  it.each(SURFACES.flatMap((s) => ['en_US', 'de_DE'].flatMap((locale) => ['light', 'dark'].map((theme) => [s.name, locale, theme, s] as const))))(
    '%s in %s, %s: renders with no violation',
    async (_name, locale, theme, surface) => {
      const app = await session.open(`${surface.query}&locale=${locale}&theme=${theme}`);
      await app.locator(surface.ready).first().waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
    },
    60_000,
  );

  it('sees a violation when a surface loads something from another host', async () => {
    await session.open('surface=macro&user=member&project=PV');
    const frame = page.frames().find((f) => f.url().includes('/surface/macro/'))!;
    await frame.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'http://cdn.example.invalid/logo.png';
      document.body.append(img);
    });
    await page.waitForTimeout(300); // the violation event is queued after the element is added
    expect(violations.join('\n')).toMatch(/img-src http:\/\/cdn\.example\.invalid/);
  });
});
