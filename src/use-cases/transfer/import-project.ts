/**
 * Importing an export file into the caller's project (admins only), over several invocations:
 *
 * 1. `import/upload`: the UI sends the file in chunks (≤ 200 KB of UTF-8 each, one storage value, kept a
 *    week); the first chunk starts an import.
 * 2. `import/check`: the whole file is read and validated (export-document.ts), the ids that differ in
 *    this project are worked out (Jira versions, automatic KPIs' JQL), and every write is planned and
 *    checked against the storage limits. Any problem: a clear error, and nothing is written to the project.
 * 3. `import/run`, called until `done`: a project that holds data is only replaced when the admin confirms
 *    (`replace: true`; otherwise CONFIRMATION_REQUIRED with what it holds). The project's keys are cleared
 *    (its own, its compare-and-set claims, its index entries), then the planned writes go in transactions of
 *    at most 25 operations, a bounded number per invocation, with the progress saved as they go.
 *    If a write fails, the import is marked `incomplete`: running it again resumes where it stopped (the
 *    writes are plain sets, so repeating some is harmless); `import/rollback` removes what it wrote.
 *    When all is written, the summary the Confluence macro reads is written to Jira for the newest version.
 * 4. `import/rollback`: an import that has not started writing is just dropped; one that has is undone by
 *    clearing the project again, which leaves it empty (when it replaced data, that data is gone: the UI
 *    offers to export it before replacing). A finished import is not rolled back.
 *
 * Ids of goals, KPIs, launches, iterations, feedback and decisions are kept: they are unique per project
 * (keys carry the project id), and epics whose goal-link issue property names a goal (e.g. after a site
 * migration moved the issues) keep pointing at it. Those links live in Jira, not in the file.
 */
import { fail, ok, type Result } from '../../contract';
import { parseExportText } from '../../contract/transfer/export-document';
import {
  chunkBytes,
  holdsData,
  IMPORT_CHUNK_BYTES,
  type ExportDocument,
  type ImportCounts,
  type ImportPreview,
  type ImportProgress,
  type ImportStatus,
} from '../../contract/transfer/transfer-file';
import type { PublishedVision } from '../../contract/vision/publishing';
import { boundedToProject } from '../../domain/post-launch/kpi-jql';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { writePublishedSummary } from '../vision/published-summary-sync';
import { oversizedWrites, planImport, transactionsFrom, type ImportRemaps, type SetOperation } from './import-plan';
import {
  dropChunks,
  readChunks,
  readChunk,
  readImportState,
  releaseImportLease,
  storeChunkOnce,
  takeImportLease,
  writeImportState,
  type ImportState,
} from '../../storage/imports';
import { clearProjectStep, projectHoldings, writeRecords } from '../../storage/project-records';

/** Work per invocation, well inside a resolver's 25 s. */
export const RUN_BUDGET = { ops: 5_000, clearPages: 250, ms: 12_000 };
/** A running import whose progress has not moved for this long has stopped (a closed page, a lost connection). */
export const STALLED_MS = 2 * 60 * 1000;
/** Progress is saved every this many transactions, and at the end of every invocation. */
const CHECKPOINT_EVERY = 40;

const BUSY: ReadonlySet<ImportStatus> = new Set(['clearing', 'writing', 'incomplete', 'rolling-back']);

const progressOf = (s: ImportState): ImportProgress => ({
  importId: s.importId,
  status: s.status,
  done: s.done,
  total: s.total,
  message: s.message,
  source: s.source,
  startedAt: s.startedAt,
  updatedAt: s.updatedAt,
  notes: s.notes,
  ...(s.summary ? { summary: s.summary } : {}),
});

