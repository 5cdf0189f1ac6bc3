/** An admin saves the vision: a new revision, the previous ones kept. */
import { fail, ok, type Result, type Vision, type VisionFields } from '../contract';
import { nextVision, sameVision } from '../domain/vision';
import type { Caller, Deps } from '../ports';
import { authorize } from './authorize';
import { commitRevision } from './commit-revision';
import { storageKeys } from './storage-keys';

export async function saveVision(
  deps: Deps,
  caller: Caller,
  input: VisionFields & { baseRevision: number },
): Promise<Result<Vision>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const current = (await deps.store.get<Vision>(storageKeys.vision(project.id))) ?? null;
  if ((current?.revision ?? 0) !== input.baseRevision)
    return fail('CONFLICT', 'Someone else changed the vision since you opened it.', { details: { current } });
  const { baseRevision: _base, ...fields } = input;
  if (current && sameVision(current, fields)) return ok(current);
  const next = nextVision(current, fields, { by: accountId, at: deps.clock.now().toISOString() });
  const outcome = await commitRevision(deps.store, {
    current: storageKeys.vision(project.id),
    revision: (n) => storageKeys.visionRevision(project.id, n),
  }, next);
  if (!outcome.ok)
    return fail('CONFLICT', 'Someone else changed the vision since you opened it.', { details: { current: outcome.current } });
  return ok(outcome.saved);
}
