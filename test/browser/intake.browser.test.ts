/**
 * Feedback intake from Jira in a real browser, in the preview: the project admin opens "Feedback from
 * Jira" on the settings page, is refused a JQL with ORDER BY next to the field, adds a source over the
 * service desk SD's bug reports, fetches it (the page follows the queued fetch), and triages two of the
 * requests into the iteration their creation date falls in. Screenshot in test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Preview } from '../../preview/preview-app';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

const BUGS = 'project = SD AND "Request Type" = "Report a bug"';

describe('feedback intake in the preview', () => {
  let session: PreviewSession;
  let preview: Preview;
  let page: Page;
  let kpiId = '';
  let iteration = { launchId: '', iterationId: '' };

  const admin = (functionKey: string, payload: unknown) => session.admin(functionKey, payload);

  beforeAll(async () => {
    session = await startPreviewSession();
    ({ preview, page } = session);
    // A goal with a KPI, and the launch of Portal 1.0 (30 Jun 2025) with its +30/+60/+90 iterations.
    const book = await admin('goal/create', {
      goal: { title: 'Fewer support requests', description: '', ownerAccountId: null, status: 'active', targetDate: null },
      baseRevision: 0,
    });
    const withKpi = await admin('kpi/create', {
      kpi: { goalId: book.goals[0].id, name: 'Bug reports per week', unit: '', direction: 'decrease', baseline: 20, target: 5, bandLow: null, bandHigh: null },
      baseRevision: 1,
    });
    kpiId = withKpi.kpis[0].id;
    const launched = await admin('launch/create', { name: '', versionId: '10100', date: null, preset: '30-60-90', baseRevision: 0 });
    const launch = launched.launchBook.launches[0];
    iteration = { launchId: launch.id, iterationId: launch.iterations[0].id };
  }, 60_000);

  afterAll(() => session?.close());

  it('adds a JQL source over the service desk, fetches it, and triages two requests into an iteration', async () => {
    const app = await session.open('surface=settings&user=admin&project=PV');
    await app.getByRole('button', { name: 'Show feedback sources' }).click();
    await app.getByText('No feedback sources yet.').waitFor();

    const form = app.getByRole('form', { name: 'Add a feedback source' });
    const jql = form.getByLabel(/JQL of a new source/);
    await jql.fill('project = SD ORDER BY created DESC');
    await form.getByRole('button', { name: 'Add source' }).click();
    await form.getByText('Leave out ORDER BY: a source’s issues are brought in oldest first.').first().waitFor();

    await jql.fill(BUGS);
    await form.getByRole('button', { name: 'Add source' }).click();
    const sources = app.getByRole('table', { name: 'Feedback sources' });
    const row = sources.getByRole('row', { name: /Report a bug/ });
    await row.getByText('Not fetched yet.').waitFor();
    expect(await jql.inputValue()).toBe('');

    await row.getByRole('button', { name: /Fetch now/ }).click();
    await preview.queue.drain();
    await row.getByText(/Last fetched .*: 4 new\./).waitFor();
    await app.getByRole('heading', { name: 'To triage (4)' }).waitFor();

    // SD-1 (3 Jul 2025) and SD-3 (21 Jul 2025) fall in the +30 days iteration, which each form preselects.
    for (const key of ['SD-1', 'SD-3']) {
      const item = app.getByRole('form', { name: `Triage ${key}` });
      expect(await item.getByLabel('Iteration').inputValue()).toBe(`${iteration.launchId}/${iteration.iterationId}`);
      await item.getByLabel('About').selectOption(`kpi:${kpiId}`);
      await item.getByLabel('Sentiment').selectOption('negative');
      await item.getByRole('button', { name: /Save triage/ }).click();
      await item.waitFor({ state: 'detached' });
    }
    await app.getByRole('heading', { name: 'To triage (2)' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'intake-settings.png'), fullPage: true });

    const view = await admin('iteration/load', iteration);
    expect(view.outcome.feedback.negative).toBe(2);
    expect(view.feedback.items.map((f: any) => f.issue?.key).sort()).toEqual(['SD-1', 'SD-3']);
    expect(view.feedback.items.every((f: any) => f.kpiId === kpiId && !f.untriaged)).toBe(true);
  }, 60_000);
});
