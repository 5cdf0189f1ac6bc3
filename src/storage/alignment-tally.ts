/**
 * A project's alignment tally (`project:{id}:alignment-tally`): epics per goal id, the one source of
 * every alignment figure. Many writers change it a little (every goal set or cleared, and a full pass
 * that replaces it), so every write is a compare-and-set on the shared claim primitive: two users
 * setting goals at once both count.
 */
import { applyGoalChange, tallyFromPass, type AlignmentTally, type LinkBucket, type PassCount } from '../domain/alignment/alignment-figures';
import { casUpdate } from './claims/compare-and-set';
import { storageKeys } from './keys';
import type { StorageDeps } from './storage-deps';

export type { AlignmentTally };

/** The tally, or undefined before the project's first full pass. */
export const readAlignmentTally = (deps: StorageDeps, projectId: string): Promise<AlignmentTally | undefined> =>
  deps.store.get<AlignmentTally>(storageKeys.alignmentTally(projectId));

/**
 * Moves one epic between goal buckets. No tally yet (no full pass): nothing to move, answers undefined
 * (the first pass counts it). Answers the tally as stored.
 */
export const moveEpicInTally = (deps: StorageDeps, projectId: string, from: LinkBucket, to: LinkBucket, at: string): Promise<AlignmentTally | undefined> =>
  moveEpicsInTally(deps, projectId, [{ from, to }], at);

/** Moves several epics in one compare-and-set (a batch of goal changes is one write, not one per epic). */
export async function moveEpicsInTally(
  deps: StorageDeps,
  projectId: string,
  moves: ReadonlyArray<{ from: LinkBucket; to: LinkBucket }>,
  at: string,
): Promise<AlignmentTally | undefined> {
  const absent = { rev: -1 } as AlignmentTally;
  const saved = await casUpdate<AlignmentTally>(deps.store, storageKeys.alignmentTally(projectId), () => absent, (t) => {
    if (t.rev < 0) return null;
    let next: AlignmentTally | null = null;
    for (const { from, to } of moves) next = applyGoalChange(next ?? t, from, to, at) ?? next;
    return next;
  });
  return saved.rev < 0 ? undefined : saved;
}

/** A finished full pass replaces the tally wholesale (still through compare-and-set, so its revision moves on). */
export const replaceAlignmentTally = (
  deps: StorageDeps,
  projectId: string,
  pass: PassCount,
  at: string,
): Promise<AlignmentTally> =>
  casUpdate<AlignmentTally>(deps.store, storageKeys.alignmentTally(projectId), () => tallyFromPass({ epics: 0, linked: {}, unlinked: 0 }, at), (t) =>
    tallyFromPass(pass, at, t.rev),
  );
