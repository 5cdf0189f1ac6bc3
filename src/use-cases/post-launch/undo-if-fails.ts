/** Two-step writes (an item, then its iteration's count in the launch's digest) that must not half-happen. */
import { ClaimedNotCopiedError } from '../../storage/claims/compare-and-set';

/**
 * Runs the second step of a two-step write; when it fails, undoes the first (best effort) and fails,
 * so the item and its iteration's count never disagree after a passing storage failure.
 */
export async function undoIfFails(step: () => Promise<unknown>, undo: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    // A count that was claimed stands (it is rolled forward): the item it counts must stay too.
    if (!(error instanceof ClaimedNotCopiedError)) await undo().catch((undoError: unknown) => console.error('Could not undo a half-done write', undoError));
    throw error;
  }
}
