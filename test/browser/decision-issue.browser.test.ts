/**
 * Decisions become work, in a real browser on the preview: the admin records a next step on an
 * iteration, turns it into a Jira issue of the type they choose, and sees the issue and its status on
 * the iteration's page; when the issue moves on in Jira, the page shows its new status. A viewer (who
 * may not create issues in Jira) sees the issue and its status, and no button to create one.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Preview } from '../../preview/preview-app';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

const STEP = 'Offer SMS as a second reset channel';

describe('a decision becomes a Jira issue, in the preview', () => {
  let session: PreviewSession;
  let preview: Preview;
  let page: Page;

  const admin = (functionKey: string, payload: unknown) => session.admin(functionKey, payload);

  beforeAll(async () => {
    session = await startPreviewSession();
    ({ preview, page } = session);
    // The project page shows launches once the project has goals (the foundation's, written directly).
    const book = await admin('goal/create', {
      goal: { title: 'Halve support calls', description: '', ownerAccountId: DEMO_USERS.admin, status: 'active', targetDate: '2027-12-31' },
      baseRevision: 0,
    });
    await admin('kpi/create', {
      kpi: { goalId: book.goals[0].id, name: 'Support calls per week', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null },
      baseRevision: 1,
    });
    await admin('launch/create', { name: '', versionId: '10100', date: null, preset: '30-60-90', baseRevision: 0 });
  }, 60_000);

  afterAll(() => session?.close());

  it('the admin turns a next step into a Story and sees its status; a viewer sees it without a button', async () => {
    const app = await session.open('surface=settings&user=admin&project=PV');
    await app.getByRole('button', { name: 'Show launches and outcomes' }).click();
    await app.getByRole('button', { name: 'Open iteration +30 days' }).click();

    const adding = app.getByRole('form', { name: 'Add a decision' });
    await adding.getByLabel('Kind').selectOption({ label: 'Next step' });
    await adding.getByLabel('What was decided, or what comes next').fill(STEP);
    await adding.getByRole('button', { name: 'Add' }).click();
    await app.getByText('Added the next step.').waitFor();

    const item = app.locator('.pl-list li', { hasText: STEP });
    await item.getByRole('button', { name: /^Create Jira issue/ }).click();
    const form = item.getByRole('form', { name: 'Create a Jira issue from this item' });
    // The types Jira lets the admin create in PV, subtasks left out.
    expect(await form.getByLabel('Issue type').locator('option').allTextContents()).toEqual(['Epic', 'Story', 'Task', 'Bug']);
    await form.getByLabel('Issue type').selectOption({ label: 'Story' });
    await form.getByRole('button', { name: 'Create issue' }).click();
    await app.getByText(/^Created PV-\d+ from the next step\.$/).waitFor();

    const made = preview.site.issues.filter((i) => i.summary === STEP);
    expect(made).toHaveLength(1);
    const key = made[0]!.key;
    expect(made[0]!.reporterAccountId).toBe(DEMO_USERS.admin);
    await item.getByRole('link', { name: key }).waitFor();
    expect(await item.getByTestId('decision-issue-status').textContent()).toBe('To Do');
    expect(await item.getByRole('button', { name: /^Create Jira issue/ }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'decision-issue-admin.png'), fullPage: true });

    // The issue moves on in Jira: the iteration's page shows where it is now.
    made[0]!.statusName = 'In Progress';
    made[0]!.statusCategory = 'indeterminate';
    const viewer = await session.open('surface=project-page&user=viewer&project=PV&theme=dark');
    await viewer.getByRole('button', { name: 'Show launches and outcomes' }).click();
    await viewer.getByRole('button', { name: 'Open iteration +30 days' }).click();
    const seen = viewer.locator('.pl-list li', { hasText: STEP });
    await seen.getByRole('link', { name: key }).waitFor();
    await seen.getByTestId('decision-issue-status').getByText('In Progress').waitFor();
    expect(await viewer.getByRole('button', { name: /^Create Jira issue/ }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'decision-issue-viewer-dark.png'), fullPage: true });
  });
});
