/**
 * One truth, in a real browser, in the preview with its demo data: a goal set from the issue panel and
 * one set from the alignment report, in PV (epics) and in MOB (whose epic level is called "Feature"),
 * then the project page's tile, the report's headline, its epics per goal, the trend's last point, the
 * issue panel and the Confluence macro all show the same numbers, in the project's own words.
 */
import type { FrameLocator } from 'playwright-core';
import type { Preview } from '../../preview/preview-app';
import { MACRO_LOCAL_ID } from '../../preview/contexts';
import { startPreviewSession, type PreviewSession } from '../support/preview-session';

const MOB = { id: '10001', key: 'MOB', type: 'software' };
const PV = { id: '10000', key: 'PV', type: 'software' };

describe('every surface shows the same alignment figures', () => {
  let session: PreviewSession;
  let preview: Preview;

  const as = async (project: typeof PV, functionKey: string, payload: unknown) => {
    const context = { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project } };
    const { body } = await preview.invoke({ functionKey, payload, context, accountId: preview.users.admin });
    if (!(body as { ok?: boolean }).ok) throw new Error(`${functionKey}: ${JSON.stringify(body)}`);
    return (body as { data: any }).data;
  };

  beforeAll(async () => {
    session = await startPreviewSession({ demoData: true, timeoutMs: 20_000 });
    ({ preview } = session);
    // MOB gets a published vision and a second goal, so a feature can move between goals.
    const book = await as(MOB, 'project/load', {});
    await as(MOB, 'goal/create', { goal: { title: 'Sell in stores', description: '', ownerAccountId: preview.users.admin, status: 'active', targetDate: '2027-06-30' }, baseRevision: book.goalBook.revision });
    await as(MOB, 'vision/save', { statement: 'The app works wherever our customers are.', targetUsers: 'Field staff', problem: 'No signal on site.', valueProposition: 'Offline first.', horizon: '2028', baseRevision: 0 });
    await as(MOB, 'vision/publish', { baseRevision: 1, changeNote: 'First.' });
    // The demo data snapshots PV only: count MOB's features once (the preview's queue runs the pass).
    await as(MOB, 'alignment/rescan', {});
    for (let i = 0; i < 100 && (await as(MOB, 'alignment/report', {})).scan?.state !== 'done'; i++) await new Promise((r) => setTimeout(r, 100));
  }, 180_000);

  afterAll(() => session?.close());

  const configureMacro = async (project: typeof PV, name: string) => {
    const res = await fetch(`${session.url}/preview/macro-config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ localId: MACRO_LOCAL_ID, config: { projectId: project.id, projectKey: project.key, projectName: name, sections: ['goals', 'coverage'], version: 'latest' } }),
    });
    expect(res.ok).toBe(true);
  };

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

  async function everySurfaceSays(project: typeof PV, name: string, o: { aligned: number; epics: number; many: string; perGoal: Array<[string, string]>; oneSnapshot?: boolean }) {
    const pct = `${Math.round((100 * o.aligned) / o.epics)}%`;
    const sentence = `of ${o.many} serve a business goal — ${o.aligned} of ${o.epics}`;
    // The project page: the at-a-glance tile and the closed report's line.
    const page = await session.open(`surface=project-page&user=member&project=${project.key}`);
    const tile = page.locator('.pv-glance-tile', { hasText: 'aligned' });
    await tile.getByText(pct, { exact: true }).waitFor();
    await tile.getByText(`${o.aligned} of ${o.epics}`).waitFor();
    await page.getByText(`${pct} ${sentence}`).first().waitFor();
    // The report: headline, epics per goal, the trend's last point.
    await page.getByRole('button', { name: 'Show alignment report' }).click();
    await page.locator('.pv-headline').getByText(sentence).waitFor();
    for (const [goal, count] of o.perGoal) await page.locator('.pv-bars li', { hasText: goal }).getByText(count, { exact: true }).waitFor();
    // The trend ends at today's figures (a project with one day of snapshots has no line to draw yet).
    if (o.oneSnapshot) await page.getByText('The trend appears once there are two daily snapshots.').waitFor();
    else await page.locator('figcaption').getByText(new RegExp(`${pct} on [^%]*\\.$`)).waitFor();
    // The issue panel.
    const panel = await session.open(`surface=issue-panel&user=member&project=${project.key}`);
    await panel.getByText(`${pct} of ${o.many} in ${project.key} serve a business goal (${o.aligned} of ${o.epics})`, { exact: false }).waitFor();
    // The Confluence macro, as a reader.
    await configureMacro(project, name);
    await showsSoon(`surface=macro&user=member&project=${project.key}`, sentence);
  }

  it('PV: a goal moved on the issue panel and one set in the report show the same everywhere', async () => {
    await everySurfaceSays(PV, 'Customer Portal', { aligned: 5, epics: 8, many: 'epics', perGoal: [] });

    // The panel opens on PV-1: move it to another goal.
    const panel = await session.open('surface=issue-panel&user=admin&project=PV');
    await panel.getByText('This epic serves').waitFor();
    await panel.getByLabel('Change the goal').selectOption({ label: 'Win business accounts' });
    await panel.getByRole('button', { name: /Save goal|Save/ }).first().click();
    await panel.getByText('Saved: this epic serves “Win business accounts”.').first().waitFor();

    const report = await session.open('surface=project-page&user=admin&project=PV');
    await report.getByRole('button', { name: 'Show alignment report' }).click();
    await report.getByLabel('Goal for PV-7', { exact: true }).selectOption({ label: 'Halve support calls' });
    await report.getByRole('button', { name: 'Set goal for PV-7' }).click();
    await report.getByText('of epics serve a business goal — 6 of 8').first().waitFor();

    await everySurfaceSays(PV, 'Customer Portal', { aligned: 6, epics: 8, many: 'epics', perGoal: [['No business goal', '2 epics']] });
  });

  it('MOB: the same, in its own words (features)', async () => {
    const before = await session.open('surface=project-page&user=member&project=MOB');
    await before.getByText(/of features serve a business goal — \d+ of \d+/).first().waitFor();
    const text = (await before.getByText(/of features serve a business goal — \d+ of \d+/).first().textContent()) ?? '';
    const [, aligned, epics] = /— (\d+) of (\d+)/.exec(text)!.map(Number);

    const panel = await session.open('surface=issue-panel&user=admin&project=MOB');
    await panel.getByText('This feature serves').waitFor();
    await panel.getByLabel('Change the goal').selectOption({ label: 'Sell in stores' });
    await panel.getByRole('button', { name: /Save goal|Save/ }).first().click();
    await panel.getByText('Saved: this feature serves “Sell in stores”.').first().waitFor();

    const report = await session.open('surface=project-page&user=admin&project=MOB');
    await report.getByRole('button', { name: 'Show alignment report' }).click();
    await report.getByRole('heading', { name: /Unaligned features/ }).waitFor();
    await report.getByLabel('Goal for MOB-2', { exact: true }).selectOption({ label: 'Work offline' });
    await report.getByRole('button', { name: 'Set goal for MOB-2' }).click();
    await report.getByText(`of features serve a business goal — ${aligned! + 1} of ${epics}`).first().waitFor();

    await everySurfaceSays(MOB, 'Mobile App', {
      aligned: aligned! + 1,
      epics: epics!,
      many: 'features',
      perGoal: [['Sell in stores', '1 feature'], ['Work offline', '1 feature']],
      oneSnapshot: true,
    });
  });
});
