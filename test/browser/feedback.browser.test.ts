/**
 * Feedback from everyone, in a real browser, in the preview with its demo data (PV's newest feedback 45
 * days old, cadence 30 days): the project page, settings and the Confluence macro flag it, and the admin
 * sets the cadence; a member gives feedback
 * from an epic's issue panel (by keyboard, in dark mode); then the flag is gone everywhere, the member
 * may delete their own item but not the admin's, and an admin triages it.
 */
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { Preview } from '../../preview/preview-app';
import { MACRO_LOCAL_ID } from '../../preview/contexts';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

const FLAG = 'No user feedback for 45 days — cadence is 30 days';
const QUOTE = 'The reset link worked on my phone in seconds.';

describe('feedback from everyone who can browse the project', () => {
  let session: PreviewSession;
  let preview: Preview;

  beforeAll(async () => {
    session = await startPreviewSession({ demoData: true, timeoutMs: 20_000 });
    ({ preview } = session);
    const res = await fetch(`${session.url}/preview/macro-config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ localId: MACRO_LOCAL_ID, config: { projectId: '10000', projectKey: 'PV', projectName: 'Customer Portal', sections: ['goals'], version: 'latest' } }),
    });
    expect(res.ok).toBe(true);
  }, 180_000);

  afterAll(() => session?.close());

  /** Waits until the text shows, reopening the surface (the macro's figures refresh in the background queue). */
  async function showsSoon(query: string, text: string | RegExp): Promise<FrameLocator> {
    for (let attempt = 0; ; attempt++) {
      const frame = await session.open(query);
      try {
        await frame.getByText(text).first().waitFor({ timeout: 5_000 });
        return frame;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  it('flags the silence, takes a member’s feedback from the issue panel, and the flag goes everywhere', async () => {
    const { page } = session;
    // Before: the project page and the macro flag 45 days without feedback.
    const before = await session.open('surface=project-page&user=member&project=PV');
    await before.locator('.fb-cadence--overdue').getByText(FLAG).waitFor();
    const macro = await showsSoon('surface=macro&user=member&project=PV', FLAG);
    expect(await macro.locator('.pv-m-feedback').textContent()).toBe(FLAG);

    // Settings: the admin sees the same flag and sets the cadence; out of range is a field error.
    const settings = await session.open('surface=settings&user=admin&project=PV');
    await settings.locator('.fb-cadence--overdue').getByText(FLAG).waitFor();
    const cadence = settings.getByLabel('Hear from users at least every (days)');
    await cadence.fill('400');
    await settings.getByRole('button', { name: 'Save cadence' }).click();
    await settings.getByText('The cadence can be at most 365 days.').waitFor();
    await cadence.fill('60');
    await settings.getByRole('button', { name: 'Save cadence' }).click();
    await settings.getByText(/^Last user feedback .* \(45 days ago\) — cadence is 60 days$/).waitFor();
    await cadence.fill('30');
    await settings.getByRole('button', { name: 'Save cadence' }).click();
    await settings.locator('.fb-cadence--overdue').getByText(FLAG).waitFor();

    // The member gives feedback on PV-1 from its issue panel, by keyboard, in dark mode.
    const panel = await session.open('surface=issue-panel&user=member&project=PV&theme=dark');
    const give = panel.getByRole('button', { name: 'Give feedback' });
    await give.focus();
    await page.keyboard.press('Enter');
    const quote = panel.getByLabel('Quote or summary');
    await quote.waitFor();
    expect(await quote.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closes the form and gives focus back to the button.
    await page.keyboard.press('Escape');
    await quote.waitFor({ state: 'detached' });
    expect(await give.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type(QUOTE);
    await panel.getByLabel('Sentiment').selectOption({ label: 'Positive' });
    await panel.getByLabel('About').selectOption({ label: 'This epic: PV-1' });
    await page.screenshot({ path: join(SHOTS, 'feedback-issue-panel-dark.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Add feedback' }).click();
    await panel.getByText('Thank you: your feedback was added.').first().waitFor();

    // Kept with its author (from the context) and the epic.
    const stored = await preview.invoke({
      functionKey: 'feedback/list',
      payload: {},
      context: { moduleKey: 'vision-project-page', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'PV', type: 'software' } } },
      accountId: preview.users.member,
    });
    const newest = (stored.body as { data: { items: Array<{ text: string; by: string; epicKey?: string; sentiment: string }> } }).data.items[0]!;
    expect(newest).toMatchObject({ text: QUOTE, by: preview.users.member, epicKey: 'PV-1', sentiment: 'positive' });

    // The project page: no flag, the item first, deletable by its author, no triage for a member.
    const after = await session.open('surface=project-page&user=member&project=PV');
    await after.getByText(/^Last user feedback .* \(0 days ago\) — cadence is 30 days$/).waitFor();
    expect(await after.locator('.fb-cadence--overdue').count()).toBe(0);
    // The list opens on demand (the page's load stays one invoke); focus goes to the section's heading.
    await after.getByRole('button', { name: 'Show feedback' }).click();
    expect(await after.locator('#feedback-title').evaluate((el) => el === document.activeElement)).toBe(true);
    const mine = after.locator('.fb-list li', { hasText: QUOTE });
    await mine.getByText(/about PV-1/).waitFor();
    await mine.getByRole('button', { name: 'Delete' }).waitFor();
    expect(await mine.getByRole('button', { name: 'Classify' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'feedback-project-page-member.png'), fullPage: true });

    // Someone else's item (the admin's, from the demo data): the member may not delete it.
    const others = after.locator('.fb-list li', { hasText: 'The chat widget covers the checkout button' });
    await others.waitFor();
    expect(await others.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    // An admin may triage it.
    const admin = await session.open('surface=project-page&user=admin&project=PV');
    await admin.getByRole('button', { name: 'Show feedback' }).click();
    const triaged = admin.locator('.fb-list li', { hasText: QUOTE });
    await triaged.getByRole('button', { name: 'Classify' }).click();
    await triaged.getByLabel('Source').selectOption({ label: 'Support request' });
    await triaged.getByRole('button', { name: 'Save' }).click();
    await triaged.getByText(/^Positive · Support request · about PV-1/).waitFor();

    // The macro: the flag is gone once the figures refreshed.
    const later = await showsSoon('surface=macro&user=member&project=PV', /last user feedback/);
    expect(await later.locator('.pv-m-feedback').count()).toBe(0);
  });
});
