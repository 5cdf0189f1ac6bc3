/**
 * Export and import through the real resolver definitions: the role matrix of the new keys, the round
 * trip (into an empty other project, and into another store = another site), replacing after a confirm,
 * an import that fails half-way (resumed, or rolled back), and bad files refused with nothing written.
 */
import fc from 'fast-check';
import { DEMO_USERS } from '../../../devtools/simulated-jira/seed';
import { StoreError } from '../../ports';
import { assembleExport, chunkBytes, EXPORT_FORMAT_VERSION, MAX_IMPORT_BYTES, splitForUpload, TRANSFER_KEYS, type ApiKey, type ExportDocument } from '../../contract';
import { createTestApp, goalInput, kpiInput, PV, visionInput, type Role } from '../../../test/support/local-app';
import { fixedClock } from '../../../test/support/post-launch';
import {
  buildRichProject,
  comparable,
  exportDocument,
  exportParts,
  importDocument,
  MOB,
  settingsOf,
  uploadAndCheck,
} from '../../../test/support/transfer';
import { EXPORT_BUDGET } from './export-project';
import { RUN_BUDGET } from './import-session';

jest.setTimeout(60_000);

type App = ReturnType<typeof createTestApp>;
type Key = (typeof TRANSFER_KEYS)[number];

async function richApp(): Promise<{ app: App; doc: ExportDocument }> {
  const app = createTestApp({ clock: fixedClock() });
  await buildRichProject(app);
  return { app, doc: await exportDocument(app) };
}

/** Every stored key and value under a project's prefix (and its import records), for "nothing written" checks. */
const projectKeys = async (app: App, projectId: string) =>
  (await app.snapshot()).filter((e) => e.key.startsWith(`project:${projectId}:`) || e.key.startsWith(`import:${projectId}:`) || e.key.includes(`:${projectId}`));

describe('permissions: every export and import key × every role', () => {
  const roles: Role[] = ['admin', 'member', 'viewer', 'outsider', 'anonymous'];
  const expected = (role: Role) =>
    role === 'admin' ? 'ok' : role === 'anonymous' ? 'UNAUTHENTICATED' : role === 'outsider' ? 'NO_ACCESS' : 'FORBIDDEN';

  /** PV with data, and an import of its own export uploaded and checked (a restore), for the keys that need one. */
  async function prepared() {
    const { app, doc } = await richApp();
    const text = JSON.stringify(doc);
    const { importId, check } = await uploadAndCheck(app, text, PV);
    expect(check.ok).toBe(true);
    const payloads: Record<Key, unknown> = {
      'export/project': {},
      'import/upload': { importId: null, index: 0, total: 1, bytes: 2, text: '{}' },
      'import/check': { importId },
      'import/run': { importId, replace: true },
      'import/rollback': { importId },
      'import/status': {},
    };
    return { app, payloads };
  }

  it.each(TRANSFER_KEYS.flatMap((key) => roles.map((role) => [key, role] as const)))('%s as %s', async (key, role) => {
    const { app, payloads } = await prepared();
    const before = await app.snapshot();
    const jiraWrites = () => Object.entries(app.site.calls).filter(([op]) => /^(PUT|DELETE) /.test(op));
    const writesBefore = jiraWrites();
    const result = await app.call(role, key as ApiKey, payloads[key], settingsOf(PV));
    expect(result.ok ? 'ok' : result.error.code).toBe(expected(role));
    if (!result.ok) {
      expect(result.error.message).toEqual(expect.any(String));
      expect(await app.snapshot()).toEqual(before);
      expect(jiraWrites()).toEqual(writesBefore);
    }
  });

  it('answers the viewer of another project NO_ACCESS (DEMO_USERS.viewer cannot browse MOB)', async () => {
    const app = createTestApp({ clock: fixedClock() });
    const r = await app.call('viewer', 'export/project', {}, settingsOf(MOB));
    expect(r.ok ? 'ok' : r.error.code).toBe('NO_ACCESS');
    expect(DEMO_USERS.viewer).toBeTruthy();
  });
});

