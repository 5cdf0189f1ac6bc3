/**
 * Export and import through the real resolver definitions, as the settings page drives them: the export
 * part by part until the cursor is null (assembled with the contract's `assembleExport`), the import in
 * chunks, checked, then run until done. And a rich project with every kind of record.
 */
import { DEMO_PROJECTS } from '../../devtools/simulated-jira/seed';
import { assembleExport, splitForUpload, type ExportDocument, type ExportPart, type ImportPreview, type ImportProgress, type Result } from '../../src/contract';
import type { createTestApp, Role } from './local-app';
import { goalInput, kpiInput, panelOn, PV, visionInput } from './local-app';

type App = ReturnType<typeof createTestApp>;

type ProjectRef = { id: string; key: string; type?: string };

export const MOB: ProjectRef = { id: DEMO_PROJECTS.MOB.id, key: DEMO_PROJECTS.MOB.key, type: 'software' };
export const settingsOf = (project: ProjectRef) => ({ type: 'jira:projectSettingsPage', project: { type: 'software', ...project } });

/** Every part of the export of `project`; throws on a refusal. */
export async function exportParts(app: App, project: ProjectRef = PV, role: Role = 'admin'): Promise<ExportPart[]> {
  const parts: ExportPart[] = [];
  let cursor: string | undefined;
  do {
    const r = await app.call(role, 'export/project', cursor ? { cursor } : {}, settingsOf(project));
    if (!r.ok) throw new Error(`export/project: ${JSON.stringify(r.error)}`);
    parts.push(r.data);
    cursor = r.data.cursor ?? undefined;
  } while (cursor);
  return parts;
}

export const exportDocument = async (app: App, project: ProjectRef = PV): Promise<ExportDocument> => assembleExport(await exportParts(app, project));

export interface ImportRun {
  preview: ImportPreview;
  progress: ImportProgress;
  invokes: { upload: number; check: number; run: number };
}

/** Uploads `text` into `project` and checks it: the import id and the preview (or the refusal). */
export async function uploadAndCheck(app: App, text: string, project: ProjectRef = MOB) {
  const chunks = splitForUpload(text);
  const bytes = new TextEncoder().encode(text).length;
  let importId: string | null = null;
  for (const [index, chunk] of chunks.entries()) {
    const r: Result<any> = await app.call('admin', 'import/upload', { importId, index, total: chunks.length, bytes, text: chunk }, settingsOf(project));
    if (!r.ok) throw new Error(`import/upload: ${JSON.stringify(r.error)}`);
    importId = r.data.importId;
  }
  const check = await app.call('admin', 'import/check', { importId }, settingsOf(project));
  return { importId: importId!, check, uploads: chunks.length };
}

/** The whole import of `doc` (or text) into `project`; throws on any refusal. */
export async function importDocument(app: App, doc: ExportDocument | string, project: ProjectRef = MOB, options: { replace?: boolean } = {}): Promise<ImportRun> {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  const { importId, check, uploads } = await uploadAndCheck(app, text, project);
  if (!check.ok) throw new Error(`import/check: ${JSON.stringify(check.error)}`);
  let runs = 0;
  let progress: ImportProgress;
  do {
    const r = await app.call('admin', 'import/run', { importId, replace: options.replace ?? false }, settingsOf(project));
    runs += 1;
    if (!r.ok) throw new Error(`import/run: ${JSON.stringify(r.error)}`);
    progress = r.data;
    if (progress.status === 'incomplete') throw new Error(`import incomplete: ${progress.message}`);
  } while (progress.status !== 'done');
  return { preview: check.data, progress, invokes: { upload: uploads, check: 1, run: runs } };
}

/** The document without what may differ between two exports of the same data. */
export const comparable = (doc: ExportDocument) => ({ format: doc.format, formatVersion: doc.formatVersion, data: doc.data });

/**
 * A project with every kind of record: a vision saved three times (unicode, bets), published twice and an
 * old version restored; two goals with three KPIs (one automatic); measurements entered, replaced and
 * deleted (revisions); two launches (a version's with +30/+60/+90, and a dated one with a named iteration);
 * feedback linked every way; decisions; an alignment snapshot and trend. "Today" is the app's clock.
 */
