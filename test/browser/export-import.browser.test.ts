/**
 * Export and import in a real browser, in the preview (with its demo data in PV and MOB): as the project
 * admin, export PV and download the file (in a frame sandboxed as Forge sandboxes Custom UI, downloads
 * allowed on a click), then import that file into MOB — which has data, so the page asks before
 * replacing it — and see PV's vision in MOB. A member sees no export or import. Screenshots go to
 * test-results/ (ignored by git).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { Preview } from '../../preview/preview-app';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import type { ExportDocument } from '../../src/contract';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

/** The sandbox Forge puts on a Custom UI frame (developer.atlassian.com/platform/forge/custom-ui/iframe). */
const FORGE_SANDBOX = 'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';

describe('export and import in the preview', () => {
  let session: PreviewSession;
  let preview: Preview;
  let page: Page;
  /** Where the browser's downloads land. */
  let downloads: string;

  const load = async (project: 'PV' | 'MOB') => {
    const { body } = await preview.invoke({
      functionKey: 'project/load',
      payload: {},
      context: { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: { id: project === 'PV' ? '10000' : '10001', key: project, type: 'software' } } },
      accountId: DEMO_USERS.admin,
    });
    return (body as { data: any }).data;
  };

  beforeAll(async () => {
    session = await startPreviewSession({ demoData: true, page: { acceptDownloads: true }, timeoutMs: 15_000 });
    ({ preview, page } = session);
    downloads = mkdtempSync(join(tmpdir(), 'pv-downloads-'));
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  /** The settings page of `project`, reloaded inside a frame sandboxed as Forge's. */
  const open = async (query: string): Promise<FrameLocator> => {
    await page.goto(`${session.url}/?${query}`);
    await page.evaluate((sandbox) => {
      const frame = document.getElementById('surface') as HTMLIFrameElement;
      frame.setAttribute('sandbox', sandbox);
      // eslint-disable-next-line no-self-assign -- navigating the frame again is what applies the new sandbox
      frame.src = frame.src;
    }, FORGE_SANDBOX);
    return page.frameLocator('#surface');
  };

  it('exports PV as a file, imports it into MOB after confirming the replace, and MOB shows PV’s vision', async () => {
    const pv = await load('PV');
    const mob = await load('MOB');
    expect(mob.vision?.statement ?? null).not.toBe(pv.vision.statement);
    expect(mob.goalBook.goals.length).toBeGreaterThan(0); // MOB has data: importing into it replaces it

    const settings = await open('surface=settings&user=admin&project=PV');
    await settings.getByRole('heading', { name: 'Export and import' }).waitFor();
    expect(await page.locator('#invocations').textContent()).toBe('1'); // nothing more is invoked until the admin acts
    await settings.getByRole('button', { name: 'Export project data' }).click();
    const link = settings.getByRole('link', { name: /^Download product-vision-PV-\d{4}-\d{2}-\d{2}\.json$/ });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^product-vision-PV-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as ExportDocument;
    expect(doc).toMatchObject({ format: 'product-vision-export', formatVersion: 1, source: { projectKey: 'PV', projectId: '10000' } });
    expect(doc.data.vision.draft?.statement).toBe(pv.vision.statement);
    expect(doc.data.goalBook?.goals.map((g) => g.title)).toEqual(pv.goalBook.goals.map((g: { title: string }) => g.title));
    expect(doc.data.alignment.snapshots.length).toBeGreaterThan(0);
    await settings.locator('section[aria-labelledby="transfer-title"]').screenshot({ path: join(SHOTS, 'export-ready.png') });

    const target = await open('surface=settings&user=admin&project=MOB');
    await target.getByLabel('Import…').setInputFiles(file);
    await target.getByText('Import PV’s export of', { exact: false }).waitFor();
    await target.getByText('MOB has data already', { exact: false }).waitFor();
    await target.getByText('Epic → goal links are Jira issue properties', { exact: false }).first().waitFor();
    await target.locator('section[aria-labelledby="transfer-title"]').screenshot({ path: join(SHOTS, 'import-confirm.png') });
    // Exporting MOB first keeps the question open.
    await target.getByRole('button', { name: 'Export MOB first' }).click();
    await target.getByRole('link', { name: /^Download product-vision-MOB-/ }).waitFor();
    await target.getByRole('button', { name: 'Replace MOB’s data' }).click();
    await target.getByText('Imported into MOB.').waitFor();
    await target.locator('section[aria-labelledby="transfer-title"]').screenshot({ path: join(SHOTS, 'import-done.png') });
    await target.getByRole('button', { name: 'Show the imported data' }).click();
    await expect_(async () => (await target.getByLabel('Vision statement').inputValue()) === pv.vision.statement);

    const after = await load('MOB');
    expect(after.vision.statement).toBe(pv.vision.statement);
    expect(after.published?.version).toBe(pv.published?.version);
    expect(after.goalBook.goals.map((g: { id: string; title: string }) => [g.id, g.title])).toEqual(pv.goalBook.goals.map((g: { id: string; title: string }) => [g.id, g.title]));
  }, 120_000);

  it('shows a member neither export nor import', async () => {
    const settings = await open('surface=settings&user=member&project=PV');
    await settings.getByText('Only project admins can edit the vision.').waitFor();
    expect(await settings.getByRole('button', { name: 'Export project data' }).count()).toBe(0);
    expect(await settings.getByLabel('Import…').count()).toBe(0);
  });
});

/** Waits until `check` holds (a form fills in after its page loads). */
async function expect_(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error('Timed out waiting for the page');
    await new Promise((r) => setTimeout(r, 100));
  }
}