function sessionFor(state: ImportState | undefined, importId: string): Result<ImportState> {
  if (!state || state.importId !== importId) return fail('NOT_FOUND', 'This import is not the project’s current one: upload the file again.');
  return ok(state);
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/* ---------- 1. upload ---------- */

export async function uploadChunk(
  deps: Deps,
  caller: Caller,
  input: { importId: string | null; index: number; total: number; bytes: number; text: string },
): Promise<Result<{ importId: string; received: number }>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const fields = [
    ...(input.index >= input.total ? [{ path: 'index', message: 'The chunk index is past the last chunk.' }] : []),
    ...(chunkBytes(input.text) > IMPORT_CHUNK_BYTES ? [{ path: 'text', message: `A chunk can be at most ${IMPORT_CHUNK_BYTES} bytes.` }] : []),
    ...(input.importId === null && input.index !== 0 ? [{ path: 'index', message: 'An import starts with its first chunk.' }] : []),
  ];
  if (fields.length) return fail('VALIDATION_FAILED', 'Some fields need attention.', { fields });
  const state = await readImportState(deps, project.id);
  let importId = input.importId;
  if (importId === null) {
    if (state && BUSY.has(state.status))
      return fail('CONFLICT', 'An earlier import into this project has not finished: resume it or roll it back first.', { details: progressOf(state) });
    importId = deps.ids.next();
    const at = deps.clock.now().toISOString();
    const fresh: ImportState = {
      importId,
      status: 'uploading',
      by: accountId,
      startedAt: at,
      updatedAt: at,
      chunks: input.total,
      bytes: input.bytes,
      source: null,
      exportedAt: null,
      remaps: null,
      replace: false,
      done: 0,
      total: 0,
      message: null,
      notes: [],
    };
    await writeImportState(deps, project.id, fresh);
  } else {
    const session = sessionFor(state, importId);
    if (!session.ok) return session;
    if (session.data.status !== 'uploading') return fail('CONFLICT', 'This import has all its chunks already.', { details: progressOf(session.data) });
    if (session.data.chunks !== input.total || session.data.bytes !== input.bytes)
      return fail('VALIDATION_FAILED', 'This chunk belongs to another file: upload the file again.');
  }
  if (!(await storeChunkOnce(deps, project.id, importId, input.index, input.text))) {
    // A retried chunk: fine when it is the same text.
    if ((await readChunk(deps, project.id, importId, input.index)) !== input.text) return fail('CONFLICT', `Chunk ${input.index + 1} was uploaded already with other content.`);
  }
  return ok({ importId, received: input.index + 1 });
}

/* ---------- 2. check ---------- */

type Loaded = { doc: ExportDocument; ops: SetOperation[] };

/** The uploaded file, read, validated and planned for this project: nothing is written. */
async function loadFile(deps: Deps, project: { id: string; key: string }, state: ImportState, remaps?: ImportRemaps): Promise<Result<Loaded & { remaps: ImportRemaps; notes: string[] }>> {
  const texts: string[] = [];
  for (let i = 0; i < state.chunks; i += 20) {
    const batch = await readChunks(deps, project.id, state.importId, i, Math.min(20, state.chunks - i));
    const missing = batch.findIndex((t) => typeof t !== 'string');
    if (missing >= 0) return fail('NOT_FOUND', `Part ${i + missing + 1} of ${state.chunks} of the file is missing (not uploaded, or older than a week): upload the file again.`);
    texts.push(...(batch as string[]));
  }
  const text = texts.join('');
  // The same file, project and remaps as the last invocation in this runtime (a warm one): no need to parse and plan again.
  if (remaps && lastLoaded?.text === text && lastLoaded.key === `${project.id} ${state.startedAt} ${JSON.stringify(remaps)}`)
    return ok({ doc: lastLoaded.doc, ops: lastLoaded.ops, remaps, notes: state.notes });
  if (utf8Length(text) !== state.bytes) return fail('VALIDATION_FAILED', 'The uploaded file is not the size the upload announced: upload it again.');
  const parsed = parseExportText(text);
  if (!parsed.ok) return fail('VALIDATION_FAILED', parsed.message, { fields: parsed.fields });
  const worked = remaps ? { remaps, notes: state.notes } : await workOutRemaps(deps, project, parsed.doc);
  const ops = planImport(parsed.doc, { project, remaps: worked.remaps, at: state.startedAt });
  const tooBig = oversizedWrites(ops);
  if (tooBig.length) return fail('VALIDATION_FAILED', `The file cannot be stored: ${tooBig.join(' ')}`);
  lastLoaded = { text, key: `${project.id} ${state.startedAt} ${JSON.stringify(worked.remaps)}`, doc: parsed.doc, ops };
  return ok({ doc: parsed.doc, ops, ...worked });
}

