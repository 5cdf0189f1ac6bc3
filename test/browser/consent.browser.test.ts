/**
 * Forge's consent flow in the preview, in a real browser: a user who has not yet allowed the app to
 * act for them opens the project page; the function lets Forge's consent request out, the host asks
 * them to allow access, and once they do, the page loads. The backend is the Forge bundle, run through
 * the real SDKs over the platform stand-in.
 */
import { join } from 'node:path';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

describe('consent in the preview', () => {
  let session: PreviewSession;
  beforeAll(async () => {
    session = await startPreviewSession();
  }, 60_000);
  afterAll(() => session?.close());

  it('asks a user who has not allowed access, and loads the page once they allow it', async () => {
    const { page } = session;
    const frame = await session.open('surface=project-page&user=member&project=PV&consent=pending');
    const allow = page.getByRole('button', { name: 'Allow access' });
    await allow.waitFor();
    await expect(page.locator('#consent').isVisible()).resolves.toBe(true);
    // Focus goes to the prompt, so a keyboard user can allow at once.
    await expect(allow.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'consent-prompt.png') });
    expect(session.preview.platform.thrown.some((t) => (t.error as { name?: string }).name === 'NEEDS_AUTHENTICATION_ERR')).toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForURL(/consent=allowed/);
    await frame.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.locator('#consent').isVisible()).resolves.toBe(false);
    expect(session.preview.platform.conditions.consentPending.has(session.preview.users.member)).toBe(false);
  });

  it('never asks a user who has allowed access', async () => {
    const { page } = session;
    const frame = await session.open('surface=settings&user=admin&project=PV&consent=allowed');
    await frame.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(page.locator('#consent').isVisible()).resolves.toBe(false);
  });
});
