/**
 * What the UI shows when things go wrong, in a real browser over the preview: Jira not answering
 * (JIRA_UNAVAILABLE) and a storage failure (INTERNAL) each show a message with "Try again", which then
 * works; a goal saved over someone else's change (CONFLICT) shows theirs and offers to re-apply.
 */
import type { Preview } from '../../preview/preview-app';
import { startPreviewSession, type PreviewSession } from '../support/preview-session';

describe('errors in the UI', () => {
  let session: PreviewSession;
  let preview: Preview;

  beforeAll(async () => {
    session = await startPreviewSession();
    ({ preview } = session);
  }, 60_000);

  afterAll(() => session?.close());

  const open = (query: string) => session.open(query);
  const settings = { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'PV', type: 'software' } } };

  it('Jira not answering: a message and "Try again", which loads the page once Jira is back', async () => {
    preview.site.faults.failNext = [{ status: 503, count: 8, operation: 'GET /rest/api/3/mypermissions' }];
    const app = await open('surface=project-page&user=member&project=PV');
    await app.getByText('Jira is not answering right now').waitFor();
    await app.getByText(/Nothing was changed; try again in a minute/).waitFor();
    preview.site.faults.failNext = [];
    await app.getByRole('button', { name: 'Try again' }).click();
    await app.getByText('Jira is not answering right now').waitFor({ state: 'detached' });
  });

  it('a storage failure while saving: a message and "Try again", which saves it once', async () => {
    const app = await open('surface=settings&user=admin&project=PV');
    await app.getByRole('button', { name: 'Add goal' }).first().click();
    const form = app.getByRole('form', { name: 'Add a business goal' });
    await form.getByLabel('Title').fill('Saved once');
    // The goal book's revision claim fails (the registry write before it passes).
    preview.store.failNext(1, 'setIfAbsent', 1);
    await form.getByRole('button', { name: 'Add goal' }).click();
    await app.getByRole('heading', { name: 'Something went wrong' }).waitFor();
    await app.getByText(/Nothing was changed; try again/).waitFor();
    await app.getByRole('button', { name: 'Try again' }).click();
    await app.getByText('Added goal “Saved once”.').waitFor();
    const book = (await preview.invoke({ functionKey: 'project/load', context: settings, accountId: preview.users.admin })).body as any;
    expect(book.data.goalBook.goals.map((g: { title: string }) => g.title)).toEqual(['Saved once']);
  });

  it('a goal added over someone else’s change: shows that the goals changed and adds it on request (no lost update)', async () => {
    const app = await open('surface=settings&user=admin&project=PV');
    await app.getByRole('button', { name: 'Add goal' }).first().click();
    const form = app.getByRole('form', { name: 'Add a business goal' });
    await form.getByLabel('Title').fill('Mine');
    // Meanwhile another admin adds a goal.
    const loaded = (await preview.invoke({ functionKey: 'project/load', context: settings, accountId: preview.users.admin })).body as any;
    const theirs = await preview.invoke({
      functionKey: 'goal/create',
      payload: { goal: { title: 'Theirs', description: '', ownerAccountId: null, status: 'active', targetDate: null }, baseRevision: loaded.data.goalBook.revision },
      context: settings,
      accountId: preview.users.admin,
    });
    expect((theirs.body as any).ok).toBe(true);
    await form.getByRole('button', { name: 'Add goal' }).click();
    await app.getByText('Someone else changed this since you opened it').waitFor();
    await app.getByRole('button', { name: 'Add my goal now' }).click();
    await app.getByText('Added goal “Mine”.').waitFor();
    const after = (await preview.invoke({ functionKey: 'project/load', context: settings, accountId: preview.users.admin })).body as any;
    expect(after.data.goalBook.goals.map((g: { title: string }) => g.title).sort()).toEqual(['Mine', 'Saved once', 'Theirs']);
  });
});