export async function buildRichProject(app: App, project: ProjectRef = PV): Promise<void> {
  const ctx = settingsOf(project);
  const must = async (key: string, payload: unknown) => {
    const r = await app.call('admin', key as never, payload, ctx);
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const bets = [
    { kind: 'assumption', text: 'Kunden wollen Selbstbedienung — 顧客はセルフサービスを望む 🚀', ownerAccountId: null, reviewBy: '2025-12-01' },
    { kind: 'risk', text: 'Ünïcödé risk: “quotes” & <tags> \\ back\\slash', ownerAccountId: null, reviewBy: '2026-01-15' },
  ];
  const v1 = await must('vision/save', { ...visionInput(0), statement: 'Première vision: ça marche ✓', bets, reviewCadenceDays: 60 });
  await must('vision/publish', { baseRevision: v1.revision, changeNote: 'Erste Fassung 🎉' });
  const v2 = await must('vision/save', { ...visionInput(v1.revision), statement: 'Second vision, with emoji 👩‍💻 and Ελληνικά' });
  await must('vision/publish', { baseRevision: v2.revision });
  await must('vision/restore', { version: 1, baseRevision: v2.revision });

  let book = await must('goal/create', { goal: goalInput({ title: 'Cut support calls — 半分に' }), baseRevision: 0 });
  const goalA = book.goals[0].id;
  book = await must('goal/create', { goal: goalInput({ title: 'Grow self-service', status: 'achieved', targetDate: null, ownerAccountId: null }), baseRevision: book.revision });
  const goalB = book.goals[1].id;
  book = await must('kpi/create', { kpi: kpiInput(goalA), baseRevision: book.revision });
  const calls = book.kpis[0].id;
  book = await must('kpi/create', { kpi: kpiInput(goalB, { name: 'CSAT', unit: '★', direction: 'increase', baseline: 3.9, target: 4.5 }), baseRevision: book.revision });
  const csat = book.kpis[1].id;
  book = await must('kpi/create', {
    kpi: kpiInput(goalB, { name: 'Open bugs', unit: 'bugs', direction: 'band', baseline: 10, target: null, bandLow: 0, bandHigh: 20 }),
    baseRevision: book.revision,
  });
  const bugs = book.kpis[2].id;

  await must('kpi/measure', { kpiId: calls, date: '2025-06-20', value: 1250, note: 'Before launch — vor dem Start', baseRevision: 0 });
  await must('kpi/measure', { kpiId: calls, date: '2024-12-31', value: 1400, note: '', baseRevision: 0 });
  await must('kpi/measure', { kpiId: csat, date: '2025-06-25', value: 3.8, note: '', baseRevision: 0 });
  const version = project.key === 'PV' ? { versionId: '10100', date: null } : { versionId: '10103', date: '2025-06-30' };
  const launched = await must('launch/create', { name: '', ...version, preset: '30-60-90', baseRevision: 0 });
  const launch1 = launched.launchBook.launches[0];
  const it30 = { launchId: launch1.id, iterationId: launch1.iterations[0].id };
  const first = await must('kpi/measure', { kpiId: calls, date: '2025-07-20', value: 1100, note: 'Reset flow live', baseRevision: 0, iteration: it30 });
  const edited = await must('kpi/measure', { kpiId: calls, date: '2025-07-20', value: 1080, note: 'Corrected ✎', baseRevision: first.revision, iteration: it30 });
  await must('kpi/unmeasure', { kpiId: calls, date: '2025-07-20', baseRevision: edited.revision });
  await must('kpi/measure', { kpiId: calls, date: '2025-07-21', value: 1090, note: '', baseRevision: 0 });
  await must('kpi/measure', { kpiId: csat, date: '2025-08-10', value: 4.1, note: 'Umfrage', baseRevision: 0 });
  await must('kpi/set-jql', { kpiId: bugs, jql: `project = ${project.key} AND issuetype = Bug`, baseJql: null });

  const launched2 = await must('launch/create', { name: 'Summer campaign ☀', versionId: null, date: '2025-08-01', preset: 'none', baseRevision: launched.launchBook.revision });
  const launch2 = launched2.launchBook.launches.find((l: { name: string }) => l.name === 'Summer campaign ☀');
  await must('iteration/create', {
    launchId: launch2.id,
    iteration: { name: 'Août', start: '2025-08-02', end: '2025-08-31', versionId: null },
    baseRevision: launched2.launchBook.revision,
  });

  await must('feedback/create', { source: 'interview', text: 'Resetting my password myself saved me a call. 👍', sentiment: 'positive', goalId: goalA, kpiId: calls, iteration: it30 });
  await must('feedback/create', { source: 'survey', text: 'Zu viele Klicks.', sentiment: 'negative', goalId: null, kpiId: csat, iteration: null });
  await must('feedback/create', { source: 'support', text: 'neutral note', sentiment: 'neutral', goalId: goalB, kpiId: null, iteration: it30 });
  await must('iteration/decide', { ...it30, kind: 'next-step', text: 'Add SMS as a second reset channel.' });
  await must('iteration/decide', { ...it30, kind: 'decision', text: 'Keep the reset flow — décision prise.' });

  // An epic tied to a goal (an issue property in Jira, not in the export), then an alignment pass: a snapshot and the trend.
  if (project.key === 'PV') {
    const tied = await app.call('admin', 'panel/set-goal', { goalId: goalA }, panelOn(app.issue('PV-1')));
    if (!tied.ok) throw new Error(`panel/set-goal: ${JSON.stringify(tied.error)}`);
  }
  await must('alignment/rescan', {});
  await app.queue.drain();
}

/**
 * Calls every export and import key once, successfully (PV exported, imported into MOB, a second upload
 * rolled back): for checks that run every key, such as the scopes test. Answers the keys called.
 */
export async function exerciseEveryTransferKey(app: Pick<App, 'call'>): Promise<string[]> {
  const called = new Set<string>();
  const must = async (key: string, payload: unknown, project: ProjectRef = MOB) => {
    const r = await app.call('admin', key as never, payload, settingsOf(project));
    if (!r.ok) throw new Error(`${key}: ${JSON.stringify(r.error)}`);
    called.add(key);
    return r.data;
  };
  const doc = assembleExport([await must('export/project', {}, PV)]);
  await must('import/status', {});
  const text = JSON.stringify(doc);
  const bytes = new TextEncoder().encode(text).length;
  const chunks = splitForUpload(text);
  const upload = async () => {
    let importId: string | null = null;
    for (const [index, chunk] of chunks.entries()) importId = (await must('import/upload', { importId, index, total: chunks.length, bytes, text: chunk })).importId;
    return importId!;
  };
  const first = await upload();
  await must('import/check', { importId: first });
  while ((await must('import/run', { importId: first, replace: true })).status !== 'done');
  const second = await upload();
  await must('import/check', { importId: second });
  await must('import/rollback', { importId: second });
  return [...called];
}
