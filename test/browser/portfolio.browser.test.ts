/**
 * The product portfolio in a real browser, in the preview with its demo data (PV, MOB and DATA; two
 * company goals): the IT director opens the portfolio, filters to overdue reviews and follows the row to
 * its project page; a user who may browse one project sees only that one; a Jira administrator names a
 * group of company-goal editors on the admin page, and a member of that group may then edit them. One
 * invoke loads the portfolio. Screenshots (light and dark) go to test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';
import { axeViolations, isSerious, surfaceFrame } from '../support/axe';

describe('the product portfolio in the preview', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await startPreviewSession({ demoData: true, timeoutMs: 20_000 });
    ({ page } = session);
  }, 180_000);

  afterAll(() => session?.close());

  const rowKeys = async (app: ReturnType<Page['frameLocator']>) => (await app.locator('tbody th[scope="row"]').allTextContents()).map((s) => s.trim());

  it('the IT director sees every project, filters to overdue reviews and follows a row to its project', async () => {
    const app = await session.open('surface=portfolio&user=director');
    await app.getByRole('heading', { name: 'Product portfolio' }).waitFor();
    await app.getByText('3 of 3 projects').waitFor();
    expect(await rowKeys(app)).toEqual(['DATA', 'MOB', 'PV']);
    expect(await page.locator('#invocations').textContent()).toBe('1');
    // The company goals, with what each project's goals contribute.
    const revenue = app.getByRole('listitem').filter({ has: app.getByRole('heading', { name: 'Grow self-service revenue' }) });
    await revenue.getByText('Trusted self-service numbers').waitFor();
    await revenue.getByText('Work offline').waitFor();
    await page.screenshot({ path: join(SHOTS, 'portfolio-director-light.png'), fullPage: true });

    await app.getByLabel('Show').selectOption({ label: 'Review overdue' });
    await app.getByText('1 of 3 projects').waitFor();
    expect(await rowKeys(app)).toEqual(['DATA']);
    await app.getByText(/Overdue since/).waitFor();

    await app.getByRole('link', { name: 'Open the product vision of DATA' }).click();
    await page.waitForURL(/surface=project-page/);
    expect(page.url()).toContain('project=DATA');
    await page.frameLocator('#surface').getByText('Every team answers its own data questions in minutes, from one trusted source.').first().waitFor();
  });

  it('is readable in the dark theme', async () => {
    const app = await session.open('surface=portfolio&user=director&theme=dark');
    await app.getByText('3 of 3 projects').waitFor();
    await page.screenshot({ path: join(SHOTS, 'portfolio-director-dark.png'), fullPage: true });
  });

  it('has no serious or critical WCAG 2.1 A/AA violation on the portfolio and the admin page, light or dark', async () => {
    const serious: Record<string, unknown> = {};
    for (const theme of ['light', 'dark']) {
      for (const [query, ready] of [
        ['surface=portfolio&user=director', '3 of 3 projects'],
        ['surface=company-goals-admin&user=siteAdmin', 'Find people and groups'],
      ] as const) {
        const app = await session.open(`${query}&theme=${theme}`);
        await app.getByText(ready).waitFor();
        const violations = await axeViolations(await surfaceFrame(page));
        const bad = violations.filter(isSerious).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        if (bad.length) serious[`${query}, ${theme}`] = bad;
      }
    }
    expect(serious).toEqual({});
  });

  it('a user who may browse one project sees only that one, and only its contributions', async () => {
    const app = await session.open('surface=portfolio&user=viewer');
    await app.getByText('1 of 1 projects').waitFor();
    expect(await rowKeys(app)).toEqual(['PV']);
    await app.getByRole('heading', { name: 'Grow self-service revenue' }).waitFor();
    expect(await app.getByText('Trusted self-service numbers').count()).toBe(0);
    expect(await app.getByText('Work offline').count()).toBe(0);
    expect(await app.getByRole('button', { name: 'Add company goal' }).count()).toBe(0);
  });

  it('a Jira administrator names a group of company-goal editors; its members may then edit', async () => {
    let app = await session.open('surface=portfolio&user=member');
    await app.getByText('2 of 2 projects').waitFor();
    expect(await app.getByRole('button', { name: 'Add company goal' }).count()).toBe(0);

    app = await session.open('surface=company-goals-admin&user=siteAdmin');
    await app.getByRole('heading', { name: 'Product Vision: company goals' }).waitFor();
    await app.getByLabel('Person or group name').fill('product');
    await app.getByRole('button', { name: 'Search' }).click();
    await app.getByRole('button', { name: 'Add group product-leads' }).click();
    await app.getByRole('button', { name: 'Save editors' }).click();
    await app.getByText('Saved. These people and groups may now edit company goals.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'company-goals-admin-light.png'), fullPage: true });

    // Someone who is not a Jira administrator cannot use the admin page.
    app = await session.open('surface=company-goals-admin&user=member');
    await app.getByText('Only Jira administrators can name who edits company goals.').waitFor();

    app = await session.open('surface=portfolio&user=member');
    await app.getByRole('button', { name: 'Add company goal' }).click();
    await app.getByLabel('Title').fill('Open two new markets');
    await app.getByLabel('Owning business unit').fill('International');
    await app.getByRole('button', { name: 'Add company goal' }).last().click();
    await app.getByRole('heading', { name: 'Open two new markets' }).waitFor();
  });
});
