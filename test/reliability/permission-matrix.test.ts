/**
 * One permission matrix for the whole app: EVERY resolver key of every function (the Jira resolver's
 * JIRA_KEYS and the macro resolver's MACRO_KEYS, taken from the contract, so a new key without a row
 * fails here) × every role, with the answer each must get, and refusals that change nothing (every
 * stored key, and the issue and project properties in Jira). Then cross-references: payloads (and
 * macro configs) naming another project's issue, goal, KPI, launch, iteration, feedback, version or
 * the project itself — all refused, nothing changed.
 *
 * Roles: project admin; member (edits issues); viewer (browse only); a user who cannot browse the
 * project (outsider); no account; and the site admin (Jira's ADMINISTER) twice: in PV, where it is in
 * the Administrators role, and in MOB, which it administers (Jira answers ADMINISTER_PROJECTS true)
 * but may not browse. Reading needs Browse projects, so there it gets NO_ACCESS for everything,
 * writes included: the app never changes what its user cannot see. Site-wide keys (the portfolio, company
 * goals) depend on the user, not the project: any signed-in user reads them; Jira administrators (and the
 * people they name, in src/use-cases/portfolio/portfolio.test.ts) change company goals.
 */
import { JIRA_KEYS, MACRO_KEYS, type Result } from '../../src/contract';
import { PV_CONFIG } from '../support/macro-app';
import { goalInput, kpiInput, PV, type Role } from '../support/local-app';
import { IDS, ITERATION_30 } from '../support/post-launch';
import { companyGoalInput, extensionFor, gadget, JIRA_ROWS, MOB, payloadOf, seeded, settings, type Access, type App, type JiraKey, type Seeded } from '../support/seeded-project';
const MOB_CONFIG = { ...PV_CONFIG, projectId: '10001', projectKey: 'MOB', projectName: 'Mobile App' };

type MacroKey = (typeof MACRO_KEYS)[number];

const MACRO_ROWS: Record<MacroKey, { access: Access; payload: unknown }> = {
  'macro/load': { access: 'macro-read', payload: {} },
  'macro/projects': { access: 'macro-list', payload: {} },
  'macro/versions': { access: 'macro-read', payload: { projectId: '10000' } },
};

/** The roles of the matrix: who, and in which project the call is made (the site admin twice). */
const ROLES = [
  { label: 'project admin', role: 'admin', project: PV },
  { label: 'member', role: 'member', project: PV },
  { label: 'viewer (browse only)', role: 'viewer', project: PV },
  { label: 'cannot browse (outsider)', role: 'outsider', project: PV },
  { label: 'no account', role: 'anonymous', project: PV },
  { label: 'site admin in PV (Administrators role)', role: 'siteAdmin', project: PV },
  { label: 'site admin in MOB (administers, cannot browse)', role: 'siteAdmin', project: MOB },
] as const satisfies ReadonlyArray<{ label: string; role: Role; project: typeof PV }>;
type RoleRow = (typeof ROLES)[number];

/** The answer each role gets for each kind of key. */
function expected(r: RoleRow, access: Access): string {
  if (r.role === 'anonymous') return 'UNAUTHENTICATED';
  if (access === 'macro-list' || access === 'signed-in') return 'ok';
  // Site-wide keys: the project the call comes from does not matter, Jira's ADMINISTER does.
  if (access === 'company-edit' || access === 'jira-admin') return r.role === 'siteAdmin' ? 'ok' : 'FORBIDDEN';
  const canBrowse = r.role !== 'outsider' && r.project === PV;
  if (!canBrowse) return 'NO_ACCESS';
  if (access === 'read' || access === 'panel-read' || access === 'macro-read' || access === 'contribute') return 'ok';
  if (r.role === 'admin' || r.role === 'siteAdmin') return 'ok';
  if ((access === 'epic-edit' || access === 'panel-edit' || access === 'issue-create') && r.role === 'member') return 'ok';
  return 'FORBIDDEN';
}

