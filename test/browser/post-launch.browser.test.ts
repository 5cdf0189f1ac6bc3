/**
 * Post-launch tracking in a real browser, in the preview: as the project admin, record a launch of a Jira
 * version, open its first iteration, add a measurement and feedback, and see the verdict and the KPI's
 * chart; bad input is refused next to its field. A member reads the same on the project page (dark).
 * Screenshots go to test-results/ (ignored by git).
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import { SHOTS, startPreviewSession, type PreviewSession } from '../support/preview-session';

const QUOTE = 'Resetting my password myself saved me a call.';

describe('post-launch tracking in the preview', () => {
  let session: PreviewSession;
  let page: Page;

  const admin = (functionKey: string, payload: unknown) => session.admin(functionKey, payload);

  beforeAll(async () => {
    session = await startPreviewSession();
    ({ page } = session);
    // Goals and KPIs are the foundation's (tested in vision-editing); write them directly.
    const book = await admin('goal/create', {
      goal: { title: 'Halve support calls', description: '', ownerAccountId: DEMO_USERS.admin, status: 'active', targetDate: '2027-12-31' },
      baseRevision: 0,
    });
    const goalId = book.goals[0].id;
    const withCalls = await admin('kpi/create', {
      kpi: { goalId, name: 'Support calls per week', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null },
      baseRevision: 1,
    });
    await admin('kpi/create', {
      kpi: { goalId, name: 'Customer satisfaction', unit: '', direction: 'increase', baseline: 3.9, target: 4.5, bandLow: null, bandHigh: null },
      baseRevision: 2,
    });
    await admin('kpi/measure', { kpiId: withCalls.kpis[0].id, date: '2025-06-20', value: 1250, note: 'Before the launch', baseRevision: 0 });
  }, 60_000);

  afterAll(() => session?.close());

  const open = (query: string): Promise<FrameLocator> => session.open(query);
  const invocations = async () => Number(await page.locator('#invocations').textContent());

  it('lets the admin record a launch, add a measurement and feedback to an iteration, and see the chart and the verdict', async () => {
    const app = await open('surface=settings&user=admin&project=PV');
    await app.getByRole('button', { name: 'Show launches and outcomes' }).waitFor();
    expect(await invocations()).toBe(1); // the page load is still one invoke: the section loads when opened
    await app.getByRole('button', { name: 'Show launches and outcomes' }).click();
    await app.getByText('No launches yet').waitFor();

    await app.getByRole('button', { name: 'Record a launch' }).click();
    const launchForm = app.getByRole('form', { name: 'Record a launch' });
    await launchForm.getByLabel('Jira version').selectOption('10100');
    expect(await launchForm.getByLabel('Launch date').inputValue()).toBe('2025-06-30');
    await launchForm.getByRole('button', { name: 'Record launch' }).click();
    await app.getByText('Recorded the launch “Portal 1.0”; KPI baselines captured.').waitFor();
    const summary = app.getByRole('table', { name: 'Outcome since the launch' });
    await summary.getByRole('row', { name: /Support calls per week/ }).getByText('1,250 calls').waitFor();
    // Its iterations (+30/+60/+90 days from 30 Jun 2025) ended long before today: none is labelled
    // current, and the last one says since when tracking stalled (nothing follows it).
    const iterations = app.locator('.pl-iterations');
    await iterations.getByText(/Tracking stalled since /).waitFor();
    expect(await iterations.locator('.pl-now').count()).toBe(0);
    expect(await iterations.locator('[aria-current]').count()).toBe(0);
    expect(await iterations.locator('li', { hasText: 'Tracking stalled since' }).getByRole('heading').textContent()).toBe('+90 days');
    // Dates left empty are refused next to their fields in the app's own style (the one date rule on the
    // server), not by the browser's popup.
    await app.getByRole('button', { name: 'Add iteration' }).click();
    const adding = app.getByRole('form', { name: 'Add an iteration' });
    await adding.getByLabel('Name').fill('Autumn');
    await adding.getByRole('button', { name: 'Add iteration' }).click();
    await adding.locator('.pv-error', { hasText: 'Enter a complete date, like Jun 30, 2027.' }).nth(1).waitFor();
    expect(await adding.locator('.pv-error').allTextContents()).toEqual(['Enter a complete date, like Jun 30, 2027.', 'Enter a complete date, like Jun 30, 2027.']);
    await adding.getByRole('button', { name: 'Cancel' }).click();

    await app.getByRole('button', { name: 'Open iteration +30 days' }).click();
    const measurement = app.getByRole('form', { name: 'Add a measurement' });
    // Bad input is refused next to its field: a value that is not a number (checked before sending)…
    await measurement.getByLabel('Value (calls)').fill('lots');
    await measurement.getByRole('button', { name: 'Add measurement' }).click();
    await measurement.getByText('Value must be a number, like 1180 or 4.2.', { exact: true }).waitFor();
    // The same style of error as every form: under the field (aria-invalid, described by it) and in an announced summary.
    await measurement.getByRole('alert').getByRole('button', { name: 'Value: Value must be a number, like 1180 or 4.2.' }).waitFor();
    expect(await measurement.getByLabel('Value (calls)').getAttribute('aria-invalid')).toBe('true');
    // …and a day outside the iteration (the server's rule).
    await measurement.getByLabel('Date').fill('2025-08-15');
    await measurement.getByLabel('Value (calls)').fill('1100');
    await measurement.getByRole('button', { name: 'Add measurement' }).click();
    await measurement.getByText('“+30 days” runs from 2025-07-01 to 2025-07-30.', { exact: true }).waitFor();
    await measurement.getByLabel('Date').fill('2025-07-20');
    await measurement.getByLabel('Note').fill('Reset flow live for everyone');
    await measurement.getByRole('button', { name: 'Add measurement' }).click();
    await app.getByText(/Recorded 1,100 calls for “Support calls per week”/).first().waitFor();
    const outcome = app.getByRole('table', { name: 'Outcome in this iteration' });
    await outcome.getByRole('row', { name: /Support calls per week/ }).getByText('Moved toward target').waitFor();

    const feedback = app.getByRole('form', { name: 'Add feedback' });
    await feedback.getByLabel('Sentiment').selectOption('positive');
    await feedback.getByLabel('About KPI').selectOption({ label: 'Support calls per week' });
    // Sent empty: the app's own field error, not the browser's popup (the form has noValidate).
    await feedback.getByRole('button', { name: 'Add feedback' }).click();
    await feedback.getByText('Feedback is required.', { exact: true }).waitFor();
    expect(await feedback.getByLabel('Quote or summary').getAttribute('aria-invalid')).toBe('true');
    // Typed with its own quote marks: shown in one pair.
    await feedback.getByLabel('Quote or summary').fill(`"${QUOTE}"`);
    await feedback.getByRole('button', { name: 'Add feedback' }).click();
    await app.getByText(`“${QUOTE}”`).waitFor();
    await app.getByText('1 item: 1 positive, 0 neutral, 0 negative').waitFor();

    // The launch summary and the chart follow.
    await summary.getByRole('row', { name: /Support calls per week/ }).getByText('Moved toward target').first().waitFor();
    await app.getByText(/Support calls per week: 2 measurements from/).waitFor();
    expect(await app.locator('.pl-chart-line').count()).toBe(1);
    expect(await app.locator('.pl-chart-launch').count()).toBe(1);
    expect(await app.locator('.pl-chart-window').count()).toBe(3);
    await app.getByText('How the verdict is decided').first().click();
    await app.getByText(/moved toward the target when it changed by more than 2%/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'post-launch-settings-admin.png'), fullPage: true });
  });

  it('shows a member the launch, its verdicts and the chart read-only on the project page (dark)', async () => {
    const app = await open('surface=project-page&user=member&project=PV&theme=dark');
    await app.getByRole('button', { name: 'Show launches and outcomes' }).click();
    await app.getByRole('heading', { name: 'Portal 1.0' }).waitFor();
    await app.getByRole('button', { name: 'Open iteration +30 days' }).click();
    // The iteration's feedback (the project's newest feedback lists it too, in its own section).
    await app.locator('.pl-list:not(.fb-list)').getByText(`“${QUOTE}”`).waitFor();
    await app.getByRole('table', { name: 'Outcome in this iteration' }).getByText('Moved toward target').waitFor();
    // An ended iteration is never current, on its own page either.
    expect(await app.locator('.pl-card p.pl-now').count()).toBe(0);
    // The state where it is shown at a glance and per KPI: the latest iteration ended with nothing after
    // it, and the KPI's last value (20 Jul 2025) is older than the review cadence (90 days).
    await app.locator('.pv-glance-tile', { hasText: 'Latest iteration' }).getByText(/Tracking stalled since /).waitFor();
    await app.locator('.pv-kpi', { hasText: 'Support calls per week' }).getByText(/Tracking stalled since /).waitFor();
    expect(await app.getByRole('button', { name: 'Record a launch' }).count()).toBe(0);
    expect(await app.getByRole('form', { name: 'Add a measurement' }).count()).toBe(0);
    await app.getByText(/Support calls per week: 2 measurements from/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'post-launch-project-page-member-dark.png'), fullPage: true });

    // The output shipped in "+60 days": Jira's count of the issues done in its dates, and the search itself.
    await app.getByRole('button', { name: 'Open iteration +60 days' }).click();
    await app.getByText('done in these dates').waitFor();
    expect(await app.locator('.pl-output-count').textContent()).toBe('2 issues');
    await app.getByRole('link', { name: 'See them in Jira' }).click();
    await page.getByRole('heading', { name: 'Issue search (simulated Jira)' }).waitFor();
    expect(await page.getByRole('cell', { name: /^PV-\d+$/ }).allTextContents()).toEqual(['PV-7', 'PV-18']);
  });

  it('reads numbers in the user’s locale, asks before saving a far-off value, and shows a JQL’s count before switching to it', async () => {
    const app = await open('surface=settings&user=admin&project=PV&locale=de_DE');
    await app.getByRole('button', { name: 'Launches und Ergebnisse anzeigen' }).click();
    await app.getByRole('button', { name: 'Iteration +30 Tage öffnen' }).click();
    const measurement = app.getByRole('form', { name: 'Messung hinzufügen' });
    // German (the whole UI is German): "," is the decimal separator and "." groups thousands.
    await measurement.getByLabel('Datum').fill('2025-07-25');
    await measurement.getByLabel('Wert (calls)').fill('1.150,5');
    await measurement.getByRole('button', { name: 'Messung hinzufügen' }).click();
    await app.getByText(/1\.150,5 calls für „Support calls per week“ am .* erfasst/).first().waitFor();
    await measurement.getByLabel('Wert (calls)').fill('1,5,0');
    await measurement.getByRole('button', { name: 'Messung hinzufügen' }).click();
    await measurement.getByText('Wert muss eine Zahl sein, z. B. 1180 oder 4,2.', { exact: true }).waitFor();

    // Far outside 600–1,200: the server asks, the form offers to save it marked; nothing was saved before.
    await measurement.getByLabel('Datum').fill('2025-07-26');
    await measurement.getByLabel('Wert (calls)').fill('-99.999.999.999');
    await measurement.getByRole('button', { name: 'Messung hinzufügen' }).click();
    await measurement.getByText('Weit außerhalb des Bereichs dieses KPIs').first().waitFor();
    // The server's question in German, its numbers in German digits.
    await measurement.getByText(/-99\.999\.999\.999 liegt weit außerhalb des Bereichs dieses KPI \(600 bis 1\.200\)/).waitFor();
    const before = await admin('kpi/measurement', { kpiId: (await admin('launch/overview', {})).kpis[0].id, date: '2025-07-26' });
    expect(before.current).toBeNull();
    await measurement.getByRole('button', { name: 'Als Ausreißer markiert speichern' }).click();
    await app.getByText(/-100\sMrd\. calls für „Support calls per week“/).first().waitFor();
    // The chart marks it, at its edge, off the line.
    await app.locator('.pl-chart-dot--confirmed').first().waitFor();

    // Switching a KPI to JQL: today's count and its effect first, saved only on the second press.
    await app.getByRole('button', { name: 'Customer satisfaction per JQL messen' }).click();
    const jqlForm = app.getByRole('form', { name: 'Automatische Messung von Customer satisfaction' });
    await jqlForm.getByLabel('JQL').fill('project = PV AND issuetype = Bug');
    await jqlForm.getByRole('button', { name: 'Jetzt zählen' }).click();
    await jqlForm.getByText(/^Heutige Anzahl: \d+$/).waitFor();
    await jqlForm.getByText(/Anders gemessen als heute/).waitFor();
    const sources = (await admin('launch/overview', {})).sources;
    expect(sources).toEqual([]); // the preview wrote nothing
    await jqlForm.getByRole('button', { name: /^JQL speichern \(heute: \d+\)$/ }).click();
    await app.getByText('Täglich per JQL:').waitFor();
    await app.getByLabel('KPI', { exact: true }).last().selectOption({ label: 'Customer satisfaction' });
    await app.locator('.pl-chart-switch').first().waitFor({ state: 'attached' }); // a vertical line: no width, never "visible"
    await app.getByText(/^Per JQL$/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'post-launch-numbers-de.png'), fullPage: true });
  });
});
