/**
 * After an epic's goal link was written in Jira: move the epic between goal buckets of the project's
 * alignment tally (in the same request, by compare-and-set, so concurrent changes all count) and queue
 * the refresh of the macro's figures. The link in Jira is the truth: if the tally cannot be updated now
 * the change still stands, and the next full pass counts it.
 */
import type { LinkBucket } from '../../domain/alignment/alignment-figures';
import { passConsentThrough, type Deps } from '../../ports';
import { moveEpicsInTally } from '../../storage/alignment-tally';
import { figuresChanged } from '../macro/current-figures';

export const recordGoalChange = (deps: Deps, project: { id: string; key: string }, from: LinkBucket, to: LinkBucket): Promise<void> =>
  recordGoalChanges(deps, project, [{ from, to }]);

/** Several epics' changes at once (a batch): one tally write and one figures refresh for all of them. */
export async function recordGoalChanges(deps: Deps, project: { id: string; key: string }, changes: ReadonlyArray<{ from: LinkBucket; to: LinkBucket }>): Promise<void> {
  const moves = changes.filter((c) => c.from !== c.to);
  if (moves.length === 0) return;
  try {
    await moveEpicsInTally(deps, project.id, moves, deps.clock.now().toISOString());
  } catch (error) {
    passConsentThrough(error);
    console.warn('Could not update the alignment tally; the next full pass counts this change', project.key, error);
  }
  await figuresChanged(deps, project);
}
