/**
 * The Confluence macro in the preview, in a real browser: an editor configures it for the demo project
 * (config screen → `view.submit({ config })`) and sees the published vision in the editor and on the
 * page; the outsider sees "no access"; a Confluence without Jira connected says so. One invoke per
 * macro load. Screenshots go to test-results/ (ignored by git).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Preview } from '../../preview/preview-app';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

const STATEMENT = 'Every business customer solves their own problem in the portal in under five minutes.';
const NO_ACCESS = "You don't have access to this project's vision";

describe('the Confluence macro in the preview', () => {
  let session: PreviewSession;
  let preview: Preview;
  let page: Page;

  /** A key of the Jira resolver, as PV's admin on its settings page. */
  const as = async (functionKey: string, payload: unknown) => {
    const settings = { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'PV', type: 'software' } } };
    const { body } = await preview.invoke({ functionKey, payload, context: settings, accountId: preview.users.admin });
    if (!(body as { ok?: boolean }).ok) throw new Error(`${functionKey}: ${JSON.stringify(body)}`);
    return (body as { data: any }).data;
  };

  beforeAll(async () => {
    session = await startPreviewSession();
    ({ preview, page } = session);
    // The admin writes and publishes PV's vision (what the demo data would do).
    await as('vision/save', { statement: STATEMENT, targetUsers: 'Buyers at our B2B customers', problem: 'Simple questions end up in long support queues.', valueProposition: 'A portal that answers and acts.', horizon: '2028', baseRevision: 0 });
    await as('goal/create', { goal: { title: 'Halve support calls', description: '', ownerAccountId: preview.users.admin, status: 'active', targetDate: '2027-12-31' }, baseRevision: 0 });
    await as('vision/publish', { baseRevision: 1, changeNote: 'First agreed version' });
  }, 60_000);

  afterAll(() => session?.close());

  const open = (query: string) => session.open(query);

  it('before any config, asks the editor to choose a project (never blank)', async () => {
    const macro = await open('surface=macro-editor&user=admin&project=PV');
    await macro.getByText('Choose a Jira project').waitFor();
  });

  it('configures the macro for the demo project and shows the published vision, in the editor and on the page', async () => {
    const config = await open('surface=macro-config&user=admin&project=PV');
    const projects = config.getByLabel('Jira project', { exact: true });
    await config.locator('#pv-c-project option[value="10000"]').waitFor({ state: 'attached' });
    await projects.selectOption('10000');
    await config.getByLabel('Goals and KPIs with their status').check();
    await config.getByLabel('Latest published (follows new versions)').check();
    await config.getByText('Latest published: version 1.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'macro-config-light.png'), fullPage: true });
    await config.getByRole('button', { name: 'Save' }).click();

    // Confluence closes the config panel and shows the macro in the editor, with its new settings.
    await page.waitForURL(/surface=macro-editor/);
    const inEditor = page.frameLocator('#surface');
    await inEditor.getByText(STATEMENT).waitFor();
    await inEditor.getByText('Halve support calls').waitFor();

    const onPage = await open('surface=macro&user=member&project=PV');
    await onPage.getByText(STATEMENT).waitFor();
    await onPage.getByText('Version 1', { exact: false }).first().waitFor();
    // One invoke loads the macro, whatever the sections.
    expect(await page.locator('#invocations').textContent()).toBe('1');
    // The frame is sized to its content.
    const height = await page.locator('#surface').evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height);
    expect(height).toBeGreaterThan(200);
    await page.screenshot({ path: join(SHOTS, 'macro-view-light.png'), fullPage: true });

    const dark = await open('surface=macro&user=member&project=PV&theme=dark');
    await dark.getByText(STATEMENT).waitFor();
    await page.screenshot({ path: join(SHOTS, 'macro-view-dark.png'), fullPage: true });
  });

  it('links to the project page in Jira', async () => {
    const macro = await open('surface=macro&user=member&project=PV');
    // As from Confluence: the host opens the Jira page in a new tab (here, the preview's project page).
    const [jira] = await Promise.all([page.context().waitForEvent('page'), macro.getByRole('link', { name: 'Open in Jira' }).click()]);
    await jira.waitForURL(/surface=project-page/);
    await jira.frameLocator('#surface').getByText(STATEMENT).waitFor();
    await jira.screenshot({ path: join(SHOTS, 'project-page-published.png'), fullPage: true });
    await jira.close();
  });

  it('shows the outsider a clear "no access" message and nothing of the vision', async () => {
    const macro = await open('surface=macro&user=outsider&project=PV');
    await macro.getByRole('heading', { name: NO_ACCESS }).waitFor();
    expect(await macro.getByText(STATEMENT).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'macro-no-access.png'), fullPage: true });
  });

  it('says so clearly when Jira is not connected to the installation', async () => {
    const macro = await open('surface=macro&user=member&project=PV&jira=off');
    await macro.getByText('Jira is not connected').waitFor();
    await macro.getByText('Connected apps', { exact: false }).waitFor();
    expect(await macro.getByText(STATEMENT).count()).toBe(0);
  });

  it('shows the admin, in the project settings, what the macro shows readers: the version line and a KPI value entered just now', async () => {
    const book = await as('kpi/create', {
      kpi: { goalId: (await as('project/load', {})).goalBook.goals[0].id, name: 'Support calls per week', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null },
      baseRevision: 1,
    });
    await as('kpi/measure', { kpiId: book.kpis[0].id, date: new Date().toISOString().slice(0, 10), value: 950, note: '', baseRevision: 0 });
    // The preview's queue refreshes the figures the macro reads a moment later.
    const current = async () => (await as('vision/reader-view', {})).summary.goals[0].kpis[0]?.current?.value;
    for (let i = 0; i < 100 && (await current()) !== 950; i++) await new Promise((r) => setTimeout(r, 100));

    const settings = await open('surface=settings&user=admin&project=PV');
    const section = settings.getByRole('region', { name: 'What Confluence readers see' });
    const toggle = section.getByRole('button', { name: 'Show' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await section.getByText(/Vision version/).count()).toBe(0);
    const invocations = Number(await page.locator('#invocations').textContent());
    // From the keyboard: a button.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await section.getByText(/^Vision version 1 · published .* · “First agreed version” · figures as of /).waitFor();
    await section.getByText(/1,200 calls → 600 calls · now 950 calls/).waitFor();
    await section.getByText(STATEMENT).waitFor();
    expect(await section.getByRole('button', { name: 'Hide' }).getAttribute('aria-expanded')).toBe('true');
    // One invoke for the whole view, and one for the choice shown beside it (readers without access to the Jira project).
    await section.getByLabel('Show the published vision to everyone who can view the Confluence page').waitFor();
    expect(Number(await page.locator('#invocations').textContent()) - invocations).toBe(2);
    const inSettings = await section.locator('.pv-m-foot').textContent();
    await page.screenshot({ path: join(SHOTS, 'settings-reader-view-light.png'), fullPage: true });

    // The macro on a Confluence page says the same.
    const onPage = await open('surface=macro&user=member&project=PV');
    await onPage.getByText(/now 950 calls/).waitFor();
    expect(await onPage.locator('.pv-m-foot').textContent()).toBe(inSettings);

    const dark = await open('surface=settings&user=admin&project=PV&theme=dark');
    await dark.getByRole('region', { name: 'What Confluence readers see' }).getByRole('button', { name: 'Show' }).click();
    await dark.getByText(/now 950 calls/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-reader-view-dark.png'), fullPage: true });
  });

  it('shows the admin the macro’s own message where readers would get one: nothing published in MOB yet', async () => {
    const settings = await open('surface=settings&user=admin&project=MOB');
    const section = settings.getByRole('region', { name: 'What Confluence readers see' });
    await section.getByRole('button', { name: 'Show' }).click();
    await section.getByRole('alert').getByRole('heading', { name: 'Not published yet' }).waitFor();
    await section.getByText(/has not been published yet/).waitFor();
  });
});