const cases = { total: 0, perRole: {} as Record<string, number> };
const counted = (label: string) => {
  cases.total += 1;
  cases.perRole[label] = (cases.perRole[label] ?? 0) + 1;
};
afterAll(() => {
  console.log(
    `permission cases run: ${cases.total} — ${Object.entries(cases.perRole)
      .map(([role, n]) => `${role}: ${n}`)
      .join('; ')}`,
  );
});

/** Every stored key and every issue and project property in Jira: what "nothing changed" compares. */
async function world(app: App) {
  return {
    stored: (await app.snapshot()).filter((e) => !/:perm:|:epic-types$/.test(e.key)),
    jira: JSON.stringify([
      app.site.issues.map((i) => [i.key, [...i.properties.entries()]]),
      app.site.projects.map((p) => [p.key, [...p.properties.entries()]]),
    ]),
  };
}

const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('permission matrix: every key × every role', () => {
  let shared: Seeded;
  beforeAll(async () => {
    shared = await seeded();
  });

  it('has a row for every key of every resolver function', () => {
    expect(Object.keys(JIRA_ROWS).sort()).toEqual([...JIRA_KEYS].sort());
    expect(Object.keys(MACRO_ROWS).sort()).toEqual([...MACRO_KEYS].sort());
  });

  const jiraCases = JIRA_KEYS.flatMap((key) => ROLES.map((r) => [key, r.label, r] as const));
  it.each(jiraCases)('%s as %s', async (key, label, r) => {
    const row = JIRA_ROWS[key];
    const want = expected(r, row.access);
    const wantCode = want === 'ok' && row.admin ? row.admin : want;
    // A write that should succeed runs on its own fresh project; everything else on the shared one,
    // which every refusal must leave exactly as it was.
    const isWrite = row.access !== 'read' && row.access !== 'panel-read' && row.access !== 'admin-read' && row.access !== 'signed-in' && row.access !== 'macro-list';
    const s = want === 'ok' && isWrite ? await seeded() : shared;
    const before = await world(s.app);
    // Through the bundle `forge deploy` uploads and the real Forge SDKs: every key, every role.
    const answer = await s.app.callBundled(r.role, key, payloadOf(key, s), extensionFor(s.app, key, r.project));
    counted(label);
    expect(codeOf(answer)).toBe(wantCode);
    if (!answer.ok) {
      expect(answer.error.message.length).toBeGreaterThan(10);
      expect(await world(s.app)).toEqual(before);
    }
  });

  const macroCases = MACRO_KEYS.flatMap((key) => ROLES.map((r) => [key, r.label, r] as const));
  it.each(macroCases)('%s as %s', async (key, label, r) => {
    const row = MACRO_ROWS[key];
    const before = await world(shared.app);
    // The macro's project comes from its config (or, for versions, the payload): the role's project.
    const onMob = r.project === MOB;
    const config = onMob ? MOB_CONFIG : PV_CONFIG;
    const payload = key === 'macro/versions' ? { projectId: r.project.id } : row.payload;
    const answer = await shared.app.callMacroBundled(r.role, key, payload, key === 'macro/load' ? config : undefined);
    counted(label);
    expect(codeOf(answer)).toBe(expected(r, row.access));
    if (!answer.ok) {
      expect(JSON.stringify(answer)).not.toMatch(/The MOB vision|Every customer solves/);
      expect(answer).not.toHaveProperty('data');
    }
    if (answer.ok && key === 'macro/projects') {
      // Only projects the user may browse: the site admin does not browse MOB.
      const keys = answer.data.projects.map((p: { key: string }) => p.key);
      if (r.role === 'siteAdmin' || r.role === 'viewer') expect(keys).toEqual(['PV']);
      if (r.role === 'outsider') expect(keys).toEqual([]);
    }
    expect(await world(shared.app)).toEqual(before);
  });
});

