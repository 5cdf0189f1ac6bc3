/**
 * Confluence readers who may not browse the Jira project, through the bundle `forge deploy` uploads and
 * the real SDKs: off by default (the lock, as before), on once a project admin chooses so (exactly the
 * published vision's fields, never a draft, feedback, decisions, issue keys, JQL or a person's name),
 * and off again at once when switched off (nothing caches it). Only project admins can choose; Jira's
 * own check stands behind the write.
 */
import { OPEN_READERS_PROPERTY } from '../../src/contract/macro/open-readers';
import { PV_CONFIG } from '../support/macro-app';
import { IDS } from '../support/post-launch';
import { MOB, seeded, settings, type Seeded } from '../support/seeded-project';
import { visionInput } from '../support/local-app';

const data = (r: { ok: boolean; data?: any; error?: any }) => {
  if (!r.ok) throw new Error(`Expected success, got ${JSON.stringify(r.error)}`);
  return r.data;
};
const MOB_CONFIG = { ...PV_CONFIG, projectId: MOB.id, projectKey: 'MOB', projectName: 'Mobile App' };

/** What must never reach a reader who may not browse: the draft, feedback, a decision, a KPI's JQL, issue keys, names. */
const SECRETS = [/A draft nobody should read yet/, /Saved me a call/, /Add SMS/, /issuetype = Bug/, /\b(PV|MOB)-\d+\b/, /Alice|Bob|Carol|Dana|Admin/];

