/**
 * The preview in a real browser: as the project admin, write a vision, a goal and a KPI, reload and see
 * them; as a member, see them read-only; as the outsider, see the "no access" state. Screenshots go to
 * test-results/ (ignored by git).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

const STATEMENT = 'Every customer solves their own problem in under five minutes.';

describe('vision editing in the preview', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await startPreviewSession();
    page = session.page;
  }, 60_000);

  afterAll(() => session?.close());

  const open = (query: string) => session.open(query);

  it('lets the admin write a vision, a goal and a KPI that are there after a reload', async () => {
    const app = await open('surface=settings&user=admin&project=PV');
    await app.getByLabel('Vision statement').fill(STATEMENT);
    await app.getByLabel('Horizon').fill('2028');
    await app.getByRole('button', { name: 'Save vision' }).click();
    await app.getByText('✓ Saved').waitFor();
    // Saving keeps a draft; publishing makes it what everyone reads.
    await app.getByRole('button', { name: 'Publish version 1' }).click();
    await app.getByText('Published version 1').waitFor();

    await app.getByRole('button', { name: 'Add goal' }).click();
    const goalForm = app.getByRole('form', { name: 'Add a business goal' });
    await goalForm.getByLabel('Title').fill('Cut support calls');
    await goalForm.getByRole('button', { name: 'Add goal' }).click();
    await app.getByText('Added goal “Cut support calls”.').waitFor();

    await app.getByRole('button', { name: '+ Add KPI' }).click();
    const kpiForm = app.getByRole('form', { name: 'Add a KPI to “Cut support calls”' });
    await kpiForm.getByLabel('Name').fill('Support calls per week');
    await kpiForm.getByLabel('Unit').fill('calls');
    await kpiForm.getByLabel('Direction').selectOption('decrease');
    await kpiForm.getByLabel('Baseline').fill('1200');
    await kpiForm.getByLabel('Target').fill('1500');
    await kpiForm.getByRole('button', { name: 'Add KPI' }).click();
    // The server's direction rule, shown next to the field; nothing saved.
    await kpiForm.getByText('To decrease, the target must be below the baseline.', { exact: true }).waitFor();
    await kpiForm.getByLabel('Target').fill('600');
    await kpiForm.getByRole('button', { name: 'Add KPI' }).click();
    await app.getByText('Added KPI “Support calls per week”', { exact: false }).waitFor();

    await page.reload();
    const again = page.frameLocator('#surface');
    await valueSoon(again.getByLabel('Vision statement'), STATEMENT);
    await again.getByText('Cut support calls').first().waitFor();
    await again.getByText('Support calls per week').first().waitFor();
    // One invoke per surface load.
    expect(await page.locator('#invocations').textContent()).toBe('1');
    await page.screenshot({ path: join(SHOTS, 'settings-admin.png'), fullPage: true });
  });

  it('shows a member the same vision read-only', async () => {
    const settings = await open('surface=settings&user=member&project=PV');
    await settings.getByText('Only project admins can edit the vision.').waitFor();
    await settings.getByText(STATEMENT).waitFor();
    expect(await settings.getByRole('button', { name: 'Save vision' }).count()).toBe(0);
    expect(await settings.getByLabel('Vision statement').count()).toBe(0);

    const project = await open('surface=project-page&user=member&project=PV&theme=dark');
    await project.getByText(STATEMENT).waitFor();
    await project.getByText('Support calls per week').first().waitFor();
    expect(await page.locator('#invocations').textContent()).toBe('1');
    await page.screenshot({ path: join(SHOTS, 'project-page-member-dark.png'), fullPage: true });
  });

  it('shows the outsider a clear "no access" state and nothing of the vision', async () => {
    const app = await open('surface=project-page&user=outsider&project=PV');
    await app.getByText("You don't have access to this project's vision").waitFor();
    expect(await app.getByText(STATEMENT).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'project-page-outsider.png') });
  });
});

/** Waits for an input's value, as the UI fills it after its one invoke. */
async function valueSoon(locator: { inputValue(): Promise<string> }, value: string) {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.inputValue().catch(() => '');
    if (last === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Expected value ${JSON.stringify(value)}, last saw ${JSON.stringify(last)}`);
}
