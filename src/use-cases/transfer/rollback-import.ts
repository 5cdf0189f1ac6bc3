/**
 * `import/rollback`: an import that has not started writing is just dropped; one that has is undone by
 * clearing the project again, which leaves it empty (when it replaced data, that data is gone: the UI
 * offers to export it before replacing). A finished import is not rolled back.
 */
import { fail, ok, type Result } from '../../contract';
import type { ImportProgress } from '../../contract/transfer/transfer-file';
import type { Caller, Deps } from '../../ports';
import { dropChunks, writeImportState, type ImportState } from '../../storage/imports';
import { clearStep, openSession, progressOf, withLease } from './import-session';

export async function rollbackImport(deps: Deps, caller: Caller, input: { importId: string }): Promise<Result<ImportProgress>> {
  const session = await openSession(deps, caller, input.importId);
  if (!session.ok) return session;
  const { project, state } = session.data;
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