/** The last file read, validated and planned in this runtime: Forge reuses a warm runtime for the next invocation. */
let lastLoaded: (Loaded & { text: string; key: string }) | null = null;

/**
 * Jira versions and automatic KPIs the file names, as they are in this project: a version of the same id,
 * else of the same name, else none (the launch or iteration keeps its dates); a JQL bounded to this project
 * as it is, else with its leading `project = …` clause pointed here, else none (measured by hand). At most
 * two Jira calls.
 */
async function workOutRemaps(deps: Deps, project: { id: string; key: string }, doc: ExportDocument): Promise<{ remaps: ImportRemaps; notes: string[] }> {
  const notes: string[] = [];
  const named = new Map<string, string | null>();
  for (const l of doc.data.launchBook?.launches ?? []) for (const x of [l, ...l.iterations]) if (x.versionId) named.set(x.versionId, x.versionName);
  const versions: Array<[string, string | null]> = [];
  if (named.size) {
    const here = (await deps.jira.projectVersions(project.id)) ?? [];
    for (const [id, name] of named) {
      const match = here.find((v) => v.id === id) ?? here.find((v) => name !== null && v.name === name);
      versions.push([id, match?.id ?? null]);
      if (!match) notes.push(`${project.key} has no version “${name ?? id}”: the launches and iterations of that version keep their dates, without a version.`);
      else if (match.id !== id) notes.push(`Version “${name}” is ${project.key}’s version of that name.`);
    }
  }
  const jql: Array<[string, string | null]> = [];
  const sources = doc.data.kpiSources;
  if (sources.length) {
    const candidates = sources.map((s) => [s.jql, repointJql(s.jql, doc.source, project.key)] as const);
    const queries = [...new Set(candidates.flat().filter((q): q is string => q !== null))];
    const parsed = new Map((await deps.jira.parseJql(queries)).map((r) => [r.query, r]));
    const fits = (q: string | null) => q !== null && !parsed.get(q)?.errors.length && boundedToProject(parsed.get(q)?.structure, project);
    const names = new Map((doc.data.goalBook?.kpis ?? []).map((k) => [k.id, k.name]));
    sources.forEach((s, i) => {
      const [asIs, repointed] = candidates[i]!;
      const chosen = fits(asIs) ? asIs : fits(repointed) ? repointed : null;
      if (chosen !== s.jql) jql.push([s.kpiId, chosen]);
      const kpi = `“${names.get(s.kpiId) ?? s.kpiId}”`;
      if (chosen === null) notes.push(`The automatic KPI ${kpi} counts issues of another project; in ${project.key} it is measured by hand until you set its JQL again.`);
      else if (chosen !== s.jql) notes.push(`The automatic KPI ${kpi} now counts ${project.key}’s issues: ${chosen}`);
    });
  }
  return { remaps: { versions, jql }, notes };
}

/** The JQL with its leading `project = X` (or `project in (X)`) clause naming `key`; null when it has none. */
export function repointJql(jql: string, source: { projectKey: string; projectId: string }, key: string): string | null {
  const names = [source.projectKey, source.projectId].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const clause = new RegExp(`^\\s*project\\s*(?:=\\s*(["']?)(?:${names})\\1|in\\s*\\(\\s*(["']?)(?:${names})\\2\\s*\\))(?=\\s|$)`, 'i');
  return clause.test(jql) ? jql.replace(clause, `project = ${key}`) : null;
}

function countsOf(doc: ExportDocument): ImportCounts {
  const d = doc.data;
  return {
    draftRevisions: d.vision.draftRevisions.length,
    versions: d.vision.versions.length,
    goals: d.goalBook?.goals.length ?? 0,
    kpis: d.goalBook?.kpis.length ?? 0,
    measurements: d.measurements.length,
    launches: d.launchBook?.launches.length ?? 0,
    iterations: d.launchBook?.launches.reduce((n, l) => n + l.iterations.length, 0) ?? 0,
    feedback: d.feedback.length,
    decisions: d.decisions.length,
    snapshots: d.alignment.snapshots.length,
  };
}

