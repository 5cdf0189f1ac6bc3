/**
 * After an epic's goal link was written in Jira: move the epic between goal buckets of the project's
 * alignment tally (in the same request, by compare-and-set, so concurrent changes all count) and queue
 * the refresh of the macro's figures. The link in Jira is the truth: if the tally cannot be updated now
 * the change still stands, and the next full pass counts it.
 */
import type { LinkBucket } from '../../domain/alignment/alignment-figures';
import { passConsentThrough, type Deps } from '../../ports';
import { moveEpicInTally } from '../../storage/alignment-tally';
import { figuresChanged } from '../macro/current-figures';

export async function recordGoalChange(deps: Deps, project: { id: string; key: string }, from: LinkBucket, to: LinkBucket): Promise<void> {
  if (from === to) return;
  try {
    await moveEpicInTally(deps, project.id, from, to, deps.clock.now().toISOString());
  } catch (error) {
    passConsentThrough(error);
    console.warn('Could not update the alignment tally; the next full pass counts this change', project.key, error);
  }
  await figuresChanged(deps, project);
}