describe('round trip', () => {
  it('exports PV, imports it into the empty MOB, and exports the same document (versions and JQL pointed at MOB)', async () => {
    const { app, doc } = await richApp();
    expect(doc.data.measurements.length).toBeGreaterThan(5);
    expect(doc.data.vision.draftRevisions).toHaveLength(3);
    expect(doc.data.vision.versions).toHaveLength(2);
    expect(doc.data.launchBook!.launches).toHaveLength(2);
    expect(doc.data.alignment.snapshots[0]!.perGoal).toEqual([{ goalId: doc.data.goalBook!.goals[0]!.id, epics: 1 }]);
    // Revisions with who and when: the deleted day keeps its three revisions.
    expect(doc.data.measurements.filter((m) => m.date === '2025-07-20').map((m) => m.action)).toEqual(['created', 'edited', 'deleted']);

    const run = await importDocument(app, doc, MOB);
    expect(run.progress).toMatchObject({ status: 'done', summary: 'written' });
    expect(run.preview.target).toEqual({ key: 'MOB', hasData: false, holdings: { vision: false, goals: 0, kpis: 0, launches: 0, history: false } });

    const again = await exportDocument(app, MOB);
    expect(again.source).toEqual({ projectKey: 'MOB', projectId: MOB.id });
    // What had to change on the way, and only that: MOB has no version "Portal 1.0"; the automatic KPI counts MOB.
    const expected = structuredClone(doc.data);
    const portal = expected.launchBook!.launches.find((l) => l.versionId === '10100')!;
    Object.assign(portal, { versionId: null, versionName: null });
    expected.kpiSources[0]!.jql = 'project = MOB AND issuetype = Bug';
    expect(again.data).toEqual(expected);
    expect(run.preview.notes).toEqual([
      'MOB has no version “Portal 1.0”: the launches and iterations of that version keep their dates, without a version.',
      'The automatic KPI “Open bugs” now counts MOB’s issues: project = MOB AND issuetype = Bug',
    ]);
    // The source project is untouched.
    expect(comparable(await exportDocument(app))).toEqual(comparable(doc));
  });

  it('imports into another store (another site) and exports the identical document; the app reads it the same', async () => {
    const { app, doc } = await richApp();
    const other = createTestApp({ clock: fixedClock() });
    await importDocument(other, JSON.stringify(doc), PV);
    expect(comparable(await exportDocument(other))).toEqual(comparable(doc));
    // The rebuilt caches answer as the originals: the page, a launch, an iteration, a chart, a day's revisions.
    const same = async (key: ApiKey, payload: unknown) => {
      const [a, b] = await Promise.all([app.call('member', key, payload), other.call('member', key, payload)]);
      expect(b).toEqual(a);
    };
    const launch = doc.data.launchBook!.launches.find((l) => l.versionId === '10100')!;
    const kpi = doc.data.goalBook!.kpis[0]!.id;
    // The page reads the same, but for alignment coverage: it counts the epics' goal links, which are Jira
    // issue properties of the first site (see below); the other site's first full pass counts its own.
    const [page, otherPage] = await Promise.all([app.call('member', 'project/load', {}), other.call('member', 'project/load', {})]);
    const { coverage, ...highlights } = (page as { data: { highlights: Record<string, unknown> } }).data.highlights;
    expect(coverage).toMatchObject({ epics: 8, aligned: 1 });
    // The guided start's alignment step is measured from that coverage too.
    type Guided = { steps: Array<{ id: string }> };
    const guided = (page as { data: { guidedStart: Guided } }).data.guidedStart;
    const withoutAlignment = (g: Guided) => ({ ...g, done: undefined, steps: g.steps.filter((st) => st.id !== 'alignment') });
    expect(withoutAlignment((otherPage as { data: { guidedStart: Guided } }).data.guidedStart)).toEqual(withoutAlignment(guided));
    const { guidedStart: _mine, ...rest } = (page as { data: { guidedStart: unknown } }).data;
    const { guidedStart: _theirs, ...otherRest } = (otherPage as { data: { guidedStart: unknown } }).data;
    expect({ ...otherPage, data: otherRest }).toEqual({ ...page, data: { ...rest, highlights } });
    await same('launch/overview', {});
    await same('launch/summary', { launchId: launch.id });
    await same('iteration/load', { launchId: launch.id, iterationId: launch.iterations[0]!.id });
    await same('kpi/chart', { kpiId: kpi });
    await same('kpi/measurement', { kpiId: kpi, date: '2025-07-20' });
    await same('vision/versions', {});
    await same('vision/history', {});
    await same('feedback/list', {});
    // Epic links are Jira issue properties: they stayed with PV-1 on the first site, and do not exist here.
    expect(app.goalLinks()['PV-1']).toBeDefined();
    expect(other.goalLinks()['PV-1']).toBeUndefined();
  });

  it('assembles the same document from many small parts as from one', async () => {
    const { app, doc } = await richApp();
    const saved = { ...EXPORT_BUDGET };
    EXPORT_BUDGET.pages = 1;
    try {
      const parts = await exportParts(app);
      expect(parts.length).toBeGreaterThan(2);
      expect(parts.every((p) => p.progress.unknown === 0)).toBe(true);
      expect(comparable(assembleExport(parts))).toEqual(comparable(doc));
    } finally {
      Object.assign(EXPORT_BUDGET, saved);
    }
  });

  it('carries any history of measurements and feedback losslessly (property-based)', async () => {
    const day = fc.integer({ min: 0, max: 500 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const step = fc.oneof(
      fc.record({ kind: fc.constant('measure' as const), kpi: fc.nat(1), date: day, value: fc.double({ min: -1e6, max: 1e6, noNaN: true }), note: fc.string({ unit: 'grapheme', maxLength: 40 }) }),
      fc.record({ kind: fc.constant('unmeasure' as const), kpi: fc.nat(1), date: day }),
      fc.record({ kind: fc.constant('feedback' as const), text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), sentiment: fc.constantFrom('positive', 'neutral', 'negative') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const app = createTestApp({ clock: fixedClock() });
        let book = (await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 }) as any).data;
        book = (await app.call('admin', 'kpi/create', { kpi: kpiInput('id-1'), baseRevision: book.revision }) as any).data;
        book = (await app.call('admin', 'kpi/create', { kpi: kpiInput('id-1', { name: 'Two', direction: 'increase', baseline: 0, target: 10 }), baseRevision: book.revision }) as any).data;
        const kpis = book.kpis.map((k: { id: string }) => k.id);
        for (const s of steps) {
          if (s.kind === 'feedback') {
            const r = await app.call('admin', 'feedback/create', { source: 'other', text: s.text, sentiment: s.sentiment, goalId: null, kpiId: kpis[0], iteration: null });
            if (!r.ok && r.error.code !== 'VALIDATION_FAILED') throw new Error(JSON.stringify(r.error));
            continue;
          }
          const detail = (await app.call('admin', 'kpi/measurement', { kpiId: kpis[s.kpi], date: s.date }) as any).data;
          const base = detail.current?.value === null || !detail.current ? 0 : detail.current.revision;
          const r =
            s.kind === 'measure'
              ? await app.call('admin', 'kpi/measure', { kpiId: kpis[s.kpi], date: s.date, value: s.value, note: s.note, baseRevision: base, confirmed: true })
              : await app.call('admin', 'kpi/unmeasure', { kpiId: kpis[s.kpi], date: s.date, baseRevision: base });
          if (!r.ok && !['NOT_FOUND', 'VALIDATION_FAILED'].includes(r.error.code)) throw new Error(JSON.stringify(r.error));
        }
        const doc = await exportDocument(app);
        const other = createTestApp({ clock: fixedClock() });
        await importDocument(other, doc, PV);
        expect(comparable(await exportDocument(other))).toEqual(comparable(doc));
        const charts = await Promise.all([app, other].map((a) => a.call('member', 'kpi/chart', { kpiId: kpis[0] })));
        expect(charts[1]).toEqual(charts[0]);
      }),
      { numRuns: 25 },
    );
  });

  it('migrates a vision stored before drafts and publishing existed: exported as draft and version 1, imported in today’s shape', async () => {
    const app = createTestApp({ clock: fixedClock() });
    const legacy = { ...visionInput(), revision: 4, updatedBy: DEMO_USERS.admin, updatedAt: '2024-05-01T10:00:00.000Z' };
    delete (legacy as { baseRevision?: number }).baseRevision;
    await app.store.set(`project:${PV.id}:vision`, legacy);
    const doc = await exportDocument(app);
    expect(doc.data.vision.draft).toMatchObject({ statement: legacy.statement, revision: 4, bets: [], reviewCadenceDays: 90, restoredFrom: null });
    expect(doc.data.vision.versions).toEqual([
      expect.objectContaining({ version: 1, legacy: true, publishedBy: DEMO_USERS.admin, publishedAt: legacy.updatedAt, draftRevision: null }),
    ]);
    await importDocument(app, doc, MOB);
    expect(await app.store.get(`project:${MOB.id}:vision`)).toMatchObject({ schemaVersion: 2, format: 2, revision: 4 });
    expect(await app.store.get(`project:${MOB.id}:vision-pub:${String(9_999_999_999 - 1).padStart(10, '0')}`)).toMatchObject({ schemaVersion: 1, legacy: true });
    expect((await exportDocument(app, MOB)).data).toEqual(doc.data);
  });
});

