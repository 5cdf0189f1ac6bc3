/**
 * The running totals of a full pass, kept small (per goal, never per epic) so that they fit one
 * storage value whatever the size of the project, and the snapshot made from them at the end.
 */
import type { AlignmentSnapshot } from '../../contract';
import { coverageRatio, epicAlignment, type GoalRef, type ParsedLink } from './alignment';

export interface ScanTally {
  epics: number;
  aligned: number;
  /** Aligned epics per goal id. */
  perGoal: Record<string, number>;
  /** Epics per goal id their link names, whatever the goal's state (the stored tally's buckets). */
  linked?: Record<string, number>;
  /** Unaligned epics by reason. */
  flags: { none: number; 'goal-deleted': number; 'goal-dropped': number; 'broken-link': number };
  openIssues: number;
  openIssuesAligned: number;
  storyPoints: number;
  storyPointsAligned: number;
  /** Whether any open child issue carries an estimate: otherwise the project does not use story points. */
  usesStoryPoints: boolean;
}

/** @example emptyTally().epics // 0 */
export const emptyTally = (): ScanTally => ({
  epics: 0,
  aligned: 0,
  perGoal: {},
  linked: {},
  flags: { none: 0, 'goal-deleted': 0, 'goal-dropped': 0, 'broken-link': 0 },
  openIssues: 0,
  openIssuesAligned: 0,
  storyPoints: 0,
  storyPointsAligned: 0,
  usesStoryPoints: false,
});

/**
 * Counts one epic, judged against the goals as they were when the pass started. Answers whether it is aligned.
 * @example tallyEpic(tally, { kind: 'none' }, goals) // false, tally.flags.none + 1
 */
export function tallyEpic(tally: ScanTally, parsed: ParsedLink, goals: readonly GoalRef[]): boolean {
  const { flag, link } = epicAlignment(parsed, goals);
  tally.epics += 1;
  if (parsed.kind === 'link') {
    const linked = (tally.linked ??= {});
    linked[parsed.link.goalId] = (linked[parsed.link.goalId] ?? 0) + 1;
  }
  if (flag !== null) {
    tally.flags[flag] += 1;
    return false;
  }
  tally.aligned += 1;
  const goalId = link!.goalId;
  tally.perGoal[goalId] = (tally.perGoal[goalId] ?? 0) + 1;
  return true;
}

/**
 * Counts one open child issue under an (un)aligned epic.
 * @example tallyChild(tally, true, 5) // openIssuesAligned + 1, storyPointsAligned + 5
 */
export function tallyChild(tally: ScanTally, underAlignedEpic: boolean, storyPoints: number | null): void {
  tally.openIssues += 1;
  if (underAlignedEpic) tally.openIssuesAligned += 1;
  if (storyPoints !== null && Number.isFinite(storyPoints) && storyPoints > 0) {
    tally.usesStoryPoints = true;
    tally.storyPoints += storyPoints;
    if (underAlignedEpic) tally.storyPointsAligned += storyPoints;
  }
}

/**
 * What a finished pass puts in the stored tally: epics by the goal id they name, and those naming none.
 * @example passBuckets(tally) // { epics: 7, linked: { g1: 2, gone: 1 }, unlinked: 2 }
 */
export function passBuckets(tally: ScanTally): { epics: number; linked: Record<string, number>; unlinked: number } {
  const linked = { ...(tally.linked ?? {}) };
  const named = Object.values(linked).reduce((a, b) => a + b, 0);
  return { epics: tally.epics, linked, unlinked: Math.max(0, tally.epics - named) };
}

/**
 * The snapshot a finished pass stores: per-goal counts, most epics first.
 * @example toSnapshot(tally, '2026-03-04', '2026-03-04T02:00:00Z').coverage // 0.9
 */
export function toSnapshot(tally: ScanTally, date: string, takenAt: string): AlignmentSnapshot {
  return {
    date,
    takenAt,
    epics: tally.epics,
    aligned: tally.aligned,
    unaligned: tally.epics - tally.aligned,
    coverage: coverageRatio(tally.aligned, tally.epics),
    perGoal: Object.entries(tally.perGoal)
      .map(([goalId, epics]) => ({ goalId, epics }))
      .sort((a, b) => b.epics - a.epics || a.goalId.localeCompare(b.goalId)),
    openIssueCoverage: coverageRatio(tally.openIssuesAligned, tally.openIssues),
    storyPointCoverage: tally.usesStoryPoints ? coverageRatio(tally.storyPointsAligned, tally.storyPoints) : null,
  };
}
