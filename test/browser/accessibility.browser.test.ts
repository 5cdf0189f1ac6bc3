/**
 * Accessibility in a real browser, in the preview: axe-core runs inside each surface's frame (the frame is
 * the document a screen reader reads) with the WCAG 2.1 A/AA rules, in light and dark, and no serious or
 * critical violation may remain. Then keyboard paths: a confirm dialog keeps Tab inside and closes on
 * Escape, and after closing, cancelling or deleting, focus lands on a sensible element, never on <body>.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import { MACRO_LOCAL_ID } from '../../preview/contexts';
import { MACRO_SECTIONS } from '../../src/contract/macro/macro';
import { startPreviewSession, type PreviewSession } from '../support/preview-session';
import { axeViolations, surfaceFrame } from '../support/axe';

const PV = { id: '10000', key: 'PV', type: 'software' };

interface Finding {
  id: string;
  impact: string | null;
  nodes: string[];
}

describe('accessibility in the preview', () => {
  let session: PreviewSession;
  let page: Page;

  const admin = (functionKey: string, payload: unknown) => session.admin(functionKey, payload);

  beforeAll(async () => {
    session = await startPreviewSession({ timeoutMs: 15_000 });
    ({ page } = session);
    // A published vision with a goal, two KPIs and a launch: every section of every surface has content.
    await admin('vision/save', { statement: 'Every business customer solves their own problem in the portal.', targetUsers: 'Buyers', problem: 'Long queues.', valueProposition: 'A portal that answers.', horizon: '2028', baseRevision: 0 });
    const book = await admin('goal/create', {
      goal: { title: 'Halve support calls', description: '', ownerAccountId: DEMO_USERS.admin, status: 'active', targetDate: '2027-12-31' },
      baseRevision: 0,
    });
    const goalId = book.goals[0].id;
    await admin('goal/create', {
      goal: { title: 'Win business accounts', description: '', ownerAccountId: DEMO_USERS.admin, status: 'active', targetDate: '2027-12-31' },
      baseRevision: 1,
    });
    const withKpi = await admin('kpi/create', {
      kpi: { goalId, name: 'Support calls per week', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null },
      baseRevision: 2,
    });
    await admin('kpi/measure', { kpiId: withKpi.kpis[0].id, date: '2025-06-20', value: 1250, note: '', baseRevision: 0 });
    await admin('vision/publish', { baseRevision: 1, changeNote: 'First agreed version' });
    await admin('launch/create', { name: 'Portal 1.0', versionId: null, date: '2025-06-30', preset: '30-60-90', baseRevision: 0 });
    // The macro shows every section of PV (what its config screen saves).
    const configured = await fetch(`${session.url}/preview/macro-config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ localId: MACRO_LOCAL_ID, config: { projectId: PV.id, projectKey: PV.key, projectName: 'Product Vision', sections: [...MACRO_SECTIONS], version: 'latest' } }),
    });
    if (!configured.ok) throw new Error(`macro config: ${configured.status}`);
  }, 60_000);

  afterAll(() => session?.close());

  const frameOf = () => surfaceFrame(page);

  /** Waits until the surface has rendered past its loading state. */
  const settled = async (app: FrameLocator) => {
    await app.locator('body *').first().waitFor();
    await app.locator('.pv-state[role="status"]').waitFor({ state: 'detached' });
  };

  const axeIn = async (frame: Frame): Promise<Finding[]> =>
    (await axeViolations(frame)).map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.slice(0, 300)) }));

  const SURFACES: Array<{ name: string; query: string; ready: (app: FrameLocator) => Promise<void> }> = [
    { name: 'settings (admin)', query: 'surface=settings&user=admin&project=PV', ready: (a) => a.getByRole('button', { name: 'Show launches and outcomes' }).waitFor() },
    { name: 'project page (admin)', query: 'surface=project-page&user=admin&project=PV', ready: (a) => a.locator('.pv-glance').waitFor() },
    { name: 'project page (member)', query: 'surface=project-page&user=member&project=PV', ready: (a) => a.locator('.pv-glance').waitFor() },
    { name: 'issue panel (admin)', query: 'surface=issue-panel&user=admin&project=PV', ready: (a) => a.locator('.pv-picker select').waitFor() },
    { name: 'macro config (admin)', query: 'surface=macro-config&user=admin&project=PV', ready: (a) => a.locator('#pv-c-project option[value="10000"]').waitFor({ state: 'attached' }) },
    { name: 'macro (member)', query: 'surface=macro&user=member&project=PV', ready: (a) => a.getByText('Every business customer solves their own problem in the portal.').waitFor() },
    { name: 'dashboard gadget (member)', query: 'surface=gadget&user=member&project=PV', ready: (a) => a.getByText('Every business customer solves their own problem in the portal.').waitFor() },
    { name: 'dashboard gadget edit (admin)', query: 'surface=gadget-edit&user=admin&project=PV', ready: (a) => a.locator('#gd-project option[value="10000"]').waitFor({ state: 'attached' }) },
  ];

  it('has no serious or critical WCAG 2.1 A/AA violation on any surface, light or dark', async () => {
    const counts: Record<string, string> = {};
    const serious: Record<string, Finding[]> = {};
    for (const theme of ['light', 'dark']) {
      for (const surface of SURFACES) {
        const app = await session.open(`${surface.query}${theme === 'dark' ? '&theme=dark' : ''}`);
        await settled(app);
        await surface.ready(app);
        const found = await axeIn(await frameOf());
        const by = (impact: string) => found.filter((f) => f.impact === impact).length;
        const key = `${surface.name}, ${theme}`;
        counts[key] = `critical ${by('critical')}, serious ${by('serious')}, moderate ${by('moderate')}, minor ${by('minor')}`;
        const bad = found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
        if (bad.length) serious[key] = bad;
      }
    }
    console.log(`axe (rules violated, by impact):\n${Object.entries(counts).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    if (Object.keys(serious).length) console.log(JSON.stringify(serious, null, 2));
    expect(serious).toEqual({});
  }, 180_000);

  it('has no serious or critical violation with forms, dialogs and sections open, light or dark', async () => {
    const counts: Record<string, string> = {};
    const serious: Record<string, Finding[]> = {};
    const check = async (state: string) => {
      const found = await axeIn(await frameOf());
      const by = (impact: string) => found.filter((f) => f.impact === impact).length;
      counts[state] = `critical ${by('critical')}, serious ${by('serious')}, moderate ${by('moderate')}, minor ${by('minor')}`;
      const bad = found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
      if (bad.length) serious[state] = bad;
    };
    for (const theme of ['light', 'dark']) {
      const app = await session.open(`surface=settings&user=admin&project=PV${theme === 'dark' ? '&theme=dark' : ''}`);
      await settled(app);
      await app.getByRole('button', { name: 'Add goal' }).click();
      await app.getByRole('button', { name: 'Add KPI to Halve support calls' }).click();
      await app.getByRole('form', { name: 'Add a KPI to “Halve support calls”' }).waitFor();
      await check(`settings, goal and KPI forms open, ${theme}`);
      await app.getByRole('button', { name: 'Delete goal Halve support calls' }).click();
      const dialog = app.getByRole('dialog');
      await dialog.waitFor();
      await check(`settings, delete-goal dialog, ${theme}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await app.getByRole('button', { name: 'Show alignment report' }).click();
      await app.getByRole('button', { name: 'Show launches and outcomes' }).click();
      await app.getByRole('heading', { name: 'Portal 1.0' }).waitFor();
      await app.getByRole('button', { name: 'Record a launch' }).click();
      await app.getByRole('button', { name: 'Add iteration' }).click();
      await app.getByRole('button', { name: 'Open iteration +30 days' }).click();
      await app.getByRole('form', { name: 'Add a measurement' }).waitFor();
      await settled(app);
      await check(`settings, alignment, launch, iteration and forms open, ${theme}`);

      const project = await session.open(`surface=project-page&user=member&project=PV${theme === 'dark' ? '&theme=dark' : ''}`);
      await settled(project);
      await project.getByRole('button', { name: 'Show launches and outcomes' }).click();
      await project.getByRole('button', { name: 'Open iteration +30 days' }).click();
      await project.getByRole('region', { name: /Iteration “\+30 days”/ }).waitFor();
      await settled(project);
      await check(`project page (member), launch and iteration open, ${theme}`);

      // Feedback: the member's form on the project page and the issue panel, the admin's triage.
      const dark = theme === 'dark' ? '&theme=dark' : '';
      await project.getByRole('button', { name: 'Give feedback' }).click();
      await project.getByRole('form', { name: 'Give feedback' }).waitFor();
      await check(`project page (member), give-feedback form open, ${theme}`);
      const panel = await session.open(`surface=issue-panel&user=member&project=PV${dark}`);
      await settled(panel);
      await panel.getByRole('button', { name: 'Give feedback' }).click();
      await panel.getByRole('form', { name: 'Give feedback' }).waitFor();
      await check(`issue panel (member), give-feedback form open, ${theme}`);
      await admin('feedback/create', { source: 'survey', text: 'The portal answered my question.', sentiment: 'positive', goalId: null, kpiId: null, iteration: null });
      const triage = await session.open(`surface=project-page&user=admin&project=PV${dark}`);
      await settled(triage);
      await triage.getByRole('button', { name: 'Show feedback' }).click();
      await triage.locator('.fb-list li').first().getByRole('button', { name: 'Classify' }).click();
      await triage.getByRole('form', { name: 'Classify feedback' }).waitFor();
      await settled(triage);
      await check(`project page (admin), feedback triage open, ${theme}`);
    }
    console.log(`axe in open states (rules violated, by impact):\n${Object.entries(counts).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    if (Object.keys(serious).length) console.log(JSON.stringify(serious, null, 2));
    expect(serious).toEqual({});
  }, 180_000);

  /** What has focus inside the frame: its tag, role-ish name and whether it sits in an open dialog. */
  const focused = async () =>
    (await frameOf()).evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? 'none',
        name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 80),
        inDialog: !!el?.closest('dialog[open]'),
      };
    });

  /** Focus once the app has had two frames to move it (it moves focus on the frame after a render). */
  // Focus moves within the app's own budget (focusSoon: at most 10 frames after React renders): wait up to
  // 12 frames for it to leave the page's body, then report where it is.
  const focusedNext = async () => {
    await (await frameOf()).evaluate(
      () =>
        new Promise<void>((done) => {
          const wait = (left: number) => requestAnimationFrame(() => (left === 0 || document.activeElement !== document.body ? done() : wait(left - 1)));
          wait(12);
        }),
    );
    return focused();
  };

  it('works by keyboard: the confirm dialog keeps focus inside and closes on Escape; focus never falls to the page', async () => {
    const app = await session.open('surface=settings&user=admin&project=PV');
    await settled(app);
    // Start from the goal's Delete button (reached by Tab in real use), then keys only.
    await app.getByRole('button', { name: 'Delete goal Win business accounts' }).focus();
    await page.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'Delete goal “Win business accounts”?' });
    await dialog.waitFor();
    expect(await focused()).toEqual({ tag: 'button', name: 'Cancel', inDialog: true });
    // Tab and Shift+Tab cycle inside the dialog, never out to the page or the host.
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      expect(f.inDialog).toBe(true);
      seen.push(f.name);
    }
    expect(seen).toEqual(['Delete goal', 'Cancel', 'Delete goal', 'Cancel']);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused()).inDialog).toBe(true);
    }
    // Escape closes it and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused()).toEqual({ tag: 'button', name: 'Delete goal Win business accounts', inDialog: false });
    // Confirming deletes the goal; its button is gone, so focus goes to "Add goal".
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect((await focused()).name).toBe('Delete goal');
    await page.keyboard.press('Enter');
    await app.getByText('Deleted goal “Win business accounts”.').waitFor();
    expect(await focusedNext()).toEqual({ tag: 'button', name: 'Add goal', inDialog: false });

    // Escape cancels an inline goal form and a KPI form; focus returns to their openers.
    await page.keyboard.press('Enter');
    await app.getByRole('form', { name: 'Add a business goal' }).waitFor();
    await page.keyboard.press('Escape');
    await app.getByRole('form', { name: 'Add a business goal' }).waitFor({ state: 'detached' });
    expect((await focusedNext()).name).toBe('Add goal');
    await app.getByRole('button', { name: 'Add KPI to Halve support calls' }).focus();
    await page.keyboard.press('Enter');
    await app.getByRole('form', { name: 'Add a KPI to “Halve support calls”' }).waitFor();
    await page.keyboard.press('Escape');
    await app.getByRole('form', { name: 'Add a KPI to “Halve support calls”' }).waitFor({ state: 'detached' });
    expect((await focusedNext()).name).toBe('Add KPI to Halve support calls');
  }, 60_000);

  it('keeps focus on a sensible element after opening and cancelling "Record a launch" and "Add iteration", closing an iteration and deleting the launch', async () => {
    const app = await session.open('surface=settings&user=admin&project=PV');
    await settled(app);
    await app.getByRole('button', { name: 'Show launches and outcomes' }).focus();
    await page.keyboard.press('Enter');
    await app.getByRole('heading', { name: 'Portal 1.0' }).waitFor();

    await app.getByRole('button', { name: 'Record a launch' }).focus();
    await page.keyboard.press('Enter');
    await app.getByRole('form', { name: 'Record a launch' }).waitFor();
    expect(await focusedNext()).toEqual({ tag: 'h4', name: 'Record a launch', inDialog: false });
    await app.getByRole('form', { name: 'Record a launch' }).getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    expect(await focusedNext()).toEqual({ tag: 'button', name: 'Record a launch', inDialog: false });

    await app.getByRole('button', { name: 'Add iteration' }).focus();
    await page.keyboard.press('Enter');
    const adding = app.getByRole('form', { name: 'Add an iteration' });
    await adding.waitFor();
    expect((await focusedNext()).tag).toBe('h4');
    await adding.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    expect(await focusedNext()).toEqual({ tag: 'button', name: 'Add iteration', inDialog: false });

    await app.getByRole('button', { name: 'Open iteration +30 days' }).focus();
    await page.keyboard.press('Enter');
    const card = app.getByRole('region', { name: /Iteration “\+30 days”/ });
    await card.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    expect((await focusedNext()).name).toBe('Open iteration +30 days');

    // Deleting the launch (confirmed in its dialog) removes its buttons: focus goes to "Record a launch".
    await app.getByRole('button', { name: 'Delete launch' }).focus();
    await page.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'Delete the launch “Portal 1.0”?' });
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ tag: 'button', name: 'Delete launch', inDialog: true });
    await page.keyboard.press('Enter');
    await app.getByText('Deleted the launch “Portal 1.0”.').waitFor();
    expect(await focusedNext()).toEqual({ tag: 'button', name: 'Record a launch', inDialog: false });
  }, 60_000);
});
