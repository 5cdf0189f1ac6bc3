/**
 * A headless Chromium for the browser tests, never downloaded at test time: Debian's
 * /usr/bin/chromium when present (or CHROMIUM_PATH), else the binary inside @sparticuz/chromium.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  const system = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (system) return chromium.launch({ executablePath: system, args: FLAGS, headless: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when no system Chromium exists
  const bundled = require('@sparticuz/chromium');
  const sparticuz = bundled.default ?? bundled;
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args: [...sparticuz.args, ...FLAGS], headless: true });
}
