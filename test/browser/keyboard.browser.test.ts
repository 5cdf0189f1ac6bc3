/**
 * Every workflow by keyboard alone, in a real browser on the preview: Tab (never a click) to reach each
 * control, typing, Space, arrow keys, Enter and Escape. After each step the element with focus is checked:
 * it is never <body> (focus is not lost after closing, cancelling or deleting) and it shows a focus
 * indicator (a computed outline or box-shadow). Then one error state per surface, checked with axe: the
 * error is announced (role=alert or a live region) and adds no serious or critical violation.
 */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { startPreviewSession, type PreviewSession } from '../support/preview-session';
import { axeViolations, isSerious, surfaceFrame } from '../support/axe';


interface Focus {
  tag: string;
  name: string;
  /** A visible focus indicator: outline or box-shadow, as computed. */
  indicator: string;
}

describe('keyboard only, with visible focus that is never lost', () => {
  let session: PreviewSession;
  let page: Page;
  const steps: string[] = [];

  const admin = (functionKey: string, payload: unknown) => session.admin(functionKey, payload);

  beforeAll(async () => {
    session = await startPreviewSession({ timeoutMs: 15_000 });
    ({ page } = session);
  }, 60_000);

  afterAll(async () => {
    console.log(`keyboard steps checked (${steps.length}):\n${steps.map((s) => `  ${s}`).join('\n')}`);
    await session?.close();
  });

  const frameOf = () => surfaceFrame(page);

  const settled = async (app: FrameLocator) => {
    await app.locator('body *').first().waitFor();
    await app.locator('.pv-state[role="status"]').waitFor({ state: 'detached' });
  };

  /** What has focus in the frame, after the app has had two frames to move it. */
  const focus = async (): Promise<Focus> => {
    const frame = await frameOf();
    // The app moves focus once it has rendered: give it up to 15 frames to land somewhere other than <body>.
    await frame.evaluate(
      () =>
        new Promise<void>((done) => {
          let frames = 0;
          const tick = () => (document.activeElement && document.activeElement !== document.body) || ++frames > 15 ? done() : requestAnimationFrame(tick);
          requestAnimationFrame(tick);
        }),
    );
    return frame.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { tag: el ? 'body' : 'none', name: '', indicator: 'none' };
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? `outline ${s.outlineWidth} ${s.outlineStyle}` : '';
      const shadow = s.boxShadow && s.boxShadow !== 'none' ? 'box-shadow' : '';
      const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      return { tag: el.tagName.toLowerCase(), name: label.trim().replace(/\s+/g, ' ').slice(0, 80), indicator: outline || shadow || 'none' };
    });
  };

  /** The step's focus: on an element (not <body>), with a visible indicator. */
  const visibleFocus = async (step: string, name?: string | RegExp): Promise<Focus> => {
    const f = await focus();
    steps.push(`${step}: ${f.tag} “${f.name}” (${f.indicator})`);
    expect({ step, tag: f.tag === 'body' || f.tag === 'none' ? 'lost' : 'element', indicator: f.indicator === 'none' ? 'none' : 'visible' }).toEqual({
      step,
      tag: 'element',
      indicator: 'visible',
    });
    if (typeof name === 'string') expect({ step, name: f.name }).toEqual({ step, name });
    else if (name) expect({ step, name: f.name }).toEqual({ step, name: expect.stringMatching(name) });
    return f;
  };

  /** Presses Tab until `target` has focus (at most `max` times): how a keyboard user gets there. */
  const tabTo = async (target: Locator, max = 120, back = false) => {
    await target.first().waitFor();
    for (let i = 0; i < max; i++) {
      if (await target.first().evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${target}`);
  };

  /** Starts a surface with focus inside its frame, as a user who tabbed into it from the host page. */
  const openSurface = async (query: string) => {
    const app = await session.open(query);
    await settled(app);
    await (await frameOf()).evaluate(() => document.body.focus());
    return app;
  };

  it('edits and publishes the vision, adds a goal and a KPI (settings page)', async () => {
    const app = await openSurface('surface=settings&user=admin&project=PV');
    await tabTo(app.getByLabel('Vision statement'));
    await visibleFocus('vision statement field', /Vision statement/);
    await page.keyboard.type('Every customer solves their own problem in under five minutes.');
    await tabTo(app.getByLabel('Horizon'));
    await page.keyboard.type('2028');
    await tabTo(app.getByRole('button', { name: 'Save vision' }));
    await visibleFocus('Save vision button', 'Save vision');
    await page.keyboard.press('Enter');
    await app.getByText('✓ Saved').waitFor();
    await visibleFocus('after saving the vision');

    await tabTo(app.getByRole('button', { name: 'Publish version 1' }));
    await visibleFocus('Publish button', /Publish version 1/);
    await page.keyboard.press('Enter');
    await app.getByText('Published version 1').waitFor();
    await visibleFocus('after publishing');

    await tabTo(app.getByRole('button', { name: 'Add goal' }));
    await page.keyboard.press('Enter');
    const goalForm = app.getByRole('form', { name: 'Add a business goal' });
    await goalForm.waitFor();
    await visibleFocus('goal form opened');
    // Escape cancels the form; focus goes back to "Add goal".
    await page.keyboard.press('Escape');
    await goalForm.waitFor({ state: 'detached' });
    await visibleFocus('goal form cancelled with Escape', 'Add goal');
    await page.keyboard.press('Enter');
    await goalForm.waitFor();
    await tabTo(goalForm.getByLabel('Title'));
    await page.keyboard.type('Cut support calls');
    await page.keyboard.press('Enter');
    await app.getByText('Added goal “Cut support calls”.').waitFor();
    await visibleFocus('after adding the goal');

    await tabTo(app.getByRole('button', { name: 'Add KPI to Cut support calls' }));
    await page.keyboard.press('Enter');
    const kpiForm = app.getByRole('form', { name: 'Add a KPI to “Cut support calls”' });
    await kpiForm.waitFor();
    await visibleFocus('KPI form opened');
    await tabTo(kpiForm.getByLabel('Name'));
    await page.keyboard.type('Support calls per week');
    await tabTo(kpiForm.getByLabel('Unit'));
    await page.keyboard.type('calls');
    await tabTo(kpiForm.getByLabel('Direction'));
    await visibleFocus('KPI direction select', /Direction/);
    // A closed <select> changes with the arrow keys: increase → decrease.
    await page.keyboard.press('ArrowDown');
    expect(await kpiForm.getByLabel('Direction').inputValue()).toBe('decrease');
    await tabTo(kpiForm.getByLabel('Baseline'));
    await page.keyboard.type('1200');
    await tabTo(kpiForm.getByLabel('Target'));
    await page.keyboard.type('1500');
    await page.keyboard.press('Enter');
    // The server's refusal is shown next to the field and announced.
    await kpiForm.getByText('To decrease, the target must be below the baseline.', { exact: true }).waitFor();
    expect(await kpiForm.locator('[role="alert"], [aria-live]').count()).toBeGreaterThan(0);
    await visibleFocus('after a refused KPI');
    await tabTo(kpiForm.getByLabel('Target'), 40, true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('600');
    await page.keyboard.press('Enter');
    await app.getByText('Added KPI “Support calls per week”', { exact: false }).waitFor();
    await visibleFocus('after adding the KPI');
  }, 120_000);

  it('sets a goal on an epic in the issue panel, and on several epics at once in the alignment report', async () => {
    const panel = await openSurface('surface=issue-panel&user=member&project=PV');
    const select = panel.locator('.pv-picker select');
    await tabTo(select);
    await visibleFocus('issue panel goal select');
    await page.keyboard.press('ArrowDown');
    await tabTo(panel.getByRole('button', { name: /Save|Set goal/ }));
    await visibleFocus('issue panel save button');
    await page.keyboard.press('Enter');
    await panel.getByText(/Saved: this epic serves “Cut support calls”/).first().waitFor();
    await visibleFocus('after setting the goal on the panel');

    const app = await openSurface('surface=project-page&user=member&project=PV');
    await tabTo(app.getByRole('button', { name: 'Show alignment report' }));
    await page.keyboard.press('Enter');
    const batch = app.getByRole('group', { name: /Set one goal on several/ });
    await batch.waitFor();
    // Select two epics with Space, then choose the goal and set it on both.
    const boxes = app.locator('.pv-epic-check');
    await tabTo(boxes.nth(0));
    await visibleFocus('first epic checkbox', /Select PV-/);
    await page.keyboard.press('Space');
    await tabTo(boxes.nth(1));
    await page.keyboard.press('Space');
    const picked = await app.locator('.pv-epic-check:checked').count();
    expect(picked).toBe(2);
    await tabTo(batch.locator('select'), 200, true);
    await visibleFocus('batch goal select', /Goal for the selected/);
    await page.keyboard.press('ArrowDown');
    await tabTo(batch.getByRole('button', { name: 'Set goal on 2 selected' }));
    await page.keyboard.press('Enter');
    await batch.getByText(/2 epics now serve “Cut support calls”/).waitFor();
    await visibleFocus('after setting the goal on two epics (their rows left the list)');
    // "Select all on this page" selects every row; the epics' goals link to Jira's search.
    await tabTo(batch.getByLabel(/Select all \d+ on this page/), 40, true);
    await page.keyboard.press('Space');
    expect(await app.locator('.pv-epic-check:checked').count()).toBe(await app.locator('.pv-epic-check').count());
    await visibleFocus('select all checkbox', /Select all/);
  }, 120_000);

  it('records a launch and a measurement (settings page)', async () => {
    const app = await openSurface('surface=settings&user=admin&project=PV');
    await tabTo(app.getByRole('button', { name: 'Show launches and outcomes' }));
    await page.keyboard.press('Enter');
    await tabTo(app.getByRole('button', { name: 'Record a launch' }));
    await page.keyboard.press('Enter');
    const form = app.getByRole('form', { name: 'Record a launch' });
    await form.waitFor();
    await visibleFocus('launch form opened');
    await tabTo(form.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await visibleFocus('launch form cancelled', 'Record a launch');
    await page.keyboard.press('Enter');
    await form.waitFor();
    await tabTo(form.getByLabel('Name'));
    await page.keyboard.type('Portal 1.0');
    await tabTo(form.getByLabel('Launch date'));
    await visibleFocus('launch date field', /Launch date/);
    // Chromium's date field takes the digits of its segments, in the browser's order (en-US: mm dd yyyy).
    await page.keyboard.type('06302025');
    expect(await form.getByLabel('Launch date').inputValue()).toBe('2025-06-30');
    await tabTo(form.getByRole('checkbox'));
    await visibleFocus('iterations checkbox');
    // Space toggles it (it starts checked); twice leaves the +30/+60/+90 iterations on.
    await page.keyboard.press('Space');
    expect(await form.getByRole('checkbox').isChecked()).toBe(false);
    await page.keyboard.press('Space');
    expect(await form.getByRole('checkbox').isChecked()).toBe(true);
    await tabTo(form.getByRole('button', { name: 'Record launch' }));
    await page.keyboard.press('Enter');
    await app.getByRole('heading', { name: 'Portal 1.0' }).waitFor();
    await visibleFocus('after recording the launch');

    await tabTo(app.getByRole('button', { name: 'Open iteration +30 days' }));
    await page.keyboard.press('Enter');
    const measure = app.getByRole('form', { name: 'Add a measurement' });
    await measure.waitFor();
    await settled(app);
    await tabTo(measure.getByLabel('Date'));
    await page.keyboard.type('07152025');
    await tabTo(measure.getByLabel(/Value/));
    await visibleFocus('measurement value field', /Value/);
    await page.keyboard.type('1,100');
    await page.keyboard.press('Enter');
    await app.getByText(/1,100|1100/).first().waitFor();
    await visibleFocus('after adding the measurement');

    const card = app.getByRole('region', { name: /Iteration “\+30 days”/ });
    await tabTo(card.getByRole('button', { name: 'Close' }));
    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    await visibleFocus('after closing the iteration', 'Open iteration +30 days');
  }, 120_000);

  it('configures the macro (macro config screen)', async () => {
    const app = await openSurface('surface=macro-config&user=admin&project=PV');
    const projects = app.locator('#pv-c-project');
    await projects.locator('option[value="10000"]').waitFor({ state: 'attached' });
    await tabTo(projects);
    await visibleFocus('project list', /Jira project/);
    // A list box: the arrow keys move the choice, from the first project down to PV.
    await page.keyboard.press('Home');
    for (let i = 0; i < 10 && (await projects.inputValue()) !== '10000'; i++) await page.keyboard.press('ArrowDown');
    expect(await projects.inputValue()).toBe('10000');
    const first = app.locator('.pv-c-check input').first();
    await tabTo(first);
    await visibleFocus('first section checkbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await tabTo(app.getByRole('button', { name: 'Save' }));
    await visibleFocus('Save button', 'Save');
    await page.keyboard.press('Enter');
    // Confluence closes the config panel and shows the macro in the editor (the host's page then owns focus).
    await page.waitForURL(/surface=macro-editor/);
    await page.frameLocator('#surface').getByText('Every customer solves their own problem in under five minutes.').waitFor();
  }, 60_000);

  it('turns the Confluence readers opt-in on and off by keyboard (settings page)', async () => {
    const app = await openSurface('surface=settings&user=admin&project=PV');
    await tabTo(app.getByRole('button', { name: 'Show' }));
    await page.keyboard.press('Enter');
    const box = app.getByLabel('Show the published vision to everyone who can view the Confluence page');
    await tabTo(box);
    await visibleFocus('open readers checkbox', /Show the published vision/);
    await page.keyboard.press('Space');
    await app.getByText('Saved: Confluence readers without access to this Jira project now see the published vision.').waitFor();
    expect(await box.isChecked()).toBe(true);
    await visibleFocus('after turning it on');
    await page.keyboard.press('Space');
    await app.getByText('Saved: only people who can browse this Jira project see the vision in Confluence.').waitFor();
    expect(await box.isChecked()).toBe(false);
    await visibleFocus('after turning it off');
  }, 60_000);

  /* ---------- one error state per surface: announced, and no serious or critical axe violation ---------- */

  const axeSerious = async (frame: Frame) => (await axeViolations(frame)).filter(isSerious).map((v) => v.id);
  const announced = (app: FrameLocator, text: RegExp) => app.locator('[role="alert"], [aria-live="polite"], [aria-live="assertive"], [role="status"]').filter({ hasText: text }).first();

  it('announces one error state per surface, with no serious or critical axe violation', async () => {
    const found: Record<string, string[]> = {};
    // Settings: a KPI refused by the server's rule.
    let app = await openSurface('surface=settings&user=admin&project=PV');
    await app.getByRole('button', { name: 'Add KPI to Cut support calls' }).focus();
    await page.keyboard.press('Enter');
    const kpiForm = app.getByRole('form', { name: 'Add a KPI to “Cut support calls”' });
    await kpiForm.getByLabel('Name').focus();
    await page.keyboard.press('Enter');
    await announced(app, /./).waitFor();
    found.settings = await axeSerious(await frameOf());

    // Project page (a viewer): the alignment report refuses them nothing, but a viewer's rescan is refused — use the outsider's page instead.
    app = await openSurface('surface=project-page&user=outsider&project=PV');
    await announced(app, /access/i).waitFor();
    found['project page (outsider)'] = await axeSerious(await frameOf());

    // Issue panel: a viewer may read but not set a goal; the outsider gets the no-access state.
    app = await openSurface('surface=issue-panel&user=outsider&project=PV');
    await announced(app, /access/i).waitFor();
    found['issue panel (outsider)'] = await axeSerious(await frameOf());

    // Macro config: saving with no section chosen.
    app = await openSurface('surface=macro-config&user=admin&project=PV');
    await app.locator('#pv-c-project option[value="10000"]').waitFor({ state: 'attached' });
    const checked = app.locator('.pv-c-check input[type="checkbox"]:checked');
    while ((await checked.count()) > 0) {
      await checked.first().focus();
      await page.keyboard.press('Space');
    }
    await app.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await announced(app, /section/i).waitFor();
    // Focus goes to the first field concerned (the first section's checkbox), described by the error.
    await visibleFocus('macro config refused with no section', 'Vision');
    found['macro config'] = await axeSerious(await frameOf());

    // Macro: the outsider gets the lock (the opt-in is off).
    app = await openSurface('surface=macro&user=outsider&project=PV');
    await announced(app, /access/i).waitFor();
    found['macro (outsider)'] = await axeSerious(await frameOf());

    console.log(`axe in error states (serious or critical): ${JSON.stringify(found)}`);
    expect(found).toEqual({ settings: [], 'project page (outsider)': [], 'issue panel (outsider)': [], 'macro config': [], 'macro (outsider)': [] });
  }, 120_000);

  void admin;
});
