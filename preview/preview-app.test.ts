/**
 * The preview over HTTP: the documented invoke endpoint, the injected bridge, and data that survives
 * a restart (the embedded database file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPreview } from './preview-app';

const PV = { id: '10000', key: 'PV', type: 'software' };
const context = (moduleKey = 'vision-settings') => ({ moduleKey, extension: { type: 'jira:projectSettingsPage', project: PV } });
const vision = { statement: 'Customers help themselves.', targetUsers: '', problem: '', valueProposition: '', horizon: '2028', baseRevision: 0 };

describe('local preview', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pv-preview-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers POST /api/invoke with the resolver envelope, as the README documents', async () => {
    const preview = createPreview({ dataDir });
    const { server, url } = await preview.listen(0);
    try {
      const post = (body: unknown) =>
        fetch(`${url}/api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const saved = await post({ functionKey: 'vision/save', payload: vision, context: context(), accountId: preview.users.admin });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toMatchObject({ ok: true, data: { revision: 1, statement: vision.statement } });

      const anonymous = await (await post({ functionKey: 'project/load', payload: {}, context: context(), accountId: null })).json();
      expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

      const noModule = await post({ functionKey: 'project/load', payload: {}, context: context('no-such-module'), accountId: preview.users.admin });
      expect(noModule.status).toBe(404);
      const noKey = await post({ functionKey: 'no/such-key', payload: {}, context: context(), accountId: preview.users.admin });
      expect(noKey.status).toBe(500);
      const junk = await fetch(`${url}/api/invoke`, { method: 'POST', body: '{not json' });
      expect(junk.status).toBe(400);
    } finally {
      server.close();
      preview.close();
    }
  });

  it('serves each built surface with the bridge stand-in injected before the app script', async () => {
    const preview = createPreview({ dataDir });
    const { server, url } = await preview.listen(0);
    try {
      const html = await (await fetch(`${url}/surface/settings/?user=member&project=PV&theme=dark`)).text();
      const bridge = html.indexOf('/preview/bridge.js');
      expect(bridge).toBeGreaterThan(0);
      expect(bridge).toBeLessThan(html.indexOf('main.js'));
      // The context comes as a script of the app's own origin (Forge's CSP refuses inline scripts).
      const contextSrc = /<script src="(\/preview\/context\.js\?[^"]+)"/.exec(html)?.[1];
      expect(contextSrc).toBeDefined();
      expect(html.indexOf(contextSrc!)).toBeLessThan(bridge);
      const context = await (await fetch(`${url}${contextSrc!.replace(/&amp;/g, '&')}`)).text();
      expect(context).toContain(`"principal":"${preview.users.member}"`);
      expect(context).toContain('"colorMode":"dark"');
      expect((await fetch(`${url}/surface/settings/../../package.json`)).status).toBe(404);
      expect((await fetch(`${url}/`)).status).toBe(200);
    } finally {
      server.close();
      preview.close();
    }
  });

  it('fills a new data file with demo data when asked (npm start), and keeps goal links across a restart', async () => {
    const page = { moduleKey: 'vision-project-page', extension: { type: 'jira:projectPage', project: PV } };
    const first = createPreview({ dataDir, demoData: true });
    await first.ready;
    const report = (await first.invoke({ functionKey: 'alignment/report', payload: {}, context: page, accountId: first.users.member })).body as any;
    expect(report.data).toMatchObject({ headline: { epics: 8, aligned: 5 }, latest: { aligned: 5 }, scan: { state: 'done' } });
    expect(report.data.trend.length).toBeGreaterThanOrEqual(4);
    first.close();
    const second = createPreview({ dataDir, demoData: true });
    await second.ready;
    const again = (await second.invoke({ functionKey: 'alignment/report', payload: {}, context: page, accountId: second.users.member })).body as any;
    second.close();
    expect(again.data.headline).toEqual(report.data.headline);
    expect(again.data.trend).toEqual(report.data.trend);
  });

  it('starts empty without demo data', async () => {
    const preview = createPreview({ dataDir });
    await preview.ready;
    const loaded = await preview.invoke({ functionKey: 'project/load', payload: {}, context: context(), accountId: preview.users.member });
    preview.close();
    expect(loaded.body).toMatchObject({ ok: true, data: { vision: null, goalBook: { goals: [] } } });
  });

  it('keeps what an admin saved and published across a restart', async () => {
    const first = createPreview({ dataDir });
    await first.invoke({ functionKey: 'vision/save', payload: vision, context: context(), accountId: first.users.admin });
    first.close();
    const second = createPreview({ dataDir });
    // The saved draft is the admin's; readers see nothing until it is published.
    const draft = await second.invoke({ functionKey: 'project/load', payload: {}, context: context(), accountId: second.users.admin });
    expect(draft.body).toMatchObject({ ok: true, data: { vision: { statement: vision.statement, revision: 1 }, published: null } });
    await second.invoke({ functionKey: 'vision/publish', payload: { baseRevision: 1 }, context: context(), accountId: second.users.admin });
    second.close();
    const third = createPreview({ dataDir });
    const loaded = await third.invoke({ functionKey: 'project/load', payload: {}, context: context(), accountId: third.users.member });
    // The Confluence macro reads the summary publishing wrote to Jira: still there after a restart.
    const macro = await third.invoke({
      functionKey: 'macro/load',
      payload: {},
      context: { moduleKey: 'vision-macro', extension: { type: 'macro', config: { projectId: '10000', sections: ['vision'], version: 'latest' } } },
      accountId: third.users.member,
    });
    third.close();
    expect(loaded.body).toMatchObject({ ok: true, data: { vision: null, published: { statement: vision.statement, version: 1 } } });
    expect(macro.body).toMatchObject({ ok: true, data: { summary: { version: 1, vision: { statement: vision.statement } } } });
  });
});
