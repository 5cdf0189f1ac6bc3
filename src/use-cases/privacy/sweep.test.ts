/**
 * The personal data sweep over two projects and several people, one of whom closes their account:
 * afterwards no stored value names them, the others are untouched, the summaries in Jira hold no names
 * and no closed id, and the macro still renders. A sweep with nothing closed writes nothing; one that
 * storage fails part-way runs again and completes.
 */
import { closeAccount } from '../../../devtools/simulated-jira/site';
import { DEMO_USERS } from '../../../devtools/simulated-jira/seed';
import { SUMMARY_PROPERTY, versionSummaryProperty } from '../../contract/vision/publishing';
import { FORMER_USER_ACCOUNT_ID } from '../../contract/privacy/privacy';
import { StoreError } from '../../ports';
import { createMacroTestApp, PV_CONFIG } from '../../../test/support/macro-app';
import { goalInput, visionInput } from '../../../test/support/local-app';
import { parseExportText } from '../../contract/transfer/export-document';
import { exportDocument } from '../../../test/support/transfer';
import { startPrivacySweep } from '../shared/background-jobs';

const MOB = { id: '10001', key: 'MOB', type: 'software' };
const at = (project: { id: string; key: string; type: string }) => ({ type: 'jira:projectSettingsPage', project });
const PV = { id: '10000', key: 'PV', type: 'software' };
const CLOSED = DEMO_USERS.siteAdmin;
const NAMES = ['Maya Lindqvist', 'Tomás Ferreira', 'Site Administrator'];

async function seeded() {
  const app = createMacroTestApp();
  const must = async (p: Promise<{ ok: boolean; data?: any; error?: unknown }>) => {
    const r = await p;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  };
  const bet = (ownerAccountId: string) => ({ kind: 'risk', text: 'Customers may not trust self-service', ownerAccountId, reviewBy: '2027-01-01' });
  // PV: the closed person drafts and publishes version 1, owns a bet and a goal; Maya publishes version 2.
  await must(app.call('siteAdmin', 'vision/save', { ...visionInput(0), bets: [bet(CLOSED)] }, at(PV)));
  await must(app.call('siteAdmin', 'vision/publish', { baseRevision: 1 }, at(PV)));
  await must(app.call('admin', 'goal/create', { goal: goalInput({ ownerAccountId: CLOSED }), baseRevision: 0 }, at(PV)));
  await must(app.call('admin', 'goal/create', { goal: goalInput({ title: 'Grow', ownerAccountId: DEMO_USERS.member }), baseRevision: 1 }, at(PV)));
  await must(app.call('admin', 'vision/save', { ...visionInput(1), statement: 'Second statement' }, at(PV)));
  await must(app.call('admin', 'vision/publish', { baseRevision: 2, changeNote: 'v2' }, at(PV)));
  // MOB: Maya's, with one goal owned by the closed person and one by Tomás.
  await must(app.call('admin', 'vision/save', { ...visionInput(0), bets: [bet(DEMO_USERS.member)] }, at(MOB)));
  await must(app.call('admin', 'goal/create', { goal: goalInput({ ownerAccountId: CLOSED }), baseRevision: 0 }, at(MOB)));
  await must(app.call('admin', 'goal/create', { goal: goalInput({ title: 'Grow', ownerAccountId: DEMO_USERS.member }), baseRevision: 1 }, at(MOB)));
  await must(app.call('admin', 'vision/publish', { baseRevision: 1 }, at(MOB)));
  await app.queue.drain();
  return app;
}

type App = Awaited<ReturnType<typeof seeded>>;

const properties = (app: App) => app.site.projects.flatMap((p) => [...p.properties.entries()].filter(([k]) => k.startsWith(SUMMARY_PROPERTY)));
const storedText = async (app: App) => JSON.stringify(await app.snapshot());

async function sweep(app: App) {
  await startPrivacySweep(app.queue);
  await app.queue.drain();
}

/** Version 1 of PV as an earlier version of the app wrote it: with display names. */
function makeLegacy(app: App) {
  const pv = app.site.projects.find((p) => p.key === 'PV')!;
  const s = pv.properties.get(versionSummaryProperty(1)) as any;
  const legacy = {
    ...s,
    schema: 1,
    publishedBy: { accountId: CLOSED, displayName: 'Site Administrator' },
    bets: s.bets.map(({ ownerAccountId: _o, ...b }: any) => ({ ...b, owner: 'Site Administrator' })),
    goals: s.goals.map(({ ownerAccountId: _o, ...g }: any) => ({ ...g, owner: 'Site Administrator' })),
  };
  pv.properties.set(versionSummaryProperty(1), legacy);
}

