/**
 * A browser test's surroundings: the preview on a fresh data folder and a free port, and a headless
 * Chromium page on it. Screenshots go to test-results/ (ignored by git).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import { createPreview, type Preview, type PreviewOptions } from '../../preview/preview-app';
import { launchBrowser } from './browser';

export const SHOTS = join(__dirname, '..', '..', 'test-results');

export interface PreviewSession {
  preview: Preview;
  url: string;
  browser: Browser;
  page: Page;
  /** Opens the host page with this query (surface, user, project, theme) and answers the framed surface. */
  open(query: string): Promise<FrameLocator>;
  /** Calls a resolver key as PV's project admin on its settings page (test data); throws when refused. */
  admin(functionKey: string, payload: unknown): Promise<any>;
  close(): Promise<void>;
}

export async function startPreviewSession(
  options: Omit<PreviewOptions, 'dataDir'> & { page?: BrowserContextOptions; timeoutMs?: number } = {},
): Promise<PreviewSession> {
  const { page: pageOptions, timeoutMs = 10_000, ...previewOptions } = options;
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'pv-browser-'));
  const preview = createPreview({ dataDir, ...previewOptions });
  await preview.ready;
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    const listening = await preview.listen(0);
    server = listening.server;
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, ...pageOptions });
    page.setDefaultTimeout(timeoutMs);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    const url = listening.url;
    return {
      preview,
      url,
      browser,
      page,
      async open(query) {
        await page.goto(`${url}/?${query}`);
        return page.frameLocator('#surface');
      },
      admin: (functionKey, payload) => asProjectAdmin(preview, functionKey, payload),
      async close() {
        await browser?.close();
        server?.close();
        preview.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    server?.close();
    preview.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

const PV_SETTINGS = { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'PV', type: 'software' } } };

async function asProjectAdmin(preview: Preview, functionKey: string, payload: unknown): Promise<any> {
  const { body } = await preview.invoke({ functionKey, payload, context: PV_SETTINGS, accountId: DEMO_USERS.admin });
  const r = body as { ok: boolean; data?: any; error?: unknown };
  if (!r.ok) throw new Error(`${functionKey}: ${JSON.stringify(r.error)}`);
  return r.data;
}