describe('the portfolio shows each role only the projects it may browse', () => {
  it('rows and company goal contributions, per role, through the bundle', async () => {
    const s = await seeded();
    const global = { type: 'jira:globalPage' };
    const company = await s.app.callBundled('siteAdmin', 'company-goal/create', { goal: companyGoalInput(), baseRevision: 0 }, global);
    if (!company.ok) throw new Error(JSON.stringify(company.error));
    const companyGoalId = company.data.goals[0].id;
    // A goal of each project contributes to it: PV's and MOB's.
    expect(codeOf(await s.app.call('admin', 'goal/contribute', { goalId: IDS.goal, companyGoalId, baseRevision: 3 }, settings(PV)))).toBe('ok');
    expect(codeOf(await s.app.call('admin', 'goal/contribute', { goalId: s.mob.goal, companyGoalId, baseRevision: 2 }, settings(MOB)))).toBe('ok');
    await s.app.forge().queue.drain();
    await s.app.queue.drain();
    const seen: Record<string, unknown> = {};
    for (const r of ROLES) {
      const answer = await s.app.callBundled(r.role, 'portfolio/load', {}, global);
      counted(`${r.label} (portfolio rows)`);
      seen[`${r.role}@${r.project.key}`] = answer.ok
        ? [answer.data.rows.map((row: { projectKey: string }) => row.projectKey), answer.data.companyGoals[0].contributions.map((c: { projectKey: string }) => c.projectKey)]
        : answer.error.code;
    }
    expect(seen).toEqual({
      'admin@PV': [['MOB', 'PV'], ['MOB', 'PV']],
      'member@PV': [['MOB', 'PV'], ['MOB', 'PV']],
      // Browses PV only: MOB's row and MOB's contribution stay out.
      'viewer@PV': [['PV'], ['PV']],
      'outsider@PV': [[], []],
      'anonymous@PV': 'UNAUTHENTICATED',
      // A Jira administrator who browses PV but not MOB: the site-wide page is the same from anywhere.
      'siteAdmin@PV': [['PV'], ['PV']],
      'siteAdmin@MOB': [['PV'], ['PV']],
    });
  });
});

