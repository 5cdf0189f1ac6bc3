/**
 * Messages the backend writes reach a German user in German, in a real browser: the UI sends its locale
 * with each call (Forge gives functions none), the resolver answers in it, and the page shows it.
 * The macro before it is set up and when Confluence cannot reach Jira, each in German with no English
 * left of the message; in English the same page keeps the English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { MACRO_LOCAL_ID } from '../../preview/contexts';
import { MACRO_SECTIONS } from '../../src/contract/macro/macro';
import { startPreviewSession, type PreviewSession } from '../support/preview-session';

const GERMAN = JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', 'de-DE.json'), 'utf8')).messages as Record<string, string>;
const de = (english: string) => {
  const text = GERMAN[english];
  if (!text) throw new Error(`No German for ${english}`);
  return text;
};

describe('backend messages in German, in the browser', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await startPreviewSession({ timeoutMs: 15_000 });
    ({ page } = session);
  }, 60_000);

  afterAll(() => session?.close());

  const text = async (app: FrameLocator) => app.locator('body').innerText();

  const NOT_SET_UP = 'This macro has no Jira project yet. Edit the macro to choose the project whose vision it shows.';

  it('a macro with no project says so in German, and in English for an English user', async () => {
    const app = await session.open('surface=macro&user=member&project=PV&locale=de_DE');
    await app.getByText(de(NOT_SET_UP)).waitFor();
    expect(await text(app)).not.toContain('has no Jira project yet');
    const english = await session.open('surface=macro&user=member&project=PV&locale=en_US');
    await english.getByText(NOT_SET_UP).waitFor();
  });

  it('the macro says in German that Confluence cannot reach Jira', async () => {
    const configured = await fetch(`${session.url}/preview/macro-config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ localId: MACRO_LOCAL_ID, config: { projectId: '10000', projectKey: 'PV', projectName: 'Product Vision', sections: [...MACRO_SECTIONS], version: 'latest' } }),
    });
    expect(configured.ok).toBe(true);
    const app = await session.open('surface=macro&user=member&project=PV&jira=off&locale=de_DE');
    const message = de(
      'This Confluence site cannot reach Jira for the Product vision app yet. The app is installed in Jira; a site admin can connect Confluence to the same installation in Atlassian Administration (Apps › Connected apps).',
    );
    await app.getByText(message).waitFor();
    expect(await text(app)).not.toContain('cannot reach Jira');
  });

  it('a German call carries the locale, an English one does not', async () => {
    const firstInvoke = async (query: string) => {
      const request = page.waitForRequest((r) => r.url().endsWith('/api/invoke'));
      await session.open(query);
      return JSON.stringify((await request).postDataJSON());
    };
    expect(await firstInvoke('surface=project-page&user=member&project=PV&locale=de_DE')).toContain('"uiLocale":"de-DE"');
    expect(await firstInvoke('surface=project-page&user=member&project=PV&locale=en_US')).not.toContain('uiLocale');
  });
});