describe('personal data sweep', () => {
  it('erases a closed account from every stored value and every summary in Jira, and leaves everyone else', async () => {
    const app = await seeded();
    makeLegacy(app);
    const pinned = { ...PV_CONFIG, version: 1 };
    const before = await app.callMacro('member', 'macro/load', {}, pinned);
    expect(before.ok && before.data.summary.publishedBy.displayName).toBe('Site Administrator'); // an old summary still renders, names and all
    expect(await storedText(app)).toContain(CLOSED);
    expect(JSON.stringify(properties(app))).toContain(CLOSED);

    closeAccount(app.site, CLOSED);
    await sweep(app);

    const after = await app.snapshot();
    for (const entry of after) expect(JSON.stringify(entry)).not.toContain(CLOSED);
    const text = JSON.stringify(after);
    expect(text).toContain(DEMO_USERS.admin);
    expect(text).toContain(DEMO_USERS.member);
    expect(text).toContain(FORMER_USER_ACCOUNT_ID);
    expect(after.some((e) => e.key.startsWith('privacy:'))).toBe(false); // nothing kept about the closed account

    const summaries = properties(app);
    expect(summaries.length).toBeGreaterThanOrEqual(5);
    for (const [key, value] of summaries) {
      const json = JSON.stringify(value);
      expect([key, json.includes(CLOSED)]).toEqual([key, false]);
      for (const name of NAMES) expect([key, json.includes(name)]).toEqual([key, false]);
      expect(value).toMatchObject({ schema: 2 });
    }
    expect(JSON.stringify(summaries)).toContain(DEMO_USERS.member);

    // Stored shapes stay valid: the project page, the macro and the export still read them.
    const page = await app.call('admin', 'project/load', {}, at(PV));
    expect(page.ok && page.data.goalBook.goals.map((g: { ownerAccountId: string | null }) => g.ownerAccountId)).toEqual([null, DEMO_USERS.member]);
    for (const project of [PV, MOB]) {
      const parsed = parseExportText(JSON.stringify(await exportDocument(app, project)));
      expect(parsed.ok ? [] : parsed.fields).toEqual([]);
    }
    for (const config of [PV_CONFIG, pinned, { ...PV_CONFIG, projectId: MOB.id, projectKey: 'MOB' }]) {
      const r = await app.callMacro('member', 'macro/load', {}, config);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.data.summary.publishedBy.displayName).toBeNull();
    }
  });

  it('writes nothing when no account is closed', async () => {
    const app = await seeded();
    const stored = await app.snapshot();
    const inJira = structuredClone(properties(app));
    await sweep(app);
    expect(await app.snapshot()).toEqual(stored);
    expect(properties(app)).toEqual(inJira);
  });

  it('runs again after storage failed part-way, and completes', async () => {
    const app = await seeded();
    closeAccount(app.site, CLOSED);
    // Every write fails after the first few: the sweep stops part-way, its events dropped after their retries.
    const store = app.store;
    const original = { set: store.set.bind(store), transact: store.transact.bind(store), setIfAbsent: store.setIfAbsent.bind(store) };
    let writes = 0;
    const failing = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
      if (++writes > 3) throw new StoreError('STORE_FAILURE', 'injected');
      return f(...a);
    };
    store.set = failing(original.set) as typeof store.set;
    store.setIfAbsent = failing(original.setIfAbsent) as typeof store.setIfAbsent;
    store.transact = failing(original.transact) as typeof store.transact;
    await sweep(app);
    expect(writes).toBeGreaterThan(3);
    expect(await storedText(app)).toContain(CLOSED); // stopped part-way
    expect((await app.snapshot()).some((e) => e.key.startsWith('privacy:closed:'))).toBe(true); // …remembering what to finish

    Object.assign(store, original);
    await sweep(app);
    for (const entry of await app.snapshot()) expect(JSON.stringify(entry)).not.toContain(CLOSED);
    expect(JSON.stringify(properties(app))).not.toContain(CLOSED);
  });
});