describe('cross-references: a payload naming what the context does not allow is refused, nothing changed', () => {
  let s: Seeded;
  beforeAll(async () => {
    s = await seeded();
  });

  /** [what, key, payload (from PV's settings page, as its admin), the answer]. */
  const refs = (): Array<[string, JiraKey, unknown, string]> => {
    const m = s.mob;
    const mobIteration = { launchId: m.launch, iterationId: m.iteration };
    return [
      ['an issue of MOB (inline goal picker)', 'alignment/set-goal', { issueKey: 'MOB-1', goalId: IDS.goal, baseGoalId: null }, 'NOT_FOUND'],
      ['a goal of MOB on a PV epic', 'alignment/set-goal', { issueKey: 'PV-2', goalId: m.goal, baseGoalId: null }, 'VALIDATION_FAILED'],
      ['a goal of MOB (update)', 'goal/update', { goalId: m.goal, goal: goalInput(), baseRevision: 3 }, 'NOT_FOUND'],
      ['a goal of MOB (delete)', 'goal/delete', { goalId: m.goal, baseRevision: 3, confirm: true }, 'NOT_FOUND'],
      ['a KPI under a goal of MOB', 'kpi/create', { kpi: kpiInput(m.goal), baseRevision: 3 }, 'VALIDATION_FAILED'],
      ['a KPI of MOB (update)', 'kpi/update', { kpiId: m.kpi, kpi: kpiInput(IDS.goal), baseRevision: 3 }, 'NOT_FOUND'],
      ['a KPI of MOB (delete)', 'kpi/delete', { kpiId: m.kpi, baseRevision: 3 }, 'NOT_FOUND'],
      ['a KPI of MOB (measure)', 'kpi/measure', { kpiId: m.kpi, date: '2025-07-02', value: 1, note: '', baseRevision: 0 }, 'VALIDATION_FAILED'],
      ['a KPI of MOB (unmeasure)', 'kpi/unmeasure', { kpiId: m.kpi, date: '2025-07-01', baseRevision: 1 }, 'VALIDATION_FAILED'],
      ['a KPI of MOB (a day’s history)', 'kpi/measurement', { kpiId: m.kpi, date: '2025-07-01' }, 'NOT_FOUND'],
      ['a KPI of MOB (chart)', 'kpi/chart', { kpiId: m.kpi }, 'NOT_FOUND'],
      ['a KPI of MOB (older year)', 'kpi/chart-year', { kpiId: m.kpi, year: 2025 }, 'NOT_FOUND'],
      ['a KPI of MOB (JQL)', 'kpi/set-jql', { kpiId: m.kpi, jql: 'project = PV', baseJql: null }, 'VALIDATION_FAILED'],
      ['a PV KPI entered on an iteration of MOB', 'kpi/measure', { kpiId: IDS.calls, date: '2025-07-05', value: 1, note: '', baseRevision: 0, iteration: mobIteration }, 'NOT_FOUND'],
      ['a launch of MOB (summary)', 'launch/summary', { launchId: m.launch }, 'NOT_FOUND'],
      ['a launch of MOB (delete)', 'launch/delete', { launchId: m.launch, baseRevision: 1 }, 'NOT_FOUND'],
      ['a version of MOB (launch)', 'launch/create', { name: 'x', versionId: '10103', date: null, preset: 'none', baseRevision: 1 }, 'VALIDATION_FAILED'],
      ['a launch of MOB (new iteration)', 'iteration/create', { launchId: m.launch, iteration: { name: 'x', start: '2025-10-01', end: '2025-10-31', versionId: null }, baseRevision: 1 }, 'NOT_FOUND'],
      ['a version of MOB (iteration)', 'iteration/update', { launchId: IDS.launch, iterationId: IDS.it90, iteration: { name: 'x', start: '2025-08-30', end: '2025-09-30', versionId: '10103' }, baseRevision: 1 }, 'VALIDATION_FAILED'],
      ['an iteration of MOB (update)', 'iteration/update', { ...mobIteration, iteration: { name: 'x', start: '2025-07-02', end: '2025-07-30', versionId: null }, baseRevision: 1 }, 'NOT_FOUND'],
      ['an iteration of MOB (delete)', 'iteration/delete', { ...mobIteration, baseRevision: 1, confirm: true }, 'NOT_FOUND'],
      ['an iteration of MOB (page)', 'iteration/load', mobIteration, 'NOT_FOUND'],
      ['an iteration of MOB (decide)', 'iteration/decide', { ...mobIteration, kind: 'decision', text: 'x' }, 'NOT_FOUND'],
      ['an iteration of MOB (decisions)', 'iteration/decisions', mobIteration, 'NOT_FOUND'],
      ['an iteration of MOB (create an issue)', 'iteration/create-issue', { ...mobIteration, decisionId: s.decisionId, issueTypeId: '10002' }, 'NOT_FOUND'],
      ['an issue type of MOB (create an issue in PV)', 'iteration/create-issue', { ...ITERATION_30, decisionId: s.decisionId, issueTypeId: '10011' }, 'VALIDATION_FAILED'],
      ['an iteration of MOB (feedback list)', 'feedback/list', { iteration: mobIteration }, 'NOT_FOUND'],
      ['feedback linked to MOB’s goal, KPI and iteration', 'feedback/create', { source: 'survey', text: 'x', sentiment: 'positive', goalId: m.goal, kpiId: m.kpi, iteration: mobIteration }, 'VALIDATION_FAILED'],
      ['a feedback item of MOB (delete)', 'feedback/delete', { feedbackId: m.feedback }, 'NOT_FOUND'],
      ['a feedback item of MOB (triage)', 'feedback/classify', { feedbackId: m.feedback, source: 'survey', sentiment: 'neutral', goalId: null, kpiId: null, iteration: null }, 'NOT_FOUND'],
      ['PV feedback triaged onto MOB’s goal, KPI and iteration', 'feedback/classify', { feedbackId: s.feedbackId, source: 'survey', sentiment: 'neutral', goalId: m.goal, kpiId: m.kpi, iteration: mobIteration }, 'VALIDATION_FAILED'],
      ['feedback “about the epic” from a page that is no issue panel', 'feedback/create', { source: 'survey', text: 'x', sentiment: 'positive', goalId: null, kpiId: null, iteration: null, aboutEpic: true }, 'VALIDATION_FAILED'],
      ['a feedback source of MOB (remove)', 'intake/remove-source', { sourceId: m.source }, 'NOT_FOUND'],
      ['a feedback source of MOB (fetch)', 'intake/fetch', { sourceId: m.source }, 'NOT_FOUND'],
      ['a feedback item of MOB (triage)', 'intake/triage', { feedbackId: m.feedback, sentiment: 'neutral', goalId: null, kpiId: null, iteration: null }, 'NOT_FOUND'],
      ['a PV item triaged into MOB’s goal and iteration', 'intake/triage', { feedbackId: s.untriagedId, sentiment: 'neutral', goalId: m.goal, kpiId: null, iteration: mobIteration }, 'VALIDATION_FAILED'],
      ['a version PV never published (diff)', 'vision/diff', { from: 1, to: 7 }, 'NOT_FOUND'],
      ['a version PV never published (restore)', 'vision/restore', { version: 7, baseRevision: 1 }, 'NOT_FOUND'],
      ['the project named in the payload', 'goal/create', { goal: goalInput(), baseRevision: 3, projectId: '10001' }, 'VALIDATION_FAILED'],
      ['the project named in the payload (read)', 'project/load', { projectKey: 'MOB' }, 'VALIDATION_FAILED'],
    ];
  };

  it('refuses each, leaving PV, MOB and Jira as they were, and shows nothing of MOB', async () => {
    const problems: string[] = [];
    for (const [what, key, payload, code] of refs()) {
      const before = await world(s.app);
      const r = await s.app.call('admin', key, payload, settings(PV));
      counted('cross-reference (PV admin)');
      if (codeOf(r) !== code) problems.push(`${what} (${key}): ${codeOf(r)}, expected ${code}`);
      if (JSON.stringify(r).includes('MOB only.') || JSON.stringify(r).includes('Offline first')) problems.push(`${what} (${key}) answered MOB's data`);
      if (JSON.stringify(await world(s.app)) !== JSON.stringify(before)) problems.push(`${what} (${key}) changed something`);
    }
    expect(problems).toEqual([]);
  });

  it('the issue panel takes its issue from the context: a MOB epic under PV’s context is checked as MOB’s', async () => {
    const before = await world(s.app);
    const onMob = { type: 'jira:issuePanel', project: PV, issue: s.app.issue('MOB-1') };
    const viewer = await s.app.call('viewer', 'panel/set-goal', { goalId: IDS.goal }, onMob);
    const member = await s.app.call('member', 'panel/set-goal', { goalId: IDS.goal }, onMob);
    const load = await s.app.call('viewer', 'panel/load', {}, onMob);
    counted('cross-reference (panel)');
    counted('cross-reference (panel)');
    counted('cross-reference (panel)');
    expect([codeOf(viewer), codeOf(member), codeOf(load)]).toEqual(['NO_ACCESS', 'VALIDATION_FAILED', 'NO_ACCESS']);
    expect(await world(s.app)).toEqual(before);
  });

  it('a dashboard gadget configured with a project the viewer cannot browse shows nothing of it; a bad configuration names no project', async () => {
    const before = await world(s.app);
    const answers: string[] = [];
    for (const role of ['viewer', 'outsider', 'siteAdmin'] as Role[]) {
      const load = await s.app.callBundled(role, 'gadget/load', {}, gadget(MOB));
      counted('cross-reference (gadget)');
      answers.push(codeOf(load));
      expect(JSON.stringify(load)).not.toContain('The MOB vision');
    }
    expect(answers).toEqual(['NO_ACCESS', 'NO_ACCESS', 'NO_ACCESS']);
    // The same people see PV's, which they may browse; a member of MOB sees MOB's.
    expect(codeOf(await s.app.callBundled('viewer', 'gadget/load', {}, gadget(PV)))).toBe('ok');
    const mob = await s.app.callBundled('member', 'gadget/load', {}, gadget(MOB));
    expect(mob.ok && mob.data.vision.statement).toBe('The MOB vision, for MOB readers only.');
    // A configuration written by hand: a key that is not one, or no configuration at all.
    const bad = await s.app.callBundled('admin', 'gadget/load', {}, { type: 'jira:dashboardGadget', gadgetConfiguration: { projectId: '10001', projectKey: 'mob; drop' } });
    const none = await s.app.callBundled('admin', 'gadget/load', {}, { type: 'jira:dashboardGadget' });
    counted('cross-reference (gadget)');
    counted('cross-reference (gadget)');
    expect([codeOf(bad), codeOf(none)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(await world(s.app)).toEqual(before);
  });

  it('a macro config (or the versions picker) naming a project the viewer cannot browse shows nothing of it', async () => {
    const before = await world(s.app);
    const answers: Array<[string, string]> = [];
    for (const role of ['viewer', 'outsider', 'siteAdmin'] as Role[]) {
      const load = await s.app.callMacro(role, 'macro/load', {}, MOB_CONFIG);
      const versions = await s.app.callMacro(role, 'macro/versions', { projectId: '10001' }, undefined);
      const exported = JSON.stringify(await s.app.exportAs(role, MOB_CONFIG));
      counted('cross-reference (macro)');
      counted('cross-reference (macro)');
      counted('cross-reference (macro)');
      answers.push([codeOf(load), codeOf(versions)]);
      for (const text of [JSON.stringify(load), JSON.stringify(versions), exported]) expect(text).not.toContain('The MOB vision');
    }
    expect(answers).toEqual([
      ['NO_ACCESS', 'NO_ACCESS'],
      ['NO_ACCESS', 'NO_ACCESS'],
      ['NO_ACCESS', 'NO_ACCESS'],
    ]);
    // Those who may browse MOB see it.
    expect(codeOf(await s.app.callMacro('member', 'macro/load', {}, MOB_CONFIG))).toBe('ok');
    expect(await world(s.app)).toEqual(before);
  });
});

describe('a KPI counted across projects, through the bundle, per role', () => {
  const ACROSS = 'project in (PV, MOB) AND (issuetype = Bug OR parent = MOB-3)';
  let s: Seeded;
  beforeAll(async () => {
    s = await seeded();
  });

  it('is refused, with nothing changed, to a PV admin who may not browse MOB; set by one who may', async () => {
    const before = await world(s.app);
    const refused = await s.app.callBundled('siteAdmin', 'kpi/set-jql', { kpiId: IDS.csat, jql: ACROSS, baseJql: null }, settings(PV));
    counted('cross-project KPI');
    expect(codeOf(refused)).toBe('VALIDATION_FAILED');
    expect(await world(s.app)).toEqual(before);
    const set = await s.app.callBundled('admin', 'kpi/set-jql', { kpiId: IDS.csat, jql: ACROSS, baseJql: null }, settings(PV));
    counted('cross-project KPI');
    expect(set.ok && set.data.otherProjects).toEqual([{ id: '10001', key: 'MOB' }]);
  });

  it.each([
    ['project admin', 'admin', 'jql'],
    ['member (browses MOB)', 'member', 'jql'],
    ['viewer (cannot browse MOB)', 'viewer', 'count only'],
    ['site admin in PV (cannot browse MOB)', 'siteAdmin', 'count only'],
    ['cannot browse (outsider)', 'outsider', 'NO_ACCESS'],
    ['no account', 'anonymous', 'UNAUTHENTICATED'],
  ] as const)('launch/overview as %s: %s', async (_label, role, want) => {
    const r = await s.app.callBundled(role, 'launch/overview', {}, settings(PV));
    counted('cross-project KPI');
    if (!r.ok) return expect(r.error.code).toBe(want);
    const source = r.data.sources.find((x: { kpiId: string }) => x.kpiId === IDS.csat);
    expect(source.lastRun.count).toEqual(expect.any(Number));
    if (want === 'jql') expect(source.jql).toBe(ACROSS);
    else {
      expect(source).toMatchObject({ jql: '', hidden: true });
      expect(JSON.stringify(r)).not.toMatch(/MOB-\d|parent =/);
    }
  });
});
