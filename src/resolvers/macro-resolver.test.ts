/**
 * The Confluence macro's resolver, for every role and every kind of config: the viewer sees a
 * project's vision only if Jira lets them browse the project (asked as them), with one invoke and at
 * most 2 Jira calls; a config that is missing, junk, or points at a project or version that is gone
 * gets a clear message, never a crash.
 */
import { SUMMARY_PROPERTY } from '../contract/vision/publishing';
import { createMacroTestApp, PV_CONFIG } from '../../test/support/macro-app';
import { visionInput, goalInput, kpiInput, type Role } from '../../test/support/local-app';

type MacroApp = ReturnType<typeof createMacroTestApp>;

async function published(options: Parameters<typeof createMacroTestApp>[0] = {}): Promise<MacroApp> {
  const app = createMacroTestApp(options);
  const must = async (p: Promise<{ ok: boolean; error?: unknown }>) => {
    const r = await p;
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  await must(app.call('admin', 'vision/save', visionInput()));
  await must(app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 }));
  await must(app.call('admin', 'kpi/create', { kpi: kpiInput('id-1'), baseRevision: 1 }));
  await must(app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'First' }));
  return app;
}

const totalJiraCalls = (app: MacroApp) => Object.values(app.site.calls).reduce((a, b) => a + b, 0);

