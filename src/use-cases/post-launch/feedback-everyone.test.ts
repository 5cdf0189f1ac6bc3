/**
 * Feedback from everyone who may browse the project: who may write, delete and triage it, that the
 * author is the caller and never the payload, the limits (every refusal a field error that writes
 * nothing), the epic from the issue panel's context, and when the project last heard from its users.
 */
import { DEMO_USERS } from '../../../devtools/simulated-jira/seed';
import { panelOn, visionInput, type Role } from '../../../test/support/local-app';
import { createMacroTestApp, PV_CONFIG } from '../../../test/support/macro-app';
import { fixedClock, IDS, ITERATION_30, seededPostLaunch } from '../../../test/support/post-launch';

const item = (over: Record<string, unknown> = {}) => ({ source: 'support', text: 'The export button is hard to find.', sentiment: 'negative', goalId: IDS.goal, kpiId: null, iteration: null, ...over });
type App = Awaited<ReturnType<typeof seededPostLaunch>>['app'];
const must = async (p: Promise<{ ok: boolean; data?: any; error?: any }>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
};
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const outcomeOf = async (app: App) => (await must(app.call('admin', 'iteration/load', ITERATION_30))).outcome.feedback;

describe('who may write feedback', () => {
  it.each<[Role, string]>([
    ['admin', 'ok'],
    ['member', 'ok'],
    ['viewer', 'ok'],
    ['siteAdmin', 'ok'],
    ['outsider', 'NO_ACCESS'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('as %s: %s, kept with the caller as its author', async (role, code) => {
    const { app } = await seededPostLaunch();
    const before = await app.snapshot();
    const r = await app.call(role, 'feedback/create', item());
    expect(codeOf(r)).toBe(code);
    if (r.ok) expect(r.data).toMatchObject({ by: DEMO_USERS[role as keyof typeof DEMO_USERS], text: 'The export button is hard to find.' });
    else expect(await app.snapshot()).toEqual(before);
  });

  it('never takes the author, date or id from the payload', async () => {
    const { app } = await seededPostLaunch();
    const before = await app.snapshot();
    for (const extra of [{ by: DEMO_USERS.admin }, { at: '2020-01-01T00:00:00.000Z' }, { id: 'mine' }]) {
      const r = await app.call('viewer', 'feedback/create', item(extra));
      expect(codeOf(r)).toBe('VALIDATION_FAILED');
    }
    expect(await app.snapshot()).toEqual(before);
  });

  it('takes 2,000 characters and refuses 2,001 with a field error that writes nothing', async () => {
    const { app } = await seededPostLaunch();
    expect((await must(app.call('member', 'feedback/create', item({ text: 'é'.repeat(2000) })))).text).toHaveLength(2000);
    const before = await app.snapshot();
    const r = await app.call('member', 'feedback/create', item({ text: 'é'.repeat(2001) }));
    expect(r.ok ? null : r.error.fields).toEqual([expect.objectContaining({ path: 'text', message: 'Feedback can be at most 2,000 characters.' })]);
    const blank = await app.call('member', 'feedback/create', item({ text: '   ' }));
    expect(blank.ok ? null : blank.error.fields).toEqual([expect.objectContaining({ path: 'text' })]);
    const gone = await app.call('member', 'feedback/create', item({ goalId: 'no-such-goal', kpiId: 'no-such-kpi' }));
    expect(gone.ok ? null : gone.error.fields?.map((f: { path: string }) => f.path)).toEqual(['goalId', 'kpiId']);
    expect(await app.snapshot()).toEqual(before);
  });

  it('from an epic’s issue panel, names that epic (from the context); elsewhere “about the epic” is a field error', async () => {
    const { app } = await seededPostLaunch();
    const fromPanel = await must(app.call('viewer', 'feedback/create', item({ aboutEpic: true }), panelOn(app.issue('PV-1'))));
    expect(fromPanel).toMatchObject({ epicKey: 'PV-1', goalId: IDS.goal, by: DEMO_USERS.viewer });
    // From a story's panel: about the story's epic.
    const fromStory = await must(app.call('member', 'feedback/create', item({ aboutEpic: true }), panelOn(app.issue('PV-9'))));
    expect(fromStory.epicKey).toBe('PV-1');
    const plain = await must(app.call('viewer', 'feedback/create', item(), panelOn(app.issue('PV-1'))));
    expect(plain.epicKey).toBeUndefined();
    const before = await app.snapshot();
    const onPage = await app.call('member', 'feedback/create', item({ aboutEpic: true }));
    expect(onPage.ok ? null : onPage.error.fields).toEqual([expect.objectContaining({ path: 'aboutEpic' })]);
    // A MOB issue under PV's context names nothing of PV.
    const foreign = await app.call('member', 'feedback/create', item({ aboutEpic: true }), panelOn(app.issue('MOB-1')));
    expect(codeOf(foreign)).toBe('VALIDATION_FAILED');
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('who may delete and triage it', () => {
  it('an author deletes their own; nobody else but an admin deletes it; an admin deletes anyone’s', async () => {
    const { app, feedback } = await seededPostLaunch();
    const byMember = await must(app.call('member', 'feedback/create', item({ iteration: ITERATION_30, sentiment: 'positive' })));
    const byViewer = await must(app.call('viewer', 'feedback/create', item()));
    expect((await outcomeOf(app)).positive).toBe(2);

    const before = await app.snapshot();
    expect(codeOf(await app.call('viewer', 'feedback/delete', { feedbackId: byMember.id }))).toBe('FORBIDDEN');
    expect(codeOf(await app.call('member', 'feedback/delete', { feedbackId: byViewer.id }))).toBe('FORBIDDEN');
    expect(codeOf(await app.call('member', 'feedback/delete', { feedbackId: feedback.id }))).toBe('FORBIDDEN');
    expect(codeOf(await app.call('outsider', 'feedback/delete', { feedbackId: byMember.id }))).toBe('NO_ACCESS');
    expect(await app.snapshot()).toEqual(before);

    expect(await must(app.call('member', 'feedback/delete', { feedbackId: byMember.id }))).toEqual({ deleted: byMember.id });
    expect((await outcomeOf(app)).positive).toBe(1);
    expect(await must(app.call('admin', 'feedback/delete', { feedbackId: byViewer.id }))).toEqual({ deleted: byViewer.id });
    const left = await must(app.call('viewer', 'feedback/list', {}));
    expect(left.items.map((f: { id: string }) => f.id)).toEqual([feedback.id]);
  });

  it('tells each reader who they are, so the list offers delete on their own items and triage to admins', async () => {
    const { app } = await seededPostLaunch();
    expect((await must(app.call('member', 'feedback/list', {}))).reader).toEqual({ accountId: DEMO_USERS.member, isAdmin: false });
    expect((await must(app.call('admin', 'feedback/list', {}))).reader).toEqual({ accountId: DEMO_USERS.admin, isAdmin: true });
  });

  it('an admin triages an item: links and classification move, text, author and date stay, the counts follow', async () => {
    const { app } = await seededPostLaunch();
    const byMember = await must(app.call('member', 'feedback/create', item({ sentiment: 'positive' })));
    expect(await outcomeOf(app)).toEqual({ positive: 1, neutral: 0, negative: 0 });

    for (const role of ['member', 'viewer', 'outsider'] as Role[]) {
      const before = await app.snapshot();
      const r = await app.call(role, 'feedback/classify', { feedbackId: byMember.id, source: 'survey', sentiment: 'neutral', goalId: null, kpiId: IDS.csat, iteration: ITERATION_30 });
      expect(codeOf(r)).toBe(role === 'outsider' ? 'NO_ACCESS' : 'FORBIDDEN');
      expect(await app.snapshot()).toEqual(before);
    }

    const triaged = await must(app.call('admin', 'feedback/classify', { feedbackId: byMember.id, source: 'survey', sentiment: 'negative', goalId: null, kpiId: IDS.csat, iteration: ITERATION_30 }));
    expect(triaged).toEqual({ ...byMember, source: 'survey', sentiment: 'negative', goalId: null, kpiId: IDS.csat, launchId: IDS.launch, iterationId: IDS.it30 });
    expect(await outcomeOf(app)).toEqual({ positive: 1, neutral: 0, negative: 1 });
    const inIteration = await must(app.call('viewer', 'feedback/list', { iteration: ITERATION_30 }));
    expect(inIteration.items.map((f: { id: string }) => f.id)).toContain(byMember.id);

    // Sentiment changed within the iteration, then moved out of it.
    await must(app.call('admin', 'feedback/classify', { feedbackId: byMember.id, source: 'survey', sentiment: 'neutral', goalId: null, kpiId: null, iteration: ITERATION_30 }));
    expect(await outcomeOf(app)).toEqual({ positive: 1, neutral: 1, negative: 0 });
    await must(app.call('admin', 'feedback/classify', { feedbackId: byMember.id, source: 'survey', sentiment: 'neutral', goalId: null, kpiId: null, iteration: null }));
    expect(await outcomeOf(app)).toEqual({ positive: 1, neutral: 0, negative: 0 });
    const after = await must(app.call('viewer', 'feedback/list', { iteration: ITERATION_30 }));
    expect(after.items.map((f: { id: string }) => f.id)).not.toContain(byMember.id);

    const before = await app.snapshot();
    const bad = await app.call('admin', 'feedback/classify', { feedbackId: byMember.id, source: 'survey', sentiment: 'neutral', goalId: 'gone', kpiId: null, iteration: { launchId: IDS.launch, iterationId: 'gone' } });
    expect(bad.ok ? null : bad.error.fields?.map((f: { path: string }) => f.path)).toEqual(['goalId', 'iteration']);
    expect(codeOf(await app.call('admin', 'feedback/classify', { feedbackId: 'gone', source: 'survey', sentiment: 'neutral', goalId: null, kpiId: null, iteration: null }))).toBe('NOT_FOUND');
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('when did we last hear from users', () => {
  it('the project page shows the newest feedback’s date and the cadence; deleting the newest falls back', async () => {
    const { app, clock, feedback } = await seededPostLaunch();
    const highlights = async () => (await must(app.call('viewer', 'project/load', {}))).highlights.feedback;
    expect(await highlights()).toEqual({ newestAt: feedback.at, cadenceDays: 30 });
    clock.at = new Date('2025-09-01T08:00:00.000Z');
    const later = await must(app.call('viewer', 'feedback/create', item()));
    clock.at = new Date('2025-09-03T08:00:00.000Z');
    const latest = await must(app.call('member', 'feedback/create', item()));
    expect(await highlights()).toEqual({ newestAt: latest.at, cadenceDays: 30 });
    await must(app.call('member', 'feedback/delete', { feedbackId: latest.id }));
    expect(await highlights()).toEqual({ newestAt: later.at, cadenceDays: 30 });
    await must(app.call('admin', 'feedback/delete', { feedbackId: later.id }));
    await must(app.call('admin', 'feedback/delete', { feedbackId: feedback.id }));
    expect(await highlights()).toEqual({ newestAt: null, cadenceDays: 30 });
  });

  it('an admin sets the cadence, 1 to 365 days; anything else is a field error that writes nothing', async () => {
    const { app } = await seededPostLaunch();
    expect(await must(app.call('admin', 'feedback/cadence', { cadenceDays: 365 }))).toMatchObject({ cadenceDays: 365 });
    expect(await must(app.call('admin', 'feedback/cadence', { cadenceDays: 1 }))).toMatchObject({ cadenceDays: 1 });
    const before = await app.snapshot();
    for (const cadenceDays of [0, 366, 2.5, -3, '30', null]) {
      const r = await app.call('admin', 'feedback/cadence', { cadenceDays });
      expect(r.ok ? null : r.error.fields).toEqual([expect.objectContaining({ path: 'cadenceDays' })]);
    }
    expect(codeOf(await app.call('member', 'feedback/cadence', { cadenceDays: 7 }))).toBe('FORBIDDEN');
    expect(codeOf(await app.call('viewer', 'feedback/cadence', { cadenceDays: 7 }))).toBe('FORBIDDEN');
    expect(await app.snapshot()).toEqual(before);
    expect((await must(app.call('viewer', 'project/load', {}))).highlights.feedback.cadenceDays).toBe(1);
  });
});

describe('through the bundle that ships', () => {
  it('a viewer writes feedback from the issue panel and deletes it; a member may not delete it; an admin triages', async () => {
    const { app } = await seededPostLaunch();
    const created = await must(app.callBundled('viewer', 'feedback/create', item({ aboutEpic: true, sentiment: 'positive' }), panelOn(app.issue('PV-1'))));
    expect(created).toMatchObject({ by: DEMO_USERS.viewer, epicKey: 'PV-1' });
    expect(codeOf(await app.callBundled('member', 'feedback/delete', { feedbackId: created.id }))).toBe('FORBIDDEN');
    const tooLong = await app.callBundled('member', 'feedback/create', item({ text: 'x'.repeat(2001) }));
    expect(tooLong.ok ? null : tooLong.error.fields).toEqual([expect.objectContaining({ path: 'text' })]);
    expect(await must(app.callBundled('admin', 'feedback/classify', { feedbackId: created.id, source: 'interview', sentiment: 'neutral', goalId: null, kpiId: null, iteration: null }))).toMatchObject({ sentiment: 'neutral', epicKey: 'PV-1' });
    expect(await must(app.callBundled('viewer', 'feedback/delete', { feedbackId: created.id }))).toEqual({ deleted: created.id });
    expect(await must(app.callBundled('admin', 'feedback/cadence', { cadenceDays: 45 }))).toMatchObject({ cadenceDays: 45 });
  });
});

describe('the Confluence macro flags the silence, from the figures it already reads', () => {
  it('on time on the cadence day itself, flagged the day after; a new item clears it', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const app = createMacroTestApp({ clock });
    await must(app.call('admin', 'vision/save', visionInput()));
    await must(app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'First.' }));
    const first = await must(app.call('member', 'feedback/create', item({ goalId: null })));
    await must(app.call('admin', 'feedback/cadence', { cadenceDays: 10 }));
    await app.queue.drain();
    const flagOn = async (iso: string) => {
      clock.at = new Date(iso);
      return (await must(app.callMacro('viewer', 'macro/load', {}, PV_CONFIG))).feedback;
    };
    expect(await flagOn('2026-03-11T23:00:00.000Z')).toEqual({ newestAt: first.at, cadenceDays: 10, overdue: false, daysSince: 10 });
    expect(await flagOn('2026-03-12T00:30:00.000Z')).toEqual({ newestAt: first.at, cadenceDays: 10, overdue: true, daysSince: 11 });
    // The viewer gives feedback: the figures refresh (one queued job), and the flag goes.
    const second = await must(app.call('viewer', 'feedback/create', item({ goalId: null })));
    await app.queue.drain();
    expect(await flagOn('2026-03-12T08:00:00.000Z')).toEqual({ newestAt: second.at, cadenceDays: 10, overdue: false, daysSince: 0 });
    // Deleting it brings the older date back, and the flag with it.
    await must(app.call('viewer', 'feedback/delete', { feedbackId: second.id }));
    await app.queue.drain();
    expect(await flagOn('2026-03-12T08:00:00.000Z')).toMatchObject({ newestAt: first.at, overdue: true });
  });
});