let s: Seeded;
beforeAll(async () => {
  s = await seeded();
  // A draft after the publish, and a KPI measured by JQL: neither may reach an open reader.
  data(await s.app.call('admin', 'vision/save', { ...visionInput(1), statement: 'A draft nobody should read yet.' }));
  data(await s.app.call('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql: 'project = PV AND issuetype = Bug', baseJql: null }));
});

const macroAs = (role: Parameters<Seeded['app']['callMacroBundled']>[0], config = PV_CONFIG) => s.app.callMacroBundled(role, 'macro/load', {}, config);
const setOpen = (role: Parameters<Seeded['app']['callBundled']>[0], enabled: boolean, project = settings()) =>
  s.app.callBundled(role, 'vision/set-open-readers', { enabled }, project);

it('off by default: a reader who may not browse gets the lock, and the admin sees it off', async () => {
  expect(data(await s.app.callBundled('admin', 'vision/open-readers', {}))).toEqual({ enabled: false, setBy: null, setAt: null });
  expect(await macroAs('outsider')).toMatchObject({ ok: false, error: { code: 'NO_ACCESS' } });
  expect(await macroAs('siteAdmin', MOB_CONFIG)).toMatchObject({ ok: false, error: { code: 'NO_ACCESS' } });
  const answer = await macroAs('outsider');
  expect(answer).not.toHaveProperty('data');
});

it('on: a reader who may not browse gets exactly the published vision’s fields, and nothing else', async () => {
  const chosen = data(await setOpen('admin', true));
  expect(chosen).toMatchObject({ enabled: true, setBy: expect.any(String), setAt: expect.any(String) });
  expect(data(await s.app.callBundled('admin', 'vision/open-readers', {}))).toEqual(chosen);

  s.app.site.calls = {};
  const open = data(await macroAs('outsider'));
  // Two Jira calls: the viewer's permissions, then the project with its properties as the app.
  expect(s.app.site.calls).toEqual({ 'GET /rest/api/3/mypermissions': 1, 'GET /rest/api/3/project/{projectIdOrKey}': 1 });

  expect(Object.keys(open).sort()).toEqual(['figuresAsOf', 'openToPageReaders', 'pinned', 'project', 'projectPagePath', 'renamedFrom', 'review', 'sections', 'summary']);
  expect(open).toMatchObject({ openToPageReaders: true, projectPagePath: '', project: { id: '10000', key: 'PV' }, pinned: null });
  expect(Object.keys(open.summary).sort()).toEqual(['bets', 'changeNote', 'coverage', 'goals', 'latestIteration', 'publishedAt', 'publishedBy', 'truncated', 'version', 'vision']);
  expect(open.summary.publishedBy).toEqual({ displayName: null });
  expect(open.summary.vision.statement).toBe(visionInput().statement);
  expect(open.summary.goals.map((g: any) => g.title)).toEqual(['Cut support calls']);
  expect(open.summary.goals[0].owner).toBeNull();
  expect(Object.keys(open.summary.goals[0].kpis[0]).sort()).toEqual(['bandHigh', 'bandLow', 'baseline', 'current', 'direction', 'id', 'name', 'status', 'target', 'unit']);
  const text = JSON.stringify(open);
  for (const secret of SECRETS) expect(text).not.toMatch(secret);

  // A reader who may browse gets what they always got (a link into Jira, no "open" mark).
  const viewer = data(await macroAs('viewer'));
  expect(viewer.projectPagePath).not.toBe('');
  expect(viewer).not.toHaveProperty('openToPageReaders');
  expect(viewer.summary).toEqual({ ...open.summary, publishedBy: viewer.summary.publishedBy });

  // Still nothing for someone not logged in, and PV's choice opens nothing of MOB.
  expect(await macroAs('anonymous')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await macroAs('outsider', MOB_CONFIG)).toMatchObject({ ok: false, error: { code: 'NO_ACCESS' } });
  expect(JSON.stringify(await macroAs('outsider', MOB_CONFIG))).not.toMatch(/The MOB vision/);

  // A PDF or Word export of the page shows the same vision to the same reader, with no link into Jira.
  const adf = JSON.stringify(await s.app.exportAs('outsider', PV_CONFIG));
  expect(adf).toContain(visionInput().statement);
  expect(adf).not.toMatch(/\/jira\/software\/projects/);
});

it('switched off again: the next load is the lock at once (nothing caches it)', async () => {
  data(await setOpen('admin', true));
  expect((await macroAs('outsider')).ok).toBe(true);
  expect(data(await setOpen('admin', false))).toMatchObject({ enabled: false });
  const answer = await macroAs('outsider');
  expect(answer).toMatchObject({ ok: false, error: { code: 'NO_ACCESS' } });
  expect(JSON.stringify(answer)).not.toContain(visionInput().statement);
  expect(JSON.stringify(await s.app.exportAs('outsider', PV_CONFIG))).not.toContain(visionInput().statement);
});

it('only project admins choose; a refusal writes nothing; a value not written by the app counts as off', async () => {
  data(await setOpen('admin', false));
  const property = () => s.app.site.projects.find((p) => p.key === 'PV')!.properties.get(OPEN_READERS_PROPERTY);
  const before = property();
  for (const [role, code] of [['member', 'FORBIDDEN'], ['viewer', 'FORBIDDEN'], ['outsider', 'NO_ACCESS'], ['anonymous', 'UNAUTHENTICATED']] as const) {
    expect(await setOpen(role, true)).toMatchObject({ ok: false, error: { code } });
    expect(await s.app.callBundled(role, 'vision/open-readers', {})).toMatchObject({ ok: false, error: { code } });
  }
  // The site admin administers MOB but may not browse it: refused, MOB unchanged.
  expect(await setOpen('siteAdmin', true, settings(MOB))).toMatchObject({ ok: false, error: { code: 'NO_ACCESS' } });
  expect(await s.app.callBundled('admin', 'vision/set-open-readers', { enabled: 'yes' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(await s.app.callBundled('admin', 'vision/set-open-readers', { enabled: true, projectId: MOB.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(property()).toEqual(before);
  expect(s.app.site.projects.find((p) => p.key === 'MOB')!.properties.has(OPEN_READERS_PROPERTY)).toBe(false);

  // Written by hand through Jira's REST API as something else than `enabled: true`: off.
  s.app.site.projects.find((p) => p.key === 'PV')!.properties.set(OPEN_READERS_PROPERTY, { enabled: 'true' });
  expect(await macroAs('outsider')).toMatchObject({ ok: false, error: { code: 'NO_ACCESS' } });
});
