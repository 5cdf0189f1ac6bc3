/**
 * The preview in a real browser: as the project admin, write a vision, a goal and a KPI, reload and see
 * them; as a member, see them read-only; as the outsider, see the "no access" state; publish with unsaved
 * edits; edit a goal another tab deleted. Screenshots go to test-results/ (ignored by git).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

const STATEMENT = 'Every customer solves their own problem in under five minutes.';
const EDITED = 'Every customer solves their own problem in under two minutes.';

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

    await app.getByRole('button', { name: 'Add KPI to Cut support calls' }).click();
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

  // The admin's own requests from "another tab", straight to the preview's resolvers.
  const settingsContext = { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'PV', type: 'software' } } };
  const asAdmin = async (functionKey: string, payload: unknown = {}) =>
    (await session.preview.invoke({ functionKey, payload, context: settingsContext, accountId: session.preview.users.admin })).body as any;

  it('publishing with unsaved edits saves them first; a publish that makes nothing keeps the change note', async () => {
    const app = await open('surface=settings&user=admin&project=PV');
    await valueSoon(app.getByLabel('Vision statement'), STATEMENT);
    await app.getByLabel('Vision statement').fill(EDITED);
    const note = app.getByLabel('Change note (optional)');
    await note.fill('Sharper statement');
    await app.getByRole('button', { name: 'Save and publish version 2' }).click();
    await app.getByText('Published version 2').waitFor();
    await app.getByText('✓ Saved').waitFor();
    expect(await note.inputValue()).toBe('');
    const loaded = await asAdmin('project/load');
    expect(loaded.data.published).toMatchObject({ version: 2, statement: EDITED, changeNote: 'Sharper statement' });
    expect(loaded.data.vision).toMatchObject({ revision: 2, statement: EDITED });

    await note.fill('Typed for nothing');
    await app.getByRole('button', { name: 'Publish again' }).click();
    await app.getByText('Nothing new to publish').waitFor();
    expect(await note.inputValue()).toBe('Typed for nothing');
  });

  it('editing a goal deleted meanwhile says so, keeps the typed values and adds it again; an old notice goes', async () => {
    const app = await open('surface=settings&user=admin&project=PV');
    await app.getByRole('button', { name: 'Edit goal Cut support calls' }).click();
    const form = app.getByRole('form', { name: 'Edit goal' });
    await form.getByLabel('Title').fill('Cut support calls by half');
    // Meanwhile another tab deletes the goal (and its KPI).
    const book = (await asAdmin('project/load')).data.goalBook;
    const deleted = await asAdmin('goal/delete', { goalId: book.goals[0].id, baseRevision: book.revision, confirm: true });
    expect(deleted.ok).toBe(true);
    await form.getByRole('button', { name: 'Save goal' }).click();
    await app.getByText('Goal “Cut support calls” was deleted by someone else').waitFor();
    expect(await form.getByLabel('Title').inputValue()).toBe('Cut support calls by half');
    await app.getByRole('button', { name: 'Add it again as a new goal' }).click();
    await app.getByText('Added goal “Cut support calls by half”.').waitFor();
    const after = (await asAdmin('project/load')).data.goalBook;
    expect(after.goals.map((g: { title: string }) => g.title)).toEqual(['Cut support calls by half']);
    // The next action starts: the notice of the last one goes.
    await app.getByRole('button', { name: 'Edit goal Cut support calls by half' }).click();
    await app.getByRole('form', { name: 'Edit goal' }).waitFor();
    expect(await app.getByText('Added goal “Cut support calls by half”.').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'settings-goal-deleted-meanwhile.png'), fullPage: true });
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
