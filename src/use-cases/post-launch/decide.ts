import { fail, ok, type Result } from '../../contract';
import type { Decision, DecisionKind } from '../../contract/post-launch/post-launch';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { deleteDecision, saveDecision } from '../../storage/decisions';
import { countDecisionInDigest, readLaunchBook } from '../../storage/launches';
import { newestFirstInstant } from '../../storage/post-launch-keys';
import { undoIfFails } from './undo-if-fails';

/** Records a decision or next step for an iteration: its own key, and the iteration's count. */
export async function decide(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string; kind: DecisionKind; text: string },
): Promise<Result<Decision>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const book = await readLaunchBook(deps, project.id);
  const launch = findLaunch(book, input.launchId);
  if (!launch || !findIteration(launch, input.iterationId)) return fail('NOT_FOUND', 'This iteration no longer exists.');
  const at = deps.clock.now().toISOString();
  const decision: Decision = {
    id: `${newestFirstInstant(at)}-${deps.ids.next()}`,
    launchId: input.launchId,
    iterationId: input.iterationId,
    kind: input.kind,
    text: input.text,
    by: accountId,
    at,
  };
  await saveDecision(deps, project.id, decision);
  await undoIfFails(
    () => countDecisionInDigest(deps, project.id, launch, input.iterationId, 1),
    () => deleteDecision(deps, project.id, decision),
  );
  return ok(decision);
}