describe('replacing a project that has data', () => {
  it('asks first (CONFIRMATION_REQUIRED with what it holds, nothing written), then replaces everything', async () => {
    const { app, doc } = await richApp();
    // PV gets something the file does not have.
    await app.call('admin', 'feedback/create', { source: 'other', text: 'Only in PV now', sentiment: 'neutral', goalId: null, kpiId: null, iteration: null });
    const { importId, check } = await uploadAndCheck(app, JSON.stringify(doc), PV);
    expect(check.ok && check.data.target).toMatchObject({ hasData: true, holdings: { vision: true, goals: 2, kpis: 3, launches: 2, history: true } });
    const before = await app.snapshot();
    const refused = await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(PV));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('CONFIRMATION_REQUIRED');
    expect(refused.ok || refused.error.details).toMatchObject({ goals: 2 });
    expect(await app.snapshot()).toEqual(before);

    const done = await app.call('admin', 'import/run', { importId, replace: true }, settingsOf(PV));
    expect(done.ok && done.data.status).toBe('done');
    const after = await exportDocument(app);
    expect(comparable(after)).toEqual(comparable(doc));
    expect(after.data.feedback.some((f) => f.text === 'Only in PV now')).toBe(false);
    // The app goes on from the imported revisions: the next edits commit.
    const view = (await app.call('admin', 'project/load', {}) as any).data;
    expect((await app.call('admin', 'vision/save', { ...visionInput(view.vision.revision), horizon: '2031' })).ok).toBe(true);
    expect((await app.call('admin', 'goal/create', { goal: goalInput({ title: 'After import' }), baseRevision: view.goalBook.revision })).ok).toBe(true);
  });
});

