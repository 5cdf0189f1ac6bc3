/**
 * An import into the caller's project (admins only) runs over several invocations: upload, check, run
 * (until done) and, when it must be undone, rollback. Its state is one stored document per project
 * (storage/imports.ts); this is what every step of it shares: the current session, the progress the UI
 * shows, the lease that keeps two tabs from running it at once, and the bounded clearing of the project.
 */
import { fail, ok, type Result } from '../../contract';
import type { ImportProgress } from '../../contract/transfer/transfer-file';
import type { Caller, Deps } from '../../ports';
import { authorize, type Authorized } from '../shared/authorize';
import { readImportState, releaseImportLease, takeImportLease, type ImportState } from '../../storage/imports';
import { clearProjectStep } from '../../storage/project-records';

/** Work per invocation, well inside a resolver's 25 s. */
export const RUN_BUDGET = { ops: 5_000, clearPages: 250, ms: 12_000 };

export const progressOf = (s: ImportState): ImportProgress => ({
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

export function sessionFor(state: ImportState | undefined, importId: string): Result<ImportState> {
  if (!state || state.importId !== importId) return fail('NOT_FOUND', 'This import is not the project’s current one: upload the file again.');
  return ok(state);
}

/** An admin's project and the import they name, when it is the project's current one. */
export async function openSession(deps: Deps, caller: Caller, importId: string): Promise<Result<{ project: Authorized['project']; state: ImportState }>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const session = sessionFor(await readImportState(deps, project.id), importId);
  if (!session.ok) return session;
  return ok({ project, state: session.data });
}

/** Deletes a bounded number of the project's keys (its own, its claims, its index entry), within this invocation's budget. */
export const clearStep = (deps: Deps, projectId: string, started: number) =>
  clearProjectStep(deps, projectId, (pages) => pages < RUN_BUDGET.clearPages && deps.clock.now().getTime() - started <= RUN_BUDGET.ms);

export async function withLease<T>(deps: Deps, projectId: string, importId: string, work: () => Promise<Result<T>>): Promise<Result<T>> {
  if (!(await takeImportLease(deps, projectId, importId, deps.clock.now().toISOString())))
    return fail('CONFLICT', 'This import is running in another tab or window. Wait a minute, then try again.');
  try {
    return await work();
  } finally {
    await releaseImportLease(deps, projectId).catch(() => undefined);
  }
}
