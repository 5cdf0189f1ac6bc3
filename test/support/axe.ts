/**
 * axe-core inside a surface's frame (the document a screen reader reads), with the WCAG 2.1 A/AA rules,
 * for the browser tests. axe is injected from the npm package once per document.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** The preview's framed surface (`#surface`) as a Playwright frame. */
export async function surfaceFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('#surface').elementHandle())?.contentFrame();
  if (!frame) throw new Error('no surface frame');
  return frame;
}

/** axe-core's WCAG 2.1 A/AA violations in the frame's document. */
export async function axeViolations(frame: Frame): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, not as a <script>: the surface runs under Forge's CSP, which refuses inline scripts.
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(`${AXE}\n;undefined`);
  return frame.evaluate(
    (tags) => (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r: any) => r.violations),
    WCAG_21_AA,
  );
}

export const isSerious = (v: Violation): boolean => v.impact === 'serious' || v.impact === 'critical';