describe('an import that fails half-way', () => {
  /** Makes the store's `n`-th transaction from now fail once. */
  function failTransaction(app: App, n: number) {
    const original = app.store.transact.bind(app.store);
    let seen = 0;
    app.store.transact = async (ops) => {
      seen += 1;
      if (seen === n) throw new StoreError('STORE_FAILURE', 'Injected failure');
      return original(ops);
    };
    return () => {
      app.store.transact = original;
    };
  }

  it('is marked incomplete with where it stopped, and resumes to the same data', async () => {
    const { app, doc } = await richApp();
    const { importId } = await uploadAndCheck(app, JSON.stringify(doc), MOB);
    const restore = failTransaction(app, 2);
    const stopped = await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(MOB));
    restore();
    expect(stopped.ok && stopped.data).toMatchObject({ status: 'incomplete', done: 25 });
    expect(stopped.ok && stopped.data.message).toMatch(/Writing stopped after 25 of \d+ records/);
    const status = await app.call('admin', 'import/status', {}, settingsOf(MOB));
    expect(status.ok && status.data.status).toBe('incomplete');
    // Another import cannot start meanwhile.
    const blocked = await app.call('admin', 'import/upload', { importId: null, index: 0, total: 1, bytes: 2, text: '{}' }, settingsOf(MOB));
    expect(blocked.ok ? 'ok' : blocked.error.code).toBe('CONFLICT');

    const resumed = await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(MOB));
    expect(resumed.ok && resumed.data.status).toBe('done');
    const again = await exportDocument(app, MOB);
    expect(again.data.measurements).toEqual(doc.data.measurements);
    expect(again.data.goalBook).toEqual(doc.data.goalBook);
  });

  it('stops while clearing the data it replaces, and resumes by clearing the rest first', async () => {
    const { app, doc } = await richApp();
    await app.call('admin', 'feedback/create', { source: 'other', text: 'Only in PV now', sentiment: 'neutral', goalId: null, kpiId: null, iteration: null });
    const { importId } = await uploadAndCheck(app, JSON.stringify(doc), PV);
    const restore = failTransaction(app, 2);
    const stopped = await app.call('admin', 'import/run', { importId, replace: true }, settingsOf(PV));
    restore();
    expect(stopped.ok && stopped.data).toMatchObject({ status: 'incomplete', message: expect.stringMatching(/Clearing the project stopped/) });
    const resumed = await app.call('admin', 'import/run', { importId, replace: true }, settingsOf(PV));
    expect(resumed.ok && resumed.data.status).toBe('done');
    expect(comparable(await exportDocument(app))).toEqual(comparable(doc));
  });

  it('rolls back: the project is left empty, and a new import can start', async () => {
    const { app, doc } = await richApp();
    const { importId } = await uploadAndCheck(app, JSON.stringify(doc), MOB);
    const restore = failTransaction(app, 1);
    await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(MOB));
    restore();
    const rolled = await app.call('admin', 'import/rollback', { importId }, settingsOf(MOB));
    expect(rolled.ok && rolled.data.status).toBe('rolled-back');
    expect((await app.snapshot()).filter((e) => e.key.startsWith(`project:${MOB.id}:`) || e.key.startsWith(`import:${MOB.id}:${importId}`))).toEqual([]);
    expect((await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(MOB))).ok).toBe(false);
    await importDocument(app, doc, MOB);
    expect((await exportDocument(app, MOB)).data.goalBook).toEqual(doc.data.goalBook);
  });

  it('writes a large import over several invocations, with its progress saved between them', async () => {
    const { app, doc } = await richApp();
    const saved = { ...RUN_BUDGET };
    RUN_BUDGET.ops = 1;
    try {
      const { importId } = await uploadAndCheck(app, JSON.stringify(doc), MOB);
      const first = await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(MOB));
      expect(first.ok && first.data).toMatchObject({ status: 'writing', done: 25 });
      const status = await app.call('admin', 'import/status', {}, settingsOf(MOB));
      expect(status.ok && status.data).toMatchObject({ status: 'writing', done: 25, total: first.ok ? first.data.total : -1 });
      // While it is being written, another import cannot start.
      expect(await importDocument(app, doc, MOB).catch((e: Error) => e.message)).toMatch(/CONFLICT/);
      const second = await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(MOB));
      expect(second.ok && second.data.done).toBe(Math.min(50, first.ok ? first.data.total : 0));
      let last = second;
      while (last.ok && last.data.status !== 'done') last = await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(MOB));
      expect(comparable(await exportDocument(app, MOB)).data.feedback).toEqual(doc.data.feedback);
    } finally {
      Object.assign(RUN_BUDGET, saved);
    }
  });

  it('refuses to run the same import from two tabs at once', async () => {
    const { app, doc } = await richApp();
    const { importId } = await uploadAndCheck(app, JSON.stringify(doc), MOB);
    await app.store.setIfAbsent(`import:${MOB.id}:lease`, { importId, at: 'x' }, { ttlSeconds: 60 });
    const r = await app.call('admin', 'import/run', { importId, replace: false }, settingsOf(MOB));
    expect(r.ok ? 'ok' : r.error.code).toBe('CONFLICT');
  });
});

