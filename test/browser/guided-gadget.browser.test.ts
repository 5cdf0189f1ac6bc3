/**
 * In a real browser, on the preview: a new project's guided start on the settings page (one invoke to
 * load), the admin adopts the elevator-pitch template and an example KPI and the score moves, a member
 * opening the project page shares the vision; then the dashboard gadget in the simulated Jira dashboard,
 * light and dark (screenshots, axe-core in its frame), its edit view choosing another project, and a
 * user who may not browse the project seeing nothing of it.
 */
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';
import { axeViolations, isSerious, surfaceFrame } from '../support/axe';


describe('guided start and the dashboard gadget in the preview', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await startPreviewSession({ timeoutMs: 15_000 });
    ({ page } = session);
  }, 60_000);
  afterAll(() => session?.close());

  const settled = async (app: FrameLocator) => {
    await app.locator('body *').first().waitFor();
    await app.locator('.pv-state[role="status"]').waitFor({ state: 'detached' });
  };
  const frameOf = () => surfaceFrame(page);
  const serious = async (frame: Frame) =>
    (await axeViolations(frame)).filter(isSerious).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

  it('a new project shows the guided start, adopts the template and an example KPI, and the score moves', async () => {
    let app = await session.open('surface=settings&user=admin&project=PV');
    await settled(app);
    const card = app.locator('section[aria-labelledby="gs-title"]');
    await card.getByText('0 of 6 steps done').waitFor();
    // The guided start came with the page's one load.
    expect(await page.locator('#invocations').textContent()).toBe('1');
    await card.getByRole('button', { name: 'Use this elevator pitch as the vision draft' }).click();
    await app.locator('textarea').first().waitFor();
    expect(await app.locator('textarea').first().inputValue()).toContain('For <target users> who <need>');
    await card.getByRole('button', { name: 'Adopt Weekly active users' }).click();
    await card.getByText('1 of 6 steps done').waitFor();
    expect(await card.locator('li[data-step="goals"].gs-step--done').count()).toBe(1);
    expect(await serious(await frameOf())).toEqual([]);
    await card.screenshot({ path: join(SHOTS, 'guided-start-settings.png') });

    // A member opens the project page: the vision is shared beyond its admins.
    app = await session.open('surface=project-page&user=member&project=PV');
    await settled(app);
    await app.locator('section[aria-labelledby="gs-title"]').getByText('2 of 6 steps done').waitFor();
    app = await session.open('surface=settings&user=admin&project=PV');
    await settled(app);
    await app.locator('li[data-step="shared"].gs-step--done').waitFor();
  }, 120_000);

  it('the gadget renders in the simulated Jira dashboard, light and dark, with no serious axe finding', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const app = await session.open(`surface=gadget&user=member&project=PV&theme=${theme}`);
      await settled(app);
      await app.getByRole('link', { name: 'PV product vision' }).waitFor();
      await app.getByText('Epics aligned').waitFor();
      expect(await page.locator('#invocations').textContent()).toBe('1');
      expect(await serious(await frameOf())).toEqual([]);
      await page.locator('.db').screenshot({ path: join(SHOTS, `gadget-dashboard-${theme}.png`) });
    }
  }, 120_000);

  it('the edit view picks another project; someone who may not browse it sees nothing of it', async () => {
    const edit = await session.open('surface=gadget-edit&user=admin&project=PV');
    await settled(edit);
    await edit.locator('#gd-project option[value="10001"]').waitFor({ state: 'attached' });
    await edit.locator('#gd-project').selectOption('10001');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/surface=gadget&/);
    expect(page.url()).toContain('project=MOB');
    const shown = page.frameLocator('#surface');
    await settled(shown);
    await shown.getByRole('link', { name: 'MOB product vision' }).waitFor();

    const outsider = await session.open('surface=gadget&user=outsider&project=PV');
    await settled(outsider);
    await outsider.getByText("You don't have access to this project's vision").waitFor();
  }, 120_000);
});
