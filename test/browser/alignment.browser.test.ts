/**
 * Epic alignment in a real browser, in the preview with its demo data (PV: 8 epics, 5 tied to a goal):
 * the admin opens the alignment report, sets a goal on an unaligned epic inline, and sees its flag go
 * and the coverage rise; the issue panel of that epic then shows the goal and no flag.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Preview } from '../../preview/preview-app';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

describe('epic alignment in the preview', () => {
  let session: PreviewSession;
  let preview: Preview;
  let page: Page;

  beforeAll(async () => {
    session = await startPreviewSession({ demoData: true, timeoutMs: 15_000 });
    ({ preview, page } = session);
  }, 120_000);

  afterAll(() => session?.close());

  const panelOf = async (key: string) => {
    const issue = preview.site.issues.find((i) => i.key === key)!;
    const { body } = await preview.invoke({
      functionKey: 'panel/load',
      payload: {},
      context: { moduleKey: 'vision-issue-panel', extension: { type: 'jira:issuePanel', project: { id: '10000', key: 'PV', type: 'software' }, issue: { id: issue.id, key } } },
      accountId: preview.users.admin,
    });
    return (body as { ok: boolean; data: any }).data;
  };

  it('sets a goal on an unaligned epic from the report: the flag goes and coverage rises', async () => {
    const before = await panelOf('PV-7');
    expect(before.flag).toBe('none');

    const app = await session.open('surface=project-page&user=admin&project=PV');
    await app.getByRole('button', { name: 'Show alignment report' }).click();
    await app.getByText('of epics serve a business goal — 5 of 8').first().waitFor();
    const row = app.locator('li', { has: app.getByText('PV-7', { exact: true }) });
    await row.getByText('No goal is set.').waitFor();

    await app.getByLabel('Goal for PV-7', { exact: true }).selectOption({ label: 'Halve support calls' });
    await app.getByRole('button', { name: 'Set goal for PV-7' }).click();

    await app.getByText('of epics serve a business goal — 6 of 8').first().waitFor();
    await app.getByText('75%', { exact: true }).first().waitFor();
    expect(await app.getByRole('button', { name: 'Set goal for PV-7' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'alignment-report-admin.png'), fullPage: true });

    const after = await panelOf('PV-7');
    expect(after.flag).toBeNull();
    expect(after.goal?.title).toBe('Halve support calls');
  });
});