export async function checkImport(deps: Deps, caller: Caller, input: { importId: string }): Promise<Result<ImportPreview>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const session = sessionFor(await readImportState(deps, project.id), input.importId);
  if (!session.ok) return session;
  const state = session.data;
  if (state.status !== 'uploading' && state.status !== 'ready')
    return fail('CONFLICT', 'This import has started writing already.', { details: progressOf(state) });
  const loaded = await loadFile(deps, project, state);
  if (!loaded.ok) return loaded;
  const { doc, ops, remaps, notes } = loaded.data;
  const holdings = await projectHoldings(deps, project.id);
  await writeImportState(deps, project.id, {
    ...state,
    status: 'ready',
    source: doc.source,
    exportedAt: doc.exportedAt,
    remaps,
    notes,
    done: 0,
    total: ops.length,
    updatedAt: deps.clock.now().toISOString(),
  });
  return ok({
    importId: state.importId,
    source: doc.source,
    exportedAt: doc.exportedAt,
    counts: countsOf(doc),
    target: { key: project.key, holdings, hasData: holdsData(holdings) },
    notes,
  });
}

/* ---------- 3. run, 4. rollback ---------- */

/** Deletes a bounded number of the project's keys (its own, its claims, its index entry), within this invocation's budget. */
const clearStep = (deps: Deps, projectId: string, started: number) =>
  clearProjectStep(deps, projectId, (pages) => pages < RUN_BUDGET.clearPages && deps.clock.now().getTime() - started <= RUN_BUDGET.ms);

async function withLease<T>(deps: Deps, projectId: string, importId: string, work: () => Promise<Result<T>>): Promise<Result<T>> {
  if (!(await takeImportLease(deps, projectId, importId, deps.clock.now().toISOString())))
    return fail('CONFLICT', 'This import is running in another tab or window. Wait a minute, then try again.');
  try {
    return await work();
  } finally {
    await releaseImportLease(deps, projectId).catch(() => undefined);
  }
}

export async function runImport(deps: Deps, caller: Caller, input: { importId: string; replace: boolean }): Promise<Result<ImportProgress>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const session = sessionFor(await readImportState(deps, project.id), input.importId);
  if (!session.ok) return session;
  const state = session.data;
  switch (state.status) {
    case 'uploading':
      return fail('CONFLICT', 'Check the file before importing it.');
    case 'done':
      return ok(progressOf(state));
    case 'rolled-back':
      return fail('NOT_FOUND', 'This import was rolled back: upload the file again.');
    case 'rolling-back':
      return fail('CONFLICT', 'This import is being rolled back: finish the rollback first.', { details: progressOf(state) });
    case 'ready': {
      const holdings = await projectHoldings(deps, project.id);
      if (holdsData(holdings) && !input.replace)
        return fail('CONFIRMATION_REQUIRED', `${project.key} has a vision, goals or history already. Importing replaces all of it.`, { details: holdings });
      break;
    }
    default:
      break;
  }
  return withLease(deps, project.id, state.importId, () => advance(deps, project, state, input.replace));
}

