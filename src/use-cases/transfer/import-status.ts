import { ok, type Result } from '../../contract';
import type { ImportProgress } from '../../contract/transfer/transfer-file';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readImportState } from '../../storage/imports';
import { progressOf } from './import-session';

/** A running import whose progress has not moved for this long has stopped (a closed page, a lost connection). */
export const STALLED_MS = 2 * 60 * 1000;

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