describe('bad files are refused with a clear error, and nothing is written', () => {
  let app: App;
  let doc: ExportDocument;
  beforeAll(async () => {
    ({ app, doc } = await richApp());
  });

  /** Uploads `text` into MOB and checks it: answers the refusal; MOB's keys and import state are as before. */
  async function refused(text: string) {
    const before = await projectKeys(app, MOB.id);
    const { check } = await uploadAndCheck(app, text, MOB);
    expect(check.ok).toBe(false);
    const after = (await projectKeys(app, MOB.id)).filter((e) => !e.key.includes(':chunk:') && e.key !== `import:${MOB.id}:state`);
    expect(after).toEqual(before.filter((e) => !e.key.includes(':chunk:') && e.key !== `import:${MOB.id}:state`));
    // The import stays "uploading": it never became ready to run.
    expect((await app.store.get<{ status: string }>(`import:${MOB.id}:state`))?.status).toBe('uploading');
    return check.ok ? null : check.error;
  }

  /** The rich export with one change (made when the test runs). */
  const mutate = (change: (d: any) => void) => () => {
    const copy = structuredClone(doc) as any;
    change(copy);
    return JSON.stringify(copy);
  };

  it.each([
    ['not JSON', () => '{"format": "product-vision-export", "formatVe', /not valid JSON/],
    ['another format', () => JSON.stringify({ format: 'jira-backup', formatVersion: 1 }), /not a Product Vision export/],
    ['a newer format version', mutate((d) => (d.formatVersion = EXPORT_FORMAT_VERSION + 1)), /newer version of the app \(format version 2/],
    ['a measurement that is not a number', mutate((d) => (d.data.measurements[0].value = 'lots')), /data\.measurements\.0\.value/],
    ['an unknown field in a record', mutate((d) => (d.data.feedback[0].extra = 1)), /data\.feedback\.0/],
    ['a goal title over the limit', mutate((d) => (d.data.goalBook.goals[0].title = 'x'.repeat(121))), /data\.goalBook\.goals\.0\.title/],
    ['31 goals', mutate((d) => d.data.goalBook.goals.push(...Array.from({ length: 29 }, (_, i) => ({ ...d.data.goalBook.goals[0], id: `g${i}` })))), /At most 30/],
    ['an impossible date', mutate((d) => (d.data.measurements[0].date = '2025-02-30')), /data\.measurements\.0\.date: Not a real calendar date/],
    ['a KPI of a goal not in the file', mutate((d) => (d.data.goalBook.kpis[0].goalId = 'gone')), /not in the file/],
    ['feedback twice', mutate((d) => d.data.feedback.push(d.data.feedback[0])), /appears twice/],
    ['a draft older than its revisions', mutate((d) => (d.data.vision.draft.revision = 1)), /older than revision 3/],
    ['a "__proto__" key', mutate((d) => (d.data.goalBook.goals[0] = JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(d.data.goalBook.goals[0]).slice(1)}`))), /"__proto__"/],
    ['a "constructor" key', () => JSON.stringify(doc).replace('"data":{', '"data":{"constructor":{"prototype":{"x":1}},'), /"(constructor|prototype)"/],
    ['a goal id "__proto__"', mutate((d) => (d.data.goalBook.goals[0].id = '__proto__')), /Not a valid id/],
    ['a key that storage refuses', mutate((d) => (d.data.feedback[0].id = 'a'.repeat(101))), /Not a valid id/],
  ] as Array<[string, () => string, RegExp]>)('%s', async (_name, text, message) => {
    const error = await refused(text());
    expect(error!.code).toBe('VALIDATION_FAILED');
    expect(`${error!.message} ${JSON.stringify(error!.fields ?? [])}`).toMatch(message);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses a file over the size limit, and chunks that do not fit, before storing them', async () => {
    const before = await app.snapshot();
    const tooBig = await app.call('admin', 'import/upload', { importId: null, index: 0, total: 1, bytes: MAX_IMPORT_BYTES + 1, text: '{' }, settingsOf(MOB));
    expect(tooBig.ok ? 'ok' : tooBig.error.code).toBe('VALIDATION_FAILED');
    const wide = await app.call('admin', 'import/upload', { importId: null, index: 0, total: 1, bytes: 600_000, text: '€'.repeat(200_000) }, settingsOf(MOB));
    expect(wide.ok ? 'ok' : wide.error.code).toBe('VALIDATION_FAILED');
    expect(await app.snapshot()).toEqual(before);
  });

  it('refuses junk anywhere in a file, or imports it whole (property-based)', async () => {
    const paths: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      if (path.length) paths.push(path);
      if (typeof v === 'object' && v !== null && path.length < 6) for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
    };
    walk(doc, []);
    const junk = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]), fc.string({ minLength: 3000, maxLength: 3000 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), junk, async (path, value) => {
        const copy = structuredClone(doc) as any;
        let at = copy;
        for (const k of path.slice(0, -1)) at = at[k];
        at[path[path.length - 1]!] = value;
        const fresh = createTestApp({ clock: fixedClock() });
        const { check } = await uploadAndCheck(fresh, JSON.stringify(copy), MOB);
        if (!check.ok) {
          expect(check.error.code).toBe('VALIDATION_FAILED');
          expect((await fresh.snapshot()).filter((e) => e.key.startsWith(`project:${MOB.id}:`))).toEqual([]);
        } else {
          await importDocument(fresh, JSON.stringify(copy), MOB);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('splits text on UTF-8 byte bounds, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 14, max: 60 }), (text, max) => {
        const chunks = splitForUpload(text, max);
        expect(chunks.join('')).toBe(text);
        for (const c of chunks) {
          expect(chunkBytes(c)).toBeLessThanOrEqual(max);
          expect(/[\uD800-\uDBFF]$/.test(c) && c !== chunks[chunks.length - 1]).toBe(false);
        }
      }),
    );
  });
});
