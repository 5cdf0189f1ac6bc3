/**
 * The one source of every alignment figure (headline, tile, epics per goal, the trend's latest point,
 * the issue panel and the Confluence macro): a per-project tally of epics by the goal id their link
 * names. A full pass (daily snapshot or rescan) replaces it wholesale; each goal set or cleared in the
 * app moves one epic from its old bucket to its new one in the same request. It keeps raw goal ids, not
 * "aligned or not", so dropping, restoring or deleting a goal changes coverage at once, with no recount.
 */
import type { AlignmentPerGoal, CoverageFigures } from '../../contract';
import { coverageRatio, type GoalRef } from './alignment';

export interface AlignmentTally {
  /** Compare-and-set revision (storage). */
  rev: number;
  /** Epics counted (the last full pass, plus epics first seen by a goal change since). */
  epics: number;
  /** Epics per goal id their link names (goals of any status, or gone). */
  linked: Record<string, number>;
  /** Epics with no link, or a value that is not one. */
  unlinked: number;
  /** When the last full pass finished counting. */
  countedAt: string;
  /** When the figures last changed (the pass, or a goal set or cleared since). */
  updatedAt: string;
  /** What the project calls its epic level ("Feature"), as the last pass found it. */
  epicName?: string;
}

/** Where an epic's link points: a goal id, or nothing (none or broken). */
export type LinkBucket = string | null;

/** The figures everything shows, against the goals as they are now. */
export interface AlignmentFigures extends CoverageFigures {
  perGoal: AlignmentPerGoal[];
  /** The figures are true as of this instant (ISO). */
  asOf: string;
  /** When the epics were last counted in full. */
  countedAt: string;
  /** The project's name for its epic level ("Epic", "Feature"). */
  epicName: string;
}

export interface PassCount {
  epics: number;
  linked: Record<string, number>;
  unlinked: number;
  epicName?: string | undefined;
}

/**
 * The tally a finished full pass leaves.
 * @example tallyFromPass({ epics: 3, linked: { g1: 2 }, unlinked: 1 }, 'T').unlinked // 1
 */
export function tallyFromPass(pass: PassCount, at: string, rev = 0): AlignmentTally {
  return {
    rev,
    epics: pass.epics,
    linked: { ...pass.linked },
    unlinked: pass.unlinked,
    countedAt: at,
    updatedAt: at,
    ...(pass.epicName ? { epicName: pass.epicName } : {}),
  };
}

/**
 * Moves one epic from the bucket `from` to the bucket `to` (null: no goal). An epic missing from its
 * old bucket (created after the last pass) is counted now, so totals never go negative. Answers null
 * when nothing changes.
 * @example applyGoalChange(t, null, 'g1', 'T') // t.unlinked - 1, t.linked.g1 + 1
 */
export function applyGoalChange(tally: AlignmentTally, from: LinkBucket, to: LinkBucket, at: string): AlignmentTally | null {
  if (from === to) return null;
  const linked = { ...tally.linked };
  let { unlinked, epics } = tally;
  const had = from === null ? unlinked : (linked[from] ?? 0);
  if (had > 0) {
    if (from === null) unlinked -= 1;
    else if (had === 1) delete linked[from];
    else linked[from] = had - 1;
  } else {
    epics += 1;
  }
  if (to === null) unlinked += 1;
  else linked[to] = (linked[to] ?? 0) + 1;
  return { ...tally, epics, linked, unlinked, updatedAt: at };
}

/**
 * The figures against the current goals: an epic is aligned when its goal exists and is not dropped.
 * Per goal: the active and achieved goals with epics, most first (epics of dropped or deleted goals are
 * among the unaligned, as the report's "No business goal" row and list show them).
 * @example figuresOf(t, [{ id: 'g1', status: 'active' }]).coverage // 0.75
 */
export function figuresOf(tally: AlignmentTally, goals: readonly GoalRef[]): AlignmentFigures {
  const status = new Map(goals.map((g) => [g.id, g.status]));
  let aligned = 0;
  const perGoal: AlignmentPerGoal[] = [];
  for (const [goalId, epics] of Object.entries(tally.linked)) {
    if (epics <= 0) continue;
    const s = status.get(goalId);
    if (s === undefined || s === 'dropped') continue; // counted as not tied to a business goal
    aligned += epics;
    perGoal.push({ goalId, epics });
  }
  perGoal.sort((a, b) => b.epics - a.epics || a.goalId.localeCompare(b.goalId));
  const epics = Math.max(tally.epics, aligned);
  return {
    epics,
    aligned,
    unaligned: epics - aligned,
    coverage: coverageRatio(aligned, epics),
    perGoal,
    asOf: tally.updatedAt,
    countedAt: tally.countedAt,
    epicName: tally.epicName ?? 'Epic',
  };
}

/**
 * Epics serving one goal (0 when none).
 * @example epicsOfGoal(t, 'g1') // 3
 */
export const epicsOfGoal = (tally: AlignmentTally, goalId: string): number => Math.max(0, tally.linked[goalId] ?? 0);
