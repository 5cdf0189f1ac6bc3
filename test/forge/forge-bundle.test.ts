/**
 * The backend as `forge deploy` bundles it (build/backend, by @forge/bundler), run through the real
 * @forge/resolver, @forge/api, @forge/kvs and @forge/events over the platform stand-in: every handler
 * the manifest names is there; a user who has not allowed access gets Forge's consent error out of
 * every function; the macro's export reads its config wherever Confluence puts it; the platform's
 * own failures get their own answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BUNDLE_DIR, ROOT } from '../../devtools/forge-platform/forge-bundle';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import { closeAccount } from '../../devtools/simulated-jira/site';
import { FORMER_USER_ACCOUNT_ID } from '../../src/contract/privacy/privacy';
import { isConsentRequest } from '../../src/ports';
import { macroContext, PV_CONFIG } from '../support/macro-app';
import { PV } from '../support/local-app';
import { seeded, settings, type Seeded } from '../support/seeded-project';

const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));
const STATEMENT = 'Every customer solves their own problem in under five minutes.';

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
});
afterEach(() => {
  const p = s.app.forge();
  p.conditions.consentPending.clear();
  p.conditions.proxyErrors.length = 0;
  p.conditions.jiraConnected = true;
  p.kvs.faults.length = 0;
});

describe('the bundle', () => {
  it('was made by @forge/bundler from the entry the manifest names, and exports every handler', () => {
    const report = JSON.parse(readFileSync(join(BUNDLE_DIR, 'bundle.json'), 'utf8'));
    const handlers = (manifest.modules.function as Array<{ key: string; handler: string }>).map((f) => f.key).sort();
    expect(report.entryPoints).toEqual(['index']);
    expect(Object.keys(s.app.forge().bundle.functions).sort()).toEqual(handlers);
    for (const fn of Object.values(s.app.forge().bundle.functions)) expect(typeof fn).toBe('function');
  });

  it('answers through the real SDKs: KVS and Jira requests reach the platform', async () => {
    const p = s.app.forge();
    const before = { ...p.calls };
    const answer: any = await s.app.callBundled('member', 'project/load', {});
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer.data)).toContain(STATEMENT);
    expect(p.calls.kvs).toBeGreaterThan(before.kvs);
    expect(p.calls.jira).toBeGreaterThan(before.jira);
  });
});

describe('consent: a user who has not allowed the app to act for them', () => {
  const consentOut = async (run: () => Promise<unknown>) => {
    const error = await run().then(
      (answer) => ({ answered: answer }),
      (e: unknown) => e,
    );
    expect(isConsentRequest(error)).toBe(true);
  };
  beforeEach(() => s.app.forge().conditions.consentPending.add(DEMO_USERS.member));

  it.each([
    ['project settings page', 'vision-settings', 'project/load', settings()],
    ['project page', 'vision-project-page', 'project/load', { type: 'jira:projectPage', project: PV }],
    ['issue panel', 'vision-issue-panel', 'panel/load', { type: 'jira:issuePanel', project: PV, issue: { id: '', key: 'PV-1' } }],
  ])('gets the consent error out of the %s', async (_label, moduleKey, key, extension) => {
    const ext = moduleKey === 'vision-issue-panel' ? { ...extension, issue: s.app.issue('PV-1') } : extension;
    await consentOut(() => s.app.forge().resolve({ functionKey: key, payload: {}, context: { moduleKey, extension: ext }, accountId: DEMO_USERS.member }));
  });

  it('gets the consent error out of the Confluence macro and its export', async () => {
    await consentOut(() => s.app.forge().resolve({ functionKey: 'macro/load', payload: {}, context: macroContext(PV_CONFIG), accountId: DEMO_USERS.member }));
    await consentOut(() => s.app.forge().run('macro-export', [{ context: macroContext(PV_CONFIG), exportType: 'pdf' }, { principal: { accountId: DEMO_USERS.member } }], { accountId: DEMO_USERS.member, product: 'confluence' }));
  });

  it('lets the consent error out of the queue consumer instead of asking for a retry', async () => {
    const p = s.app.forge();
    expect((await s.app.callBundled('admin', 'alignment/rescan', {})).ok).toBe(true);
    p.conditions.proxyErrors.push({ reason: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
    const thrownBefore = p.thrown.length;
    await p.queue.drain(1);
    const thrown = p.thrown.slice(thrownBefore);
    expect(thrown).toHaveLength(1);
    expect(thrown[0]!.functionKey).toBe('job-consumer');
    expect(isConsentRequest(thrown[0]!.error)).toBe(true);
    await p.queue.drain();
  });

  it('works again once the user has allowed access; other users were never asked', async () => {
    const p = s.app.forge();
    expect((await s.app.callBundled('admin', 'project/load', {})).ok).toBe(true);
    p.conditions.consentPending.delete(DEMO_USERS.member);
    expect((await s.app.callBundled('member', 'project/load', {})).ok).toBe(true);
  });
});

describe('macro export (adfExport)', () => {
  const exportWith = (payload: Record<string, unknown>) =>
    s.app.forge().run('macro-export', [payload, { principal: { accountId: DEMO_USERS.member } }], { accountId: DEMO_USERS.member, product: 'confluence' });
  const bare = macroContext(undefined);

  it.each([
    ['PDF: payload.extensionPayload.config', { exportType: 'pdf', context: bare, extensionPayload: { config: PV_CONFIG } }],
    ['Word: payload.context.config', { exportType: 'word', context: { ...bare, config: PV_CONFIG } }],
    ['the view context: payload.context.extension.config', { exportType: 'other', context: macroContext(PV_CONFIG) }],
  ])('shows the configured vision with the config in %s, in at most 2 Jira calls', async (_label, payload) => {
    const p = s.app.forge();
    const before = p.calls.jira;
    const doc = JSON.stringify(await exportWith(payload));
    expect(doc).toContain(STATEMENT);
    expect(p.calls.jira - before).toBeLessThanOrEqual(2);
  });

  it('says the macro is not set up when no shape carries a config', async () => {
    expect(JSON.stringify(await exportWith({ exportType: 'pdf', context: bare }))).not.toContain(STATEMENT);
  });
});

describe("the platform's own failures", () => {
  it('a proxy error gets its own message, not "Jira is not connected"', async () => {
    s.app.forge().conditions.proxyErrors.push({ reason: 'SOMETHING_BROKE', status: 502 });
    const answer: any = await s.app.callBundled('admin', 'project/load', {});
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('JIRA_UNAVAILABLE');
    expect(answer.error.message).toContain("Atlassian's platform could not pass the request on to Jira");
    expect(answer.error.message).toContain('SOMETHING_BROKE');
    expect(answer.error.message).not.toMatch(/not connected/i);
  });

  it('"Jira is not connected" only where the platform refuses Jira to a Confluence installation', async () => {
    const p = s.app.forge();
    p.conditions.jiraConnected = false;
    const macro = (await p.resolve({ functionKey: 'macro/load', payload: {}, context: macroContext(PV_CONFIG), accountId: DEMO_USERS.member })) as any;
    expect(macro.error.code).toBe('JIRA_NOT_CONNECTED');
    const exported = JSON.stringify(await p.run('macro-export', [{ context: macroContext(PV_CONFIG) }, { principal: { accountId: DEMO_USERS.member } }], { accountId: DEMO_USERS.member, product: 'confluence' }));
    expect(exported).toContain('Jira is not connected');
    // Jira's own modules are not affected.
    expect((await s.app.callBundled('member', 'project/load', {})).ok).toBe(true);
  });

  it.each([
    [429, 'RATE_LIMIT_EXCEEDED'],
    [500, 'INTERNAL_SERVER_ERROR'],
    [503, 'SERVICE_UNAVAILABLE'],
  ])('a KVS %i answers a typed error and changes nothing', async (status, code) => {
    const p = s.app.forge();
    const before = await s.app.snapshot();
    p.kvs.faults.push({ status, code }, { status, code }, { status, code });
    const answer: any = await s.app.callBundled('admin', 'vision/save', { statement: 'Changed', targetUsers: '', problem: '', valueProposition: '', horizon: '', baseRevision: 1 });
    p.kvs.faults.length = 0;
    expect(answer.ok).toBe(false);
    expect(answer.error.message.length).toBeGreaterThan(10);
    expect(await s.app.snapshot()).toEqual(before);
  });

  it('the daily trigger queues its jobs and the consumer runs them through the bundle', async () => {
    const p = s.app.forge();
    const pushed = p.queue.stats.pushed;
    await p.run('daily-trigger', [{ context: { cloudId: 'preview-cloud-0000', moduleKey: 'daily-snapshot' } }], { accountId: null, product: 'jira' });
    expect(p.queue.stats.pushed).toBeGreaterThan(pushed);
    const failures = p.queue.stats.failures;
    await p.queue.drain();
    expect(p.queue.stats.failures).toBe(failures);
  });
});

describe('personal data through the bundle', () => {
  it('the weekly trigger reports stored accounts with privacy.reportPersonalData and erases a closed one everywhere', async () => {
    const own = await seeded();
    const p = own.app.forge();
    const closed = DEMO_USERS.admin; // who wrote, owns and published everything in the seeded projects
    const stored = () => own.app.snapshot().then((all) => JSON.stringify(all));
    const summaries = () => JSON.stringify(own.app.site.projects.map((x) => [...x.properties.entries()]));
    expect(await stored()).toContain(closed);
    expect(summaries()).toContain(closed);

    closeAccount(own.app.site, closed);
    const stargate = p.calls.stargate;
    await p.run('privacy-trigger', [{ context: { cloudId: 'preview-cloud-0000', moduleKey: 'privacy-weekly' } }], { accountId: null, product: 'jira' });
    await p.queue.drain();
    expect(p.calls.stargate).toBeGreaterThan(stargate); // the queue pushes and the report went to the platform
    expect(p.queue.stats.dropped).toBe(0);
    expect(await stored()).not.toContain(closed);
    expect(summaries()).not.toContain(closed);
    expect(await stored()).toContain(FORMER_USER_ACCOUNT_ID);
    // The project and the macro still load for the others.
    expect((await own.app.callBundled('member', 'project/load', {})).ok).toBe(true);
    expect(((await own.app.callMacroBundled('member', 'macro/load', {}, PV_CONFIG)) as { ok: boolean }).ok).toBe(true);
  });
});