async function advance(deps: Deps, project: { id: string; key: string }, initial: ImportState, replace: boolean): Promise<Result<ImportProgress>> {
  const started = deps.clock.now().getTime();
  let state: ImportState = initial.status === 'ready' ? { ...initial, status: 'clearing', replace, done: 0, total: 0, message: null } : { ...initial, message: null };
  const save = async (change: Partial<ImportState>) => {
    state = { ...state, ...change, updatedAt: deps.clock.now().toISOString() };
    await writeImportState(deps, project.id, state);
  };
  const loaded = await loadFile(deps, project, state, state.remaps ?? undefined);
  if (!loaded.ok) return loaded;
  const { ops, doc } = loaded.data;
  if (state.status === 'clearing') {
    await save({});
    let finished: boolean;
    try {
      ({ finished } = await clearStep(deps, project.id, started));
    } catch (error) {
      // Still clearing: resuming carries on clearing before anything is written.
      console.error('Clearing a project for an import stopped part-way', error);
      await save({ message: 'Clearing the project stopped part-way (the storage did not take a delete). Resume it, or roll it back.' });
      return ok({ ...progressOf(state), status: 'incomplete' });
    }
    if (!finished) return ok(progressOf(state));
    await save({ status: 'writing', done: 0, total: ops.length });
  }
  // Writing, or resuming an incomplete import.
  const from = state.done;
  let done = from;
  let transactions = 0;
  try {
    if (state.status !== 'writing') await save({ status: 'writing' });
    for (const group of transactionsFrom(ops, done)) {
      if (done - from >= RUN_BUDGET.ops || deps.clock.now().getTime() - started > RUN_BUDGET.ms) break;
      await writeRecords(deps, group);
      done += group.length;
      transactions += 1;
      if (transactions % CHECKPOINT_EVERY === 0) await save({ done });
    }
  } catch (error) {
    console.error('An import stopped part-way', error);
    await save({
      status: 'incomplete',
      done,
      message: `Writing stopped after ${done.toLocaleString('en-US')} of ${ops.length.toLocaleString('en-US')} records (the storage did not take a write). Resume it, or roll it back.`,
    });
    return ok(progressOf(state));
  }
  if (done < ops.length) {
    await save({ done });
    return ok(progressOf(state));
  }
  // All written: the summary the Confluence macro reads, then the uploaded chunks go.
  const newest = doc.data.vision.versions.reduce<PublishedVision | null>((a, v) => (!a || v.version > a.version ? v : a), null);
  const summary = newest ? await writePublishedSummary(deps, project, newest) : 'none';
  await save({ status: 'done', done, summary });
  await dropChunks(deps, project.id, state).catch((e: unknown) => console.warn('Could not drop the uploaded chunks; they expire in a week', e));
  return ok(progressOf(state));
}

export async function rollbackImport(deps: Deps, caller: Caller, input: { importId: string }): Promise<Result<ImportProgress>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const session = sessionFor(await readImportState(deps, project.id), input.importId);
  if (!session.ok) return session;
  const state = session.data;
  if (state.status === 'done')
    return fail('CONFLICT', 'This import finished, so it cannot be rolled back; import another file (replacing) to change the data.', { details: progressOf(state) });
  if (state.status === 'rolled-back') return ok(progressOf(state));
  return withLease(deps, project.id, state.importId, async () => {
    const started = deps.clock.now().getTime();
    let next: ImportState = { ...state, message: null, updatedAt: deps.clock.now().toISOString() };
    if (state.status !== 'uploading' && state.status !== 'ready') {
      // It has written (or cleared): undo by clearing, a bounded amount per call.
      next = { ...next, status: 'rolling-back', done: state.status === 'rolling-back' ? state.done : 0, total: 0 };
      await writeImportState(deps, project.id, next);
      let cleared: { deleted: number; finished: boolean };
      try {
        cleared = await clearStep(deps, project.id, started);
      } catch (error) {
        console.error('A rollback stopped part-way', error);
        return ok({ ...progressOf(next), status: 'incomplete', message: 'Rolling back stopped part-way (the storage did not take a delete). Roll back again.' });
      }
      const { deleted, finished } = cleared;
      next = { ...next, done: next.done + deleted, updatedAt: deps.clock.now().toISOString() };
      if (!finished) {
        await writeImportState(deps, project.id, next);
        return ok(progressOf(next));
      }
    }
    next = { ...next, status: 'rolled-back', updatedAt: deps.clock.now().toISOString() };
    await writeImportState(deps, project.id, next);
    await dropChunks(deps, project.id, state).catch(() => undefined);
    return ok(progressOf(next));
  });
}

/** The project's latest import; a running one whose progress stopped moving shows as incomplete. */
export async function importStatus(deps: Deps, caller: Caller): Promise<Result<ImportProgress | null>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const state = await readImportState(deps, auth.data.project.id);
  if (!state) return ok(null);
  const stalled = (state.status === 'writing' || state.status === 'clearing') && deps.clock.now().getTime() - Date.parse(state.updatedAt) > STALLED_MS;
  return ok(
    stalled
      ? { ...progressOf(state), status: 'incomplete', message: 'The import stopped before it finished (the page was closed, or the connection lost). Resume it, or roll it back.' }
      : progressOf(state),
  );
}