describe("the macro's access rule, for each role", () => {
  const cases: Array<[Role, string]> = [
    ['admin', 'ok'],
    ['member', 'ok'],
    ['viewer', 'ok'],
    ['outsider', 'NO_ACCESS'],
    ['anonymous', 'UNAUTHENTICATED'],
  ];

  it.each(cases)('%s → %s, with at most 2 Jira calls and no storage call', async (role, want) => {
    const app = await published();
    app.site.calls = {};
    app.store.resetCalls();
    const r = await app.callMacro(role, 'macro/load', {}, PV_CONFIG);
    expect(r.ok ? 'ok' : r.error.code).toBe(want);
    expect(totalJiraCalls(app)).toBeLessThanOrEqual(2);
    expect(Object.values(app.store.calls).reduce((a, b) => a + b, 0)).toBe(0);
    if (r.ok) {
      expect(r.data.summary.vision.statement).toBe(visionInput().statement);
      // Browse projects as the viewer, then the summary: seeing the project is not enough to read it.
      expect(totalJiraCalls(app)).toBe(2);
      expect(app.site.calls['GET /rest/api/3/mypermissions']).toBe(1);
      expect(app.site.calls['GET /rest/api/3/project/{projectIdOrKey}']).toBe(1);
    } else {
      expect(JSON.stringify(r)).not.toContain(visionInput().statement);
      expect(r).not.toHaveProperty('data');
    }
    if (want === 'NO_ACCESS') expect(r.ok || r.error.message).toBe("You don't have access to this project's vision.");
  });

  it("shows a project's vision only to those who can browse that project (viewer: PV yes, MOB no)", async () => {
    const app = await published();
    const mobConfig = { ...PV_CONFIG, projectId: '10001', projectKey: 'MOB' };
    // MOB has a published vision too.
    await app.call('admin', 'vision/save', visionInput(), { type: 'jira:projectSettingsPage', project: { id: '10001', key: 'MOB', type: 'software' } });
    await app.call('admin', 'vision/publish', { baseRevision: 1 }, { type: 'jira:projectSettingsPage', project: { id: '10001', key: 'MOB', type: 'software' } });
    expect((await app.callMacro('member', 'macro/load', {}, mobConfig)).ok).toBe(true);
    const viewer = await app.callMacro('viewer', 'macro/load', {}, mobConfig);
    expect(!viewer.ok && viewer.error.code).toBe('NO_ACCESS');
    // The site admin administers MOB without browsing it: Jira lets them see the project, but reading
    // the vision needs Browse projects, so the macro refuses (it did not before: fixed in the hardening pass).
    const siteAdmin = await app.callMacro('siteAdmin' as Role, 'macro/load', {}, mobConfig);
    expect(siteAdmin.ok ? 'ok' : siteAdmin.error.code).toBe('NO_ACCESS');
    expect(JSON.stringify(siteAdmin)).not.toContain(visionInput().statement);
    const versions = await app.callMacro('siteAdmin' as Role, 'macro/versions', { projectId: '10001' }, undefined);
    expect(versions.ok ? 'ok' : versions.error.code).toBe('NO_ACCESS');
  });

  it('never takes the project from the payload', async () => {
    const app = await published();
    const r = await app.callMacro('outsider', 'macro/load', { projectId: '10000' }, PV_CONFIG);
    expect(!r.ok && r.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('what the macro shows', () => {
  it('sends only the chosen sections, in the app’s order, with a link to the project page', async () => {
    const app = await published();
    const r = await app.callMacro('member', 'macro/load', {}, { ...PV_CONFIG, sections: ['goals', 'vision'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.sections).toEqual(['vision', 'goals']);
    expect(r.data.project).toEqual({ id: '10000', key: 'PV', name: 'Customer Portal' });
    expect(r.data.projectPagePath).toBe('/jira/software/projects/PV/apps/00000000-0000-4000-8000-000000000000/local');
    expect(r.data.summary.goals[0]).toMatchObject({ title: 'Cut support calls', kpis: [{ status: 'no-data' }] });
    const onlyGoals = await app.callMacro('member', 'macro/load', {}, { ...PV_CONFIG, sections: ['goals'] });
    expect(onlyGoals.ok && onlyGoals.data.summary).not.toHaveProperty('vision');
    expect(onlyGoals.ok && onlyGoals.data.summary).not.toHaveProperty('bets');
  });

  it('carries alignment coverage when a snapshot exists, as of the publish', async () => {
    const app = await published();
    await app.call('admin', 'alignment/rescan', {});
    await app.queue.drain();
    await app.call('admin', 'vision/publish', { baseRevision: 1 });
    const r = await app.callMacro('viewer', 'macro/load', {}, { ...PV_CONFIG, sections: ['coverage', 'iteration'] });
    expect(r.ok && r.data.summary.coverage).toMatchObject({ epics: 8, aligned: 0, coverage: 0 });
    expect(r.ok && r.data.summary.latestIteration).toBeNull();
    const page = await app.call('member', 'project/load', {});
    expect(page.ok && page.data.highlights.coverage).toMatchObject({ epics: 8 });
  });

  it('shows the latest published version, or the pinned one', async () => {
    const app = await published();
    await app.call('admin', 'vision/save', { ...visionInput(1), horizon: '2031' });
    await app.call('admin', 'vision/publish', { baseRevision: 2, changeNote: 'Later' });
    const latest = await app.callMacro('member', 'macro/load', {}, PV_CONFIG);
    expect(latest.ok && [latest.data.summary.version, latest.data.summary.vision.horizon, latest.data.pinned]).toEqual([2, '2031', null]);
    const pinned = await app.callMacro('member', 'macro/load', {}, { ...PV_CONFIG, version: 1 });
    expect(pinned.ok && [pinned.data.summary.version, pinned.data.summary.vision.horizon, pinned.data.pinned]).toEqual([1, '2028', 1]);
  });

  it('flags a vision past its review date', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const app = await published({ clock: { now: () => now } });
    const fresh = await app.callMacro('member', 'macro/load', {}, PV_CONFIG);
    expect(fresh.ok && fresh.data.review.flagged).toBe(false);
    now = new Date('2026-06-01T00:00:00Z');
    const late = await app.callMacro('member', 'macro/load', {}, PV_CONFIG);
    expect(late.ok && late.data.review).toMatchObject({ overdue: true, flagged: true, dueOn: '2026-04-01' });
  });

  it('follows a renamed project by its id and says so', async () => {
    const app = await published();
    app.site.projects.find((p) => p.id === '10000')!.key = 'PORTAL';
    const r = await app.callMacro('member', 'macro/load', {}, PV_CONFIG);
    expect(r.ok && r.data).toMatchObject({ project: { key: 'PORTAL' }, renamedFrom: 'PV' });
  });
});

describe('bad configs and missing things get a clear message, never a crash', () => {
  const invalid: Array<[string, unknown]> = [
    ['a project id that is not an id', { ...PV_CONFIG, projectId: '../10000' }],
    ['a numeric project id', { ...PV_CONFIG, projectId: 10000 }],
    ['an unknown section', { ...PV_CONFIG, sections: ['vision', 'gossip'] }],
    ['no sections', { ...PV_CONFIG, sections: [] }],
    ['a section twice', { ...PV_CONFIG, sections: ['vision', 'vision'] }],
    ['sections that are not a list', { ...PV_CONFIG, sections: 'vision' }],
    ['version 0', { ...PV_CONFIG, version: 0 }],
    ['a version word', { ...PV_CONFIG, version: 'newest' }],
    ['a fractional version', { ...PV_CONFIG, version: 1.5 }],
    ['a bad project key', { ...PV_CONFIG, projectKey: 'pv; drop' }],
    ['a string', 'PV'],
    ['a list', [1, 2]],
    ['no project', { sections: ['vision'], version: 'latest' }],
  ];

  it.each(invalid)('%s → NOT_CONFIGURED (invalid-config)', async (_label, config) => {
    const app = await published();
    app.site.calls = {};
    const r = await app.callMacro('member', 'macro/load', {}, config);
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_CONFIGURED', details: { reason: 'invalid-config' }, message: expect.stringMatching(/not valid/) });
    expect(totalJiraCalls(app)).toBe(0);
  });

  it.each([
    ['no config', undefined],
    ['an empty config', {}],
  ])('%s → NOT_CONFIGURED (missing-config), asking to choose a project', async (_label, config) => {
    const app = await published();
    const r = await app.callMacro('member', 'macro/load', {}, config);
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_CONFIGURED', details: { reason: 'missing-config' }, message: expect.stringMatching(/Edit the macro/) });
  });

  it('ignores keys it does not know (a newer config screen may add some)', async () => {
    const app = await published();
    const r = await app.callMacro('member', 'macro/load', {}, { ...PV_CONFIG, theme: 'compact' });
    expect(r.ok).toBe(true);
  });

  it('a deleted project → NOT_FOUND (project-gone), told apart from no access with a second call as the app', async () => {
    const app = await published();
    app.site.calls = {};
    const r = await app.callMacro('member', 'macro/load', {}, { ...PV_CONFIG, projectId: '99999', projectKey: 'OLD' });
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'project-gone' }, message: expect.stringContaining('(OLD) no longer exists') });
    expect(totalJiraCalls(app)).toBe(2);
  });

  it('a pinned version that does not exist → NOT_FOUND (version-gone)', async () => {
    const app = await published();
    const r = await app.callMacro('member', 'macro/load', {}, { ...PV_CONFIG, version: 9 });
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'version-gone' }, message: expect.stringContaining('Version 9') });
  });

  it('a project whose vision was never published → NOT_FOUND (not-published)', async () => {
    const app = await published();
    const r = await app.callMacro('member', 'macro/load', {}, { ...PV_CONFIG, projectId: '10001', projectKey: 'MOB' });
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not-published' }, message: expect.stringContaining('has not been published yet') });
  });

  it('a summary someone overwrote with junk in Jira → NOT_FOUND (unreadable), nothing rendered', async () => {
    const app = await published();
    app.site.projects.find((p) => p.key === 'PV')!.properties.set(SUMMARY_PROPERTY, { schema: 1, version: 'x', vision: '<script>' });
    const r = await app.callMacro('member', 'macro/load', {}, PV_CONFIG);
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'unreadable' } });
  });

  it('Jira not connected to the installation → JIRA_NOT_CONNECTED, with what the site admin must do', async () => {
    const app = await published();
    app.setJiraConnected(false);
    const r = await app.callMacro('member', 'macro/load', {}, PV_CONFIG);
    expect(!r.ok && r.error).toMatchObject({ code: 'JIRA_NOT_CONNECTED', message: expect.stringContaining('Connected apps') });
    const projects = await app.callMacro('admin', 'macro/projects', {}, undefined);
    expect(!projects.ok && projects.error.code).toBe('JIRA_NOT_CONNECTED');
  });

  it('Jira down → JIRA_UNAVAILABLE, after bounded retries', async () => {
    const app = await published();
    app.site.faults.failNext = [{ status: 503, count: 10 }];
    const r = await app.callMacro('member', 'macro/load', {}, PV_CONFIG);
    expect(!r.ok && r.error.code).toBe('JIRA_UNAVAILABLE');
  });
});

