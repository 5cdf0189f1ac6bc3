/**
 * Forge documents no order for query results. Under jest the local store hands pages out in reverse key
 * order (sqlite-store.ts), so each check here fails if its use case takes "newest" or "earliest" from the
 * order of a query rather than from a kept pointer or a sort in code.
 */
import { createTestApp, visionInput } from '../../test/support/local-app';
import { IDS, ITERATION_30, seededPostLaunch } from '../../test/support/post-launch';
import { SUMMARY_PROPERTY } from '../contract/vision/publishing';
import { plKeys } from './post-launch-keys';
import { storageKeys } from './keys';

async function publishThree() {
  const app = createTestApp();
  const must = async (key: Parameters<typeof app.call>[1], payload: unknown) => {
    const r = await app.call('admin', key, payload);
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  for (let n = 1; n <= 3; n++) {
    await must('vision/save', { ...visionInput(n - 1), statement: `Vision ${n}` });
    await must('vision/publish', { baseRevision: n, changeNote: `note ${n}` });
  }
  return { app, must };
}

const published = (data: { published: { version: number } | null }) => data.published?.version;

describe('the newest published version (kept in the head, not taken from query order)', () => {
  it('loads, and lists in the summary, the newest version first', async () => {
    const { app, must } = await publishThree();
    expect(published(await must('project/load', {}))).toBe(3);
    const summary = app.site.projects.find((p) => p.key === 'PV')!.properties.get(SUMMARY_PROPERTY) as { version: number; versions: { version: number }[] };
    expect(summary.version).toBe(3);
    expect(summary.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('builds the head once for a project stored before heads existed, from all its versions', async () => {
    const { app, must } = await publishThree();
    await app.store.delete(storageKeys.publishedHead('10000'));
    expect(published(await must('project/load', {}))).toBe(3);
    await expect(app.store.get(storageKeys.publishedHead('10000'))).resolves.toMatchObject({
      current: { version: 3 },
      recent: [{ version: 3 }, { version: 2 }, { version: 1 }],
    });
    app.store.resetCalls();
    await must('project/load', {});
    // Built once: no query left (the newest feedback is a document of its own).
    expect(app.store.calls.query).toBe(0);
  });

  it('rolls a head left behind forward on the next publish: the conflict shows the version it missed', async () => {
    const { app, must } = await publishThree();
    const behind = await app.store.get(storageKeys.publishedHead('10000'));
    await must('vision/save', { ...visionInput(3), statement: 'Vision 4' });
    await must('vision/publish', { baseRevision: 4, changeNote: 'note 4' });
    await app.store.set(storageKeys.publishedHead('10000'), behind); // as if the copy after the claim had stopped
    await must('vision/save', { ...visionInput(4), statement: 'Vision 5' });
    const r = await app.call('admin', 'vision/publish', { baseRevision: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toMatchObject({ current: { version: 4 } });
    expect(published(await must('project/load', {}))).toBe(4);
    await expect(app.store.get(storageKeys.publishedHead('10000'))).resolves.toMatchObject({ recent: [{ version: 4 }, { version: 3 }, { version: 2 }, { version: 1 }] });
  });
});

describe('post-launch lists and the chart (sorted in code)', () => {
  it('lists feedback and decisions newest first within a page', async () => {
    const { app, clock } = await seededPostLaunch();
    clock.at = new Date(clock.at.getTime() + 60_000);
    await app.call('admin', 'feedback/create', { source: 'survey', text: 'Later feedback', sentiment: 'neutral', goalId: null, kpiId: null, iteration: ITERATION_30 });
    await app.call('admin', 'iteration/decide', { ...ITERATION_30, kind: 'decision', text: 'Later decision' });
    for (const r of [await app.call('member', 'feedback/list', {}), await app.call('member', 'feedback/list', { iteration: ITERATION_30 })]) {
      expect(r.ok && r.data.items.map((f: { text: string }) => f.text)[0]).toBe('Later feedback');
    }
    const decisions = await app.call('member', 'iteration/decisions', ITERATION_30);
    expect(decisions.ok && decisions.data.items.map((d: { text: string }) => d.text)).toEqual(['Later decision', 'Add SMS as a second reset channel.']);
    const view = await app.call('member', 'iteration/load', ITERATION_30);
    expect(view.ok && view.data.feedback.items[0].text).toBe('Later feedback');
    expect(view.ok && view.data.decisions.items[0].text).toBe('Later decision');
  });

  it("takes a KPI's earliest year from all its year buckets", async () => {
    const { app } = await seededPostLaunch();
    for (const year of [2021, 2019, 2023]) await app.store.set(plKeys.bucket('10000', IDS.calls, year), { rev: 1, kpiId: IDS.calls, year, days: {} });
    const r = await app.call('member', 'kpi/chart', { kpiId: IDS.calls });
    expect(r.ok && r.data.earliestYear).toBe(2019);
  });
});
