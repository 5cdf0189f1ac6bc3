/**
 * `import/run`, called until `done`: a project that holds data is only replaced when the admin confirms
 * (`replace: true`; otherwise CONFIRMATION_REQUIRED with what it holds). The project's keys are cleared
 * (its own, its compare-and-set claims, its index entries), then the planned writes go in transactions of
 * at most 25 operations, a bounded number per invocation, with the progress saved as they go.
 * If a write fails, the import is marked `incomplete`: running it again resumes where it stopped (the
 * writes are plain sets, so repeating some is harmless); `import/rollback` removes what it wrote.
 * When all is written, the summary the Confluence macro reads is written to Jira for the newest version.
 *
 * Ids of goals, KPIs, launches, iterations, feedback and decisions are kept: they are unique per project
 * (keys carry the project id), and epics whose goal-link issue property names a goal (e.g. after a site
 * migration moved the issues) keep pointing at it. Those links live in Jira, not in the file.
 */
import { fail, ok, type Result } from '../../contract';
import { holdsData, type ImportProgress } from '../../contract/transfer/transfer-file';
import type { PublishedVision } from '../../contract/vision/publishing';
import type { Caller, Deps } from '../../ports';
import { writePublishedSummary } from '../vision/published-summary-sync';
import { transactionsFrom } from './import-plan';
import { dropChunks, writeImportState, type ImportState } from '../../storage/imports';
import { projectHoldings, writeRecords } from '../../storage/project-records';
import { loadFile } from './import-file';
import { clearStep, openSession, progressOf, RUN_BUDGET, withLease } from './import-session';

/** Progress is saved every this many transactions, and at the end of every invocation. */
const CHECKPOINT_EVERY = 40;

export async function runImport(deps: Deps, caller: Caller, input: { importId: string; replace: boolean }): Promise<Result<ImportProgress>> {
  const session = await openSession(deps, caller, input.importId);
  if (!session.ok) return session;
  const { project, state } = session.data;
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