describe('the config screen', () => {
  it('lists the projects the editing user can browse, as them', async () => {
    const app = await published();
    const keys = async (role: Role, payload: unknown = {}) => {
      const r = await app.callMacro(role, 'macro/projects', payload, undefined);
      return r.ok ? r.data.projects.map((p: { key: string }) => p.key) : r.error.code;
    };
    expect(await keys('admin')).toEqual(['MOB', 'PV', 'SD']);
    expect(await keys('viewer')).toEqual(['PV']);
    expect(await keys('outsider')).toEqual([]);
    expect(await keys('anonymous')).toBe('UNAUTHENTICATED');
    expect(await keys('admin', { query: 'mobile' })).toEqual(['MOB']);
    expect(await keys('admin', { query: 'x'.repeat(81) })).toBe('VALIDATION_FAILED');
  });

  it('lists the published versions to pin, only to those who can browse the project', async () => {
    const app = await published();
    await app.call('admin', 'vision/save', { ...visionInput(1), horizon: '2031' });
    await app.call('admin', 'vision/publish', { baseRevision: 2, changeNote: 'Later' });
    const r = await app.callMacro('viewer', 'macro/versions', { projectId: '10000' }, undefined);
    expect(r.ok && r.data).toMatchObject({ latest: 2, versions: [{ version: 2, changeNote: 'Later' }, { version: 1, changeNote: 'First' }] });
    const outsider = await app.callMacro('outsider', 'macro/versions', { projectId: '10000' }, undefined);
    expect(!outsider.ok && outsider.error.code).toBe('NO_ACCESS');
    const unpublished = await app.callMacro('admin', 'macro/versions', { projectId: '10001' }, undefined);
    expect(unpublished.ok && unpublished.data).toEqual({ versions: [], latest: null });
    const junk = await app.callMacro('admin', 'macro/versions', { projectId: 'PV' }, undefined);
    expect(!junk.ok && junk.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('export to PDF and Word (adfExport)', () => {
  it('renders the vision as ADF for someone who can see it, and the message for someone who cannot', async () => {
    const app = await published();
    const doc = JSON.stringify(await app.exportAs('member', PV_CONFIG));
    expect(doc).toContain('"type":"doc"');
    expect(doc).toContain(visionInput().statement);
    expect(doc).toContain('Cut support calls');
    expect(doc).toContain('https://example.atlassian.net/jira/software/projects/PV/apps/');
    const outsider = JSON.stringify(await app.exportAs('outsider', PV_CONFIG));
    expect(outsider).toContain("You don't have access to this project's vision");
    expect(outsider).not.toContain(visionInput().statement);
    expect(JSON.stringify(await app.exportAs('member', { junk: true }))).toContain('not valid');
    app.setJiraConnected(false);
    expect(JSON.stringify(await app.exportAs('member', PV_CONFIG))).toContain('Jira is not connected');
  });
});
