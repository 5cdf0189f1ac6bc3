/**
 * Epic alignment rules, pure: which issue types are epics, what an epic's goal-link property says,
 * why an epic is flagged, which goals an epic may be tied to, and the coverage arithmetic.
 */
import type { AlignmentFlag, CoverageFigures, Goal, GoalBook, GoalLink } from '../../contract';

/** Jira's hierarchy level of epics, whatever a project calls them ("Epic", "Feature"…). */
export const EPIC_LEVEL = 1;
/** Stories, tasks, bugs: the work items whose parent is an epic. */
export const STANDARD_LEVEL = 0;

/**
 * Ids of the epic-level issue types among a project's types.
 * @example epicTypeIds([{ id: '1', hierarchyLevel: 1 }, { id: '2', hierarchyLevel: 0 }]) // ['1']
 */
export const epicTypeIds = (types: ReadonlyArray<{ id: string; hierarchyLevel: number }>): string[] =>
  types.filter((t) => t.hierarchyLevel === EPIC_LEVEL).map((t) => t.id);

/**
 * What the project calls its epic level: the name of its epic-level type ("Feature" in a team-managed
 * project that renamed it), or "Epic" when there is none or several disagree.
 * @example epicLevelName([{ id: '1', name: 'Feature', hierarchyLevel: 1 }]) // 'Feature'
 */
export function epicLevelName(types: ReadonlyArray<{ name: string; hierarchyLevel: number }>): string {
  const names = [...new Set(types.filter((t) => t.hierarchyLevel === EPIC_LEVEL).map((t) => t.name.trim()).filter(Boolean))];
  return names.length === 1 ? names[0]!.slice(0, 60) : 'Epic';
}

/**
 * Ids of the standard-level types (children of epics).
 * @example standardTypeIds([{ id: '1', hierarchyLevel: 1 }, { id: '2', hierarchyLevel: 0 }]) // ['2']
 */
export const standardTypeIds = (types: ReadonlyArray<{ id: string; hierarchyLevel: number }>): string[] =>
  types.filter((t) => t.hierarchyLevel === STANDARD_LEVEL).map((t) => t.id);

/** @example isEpicLevel({ hierarchyLevel: 1 }) // true */
export const isEpicLevel = (type: { hierarchyLevel: number | null } | null | undefined): boolean =>
  type?.hierarchyLevel === EPIC_LEVEL;

/** What the property holds: nothing, a link, or something else (written by hand, or by another tool). */
export type ParsedLink = { kind: 'none' } | { kind: 'link'; link: GoalLink } | { kind: 'broken' };

const GOAL_ID = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Reads the goal-link property. Only `goalId` decides (it is what JQL searches); `setBy` and `setAt`
 * are kept when they are text, else ''.
 * @example parseGoalLink(undefined) // { kind: 'none' }
 * @example parseGoalLink({ goalId: 'g1', setBy: 'a', setAt: '2026-01-01T00:00:00Z' }).kind // 'link'
 * @example parseGoalLink('g1') // { kind: 'broken' }
 */
export function parseGoalLink(value: unknown): ParsedLink {
  if (value === undefined || value === null) return { kind: 'none' };
  if (typeof value !== 'object' || Array.isArray(value)) return { kind: 'broken' };
  const { goalId, setBy, setAt } = value as Record<string, unknown>;
  if (typeof goalId !== 'string' || !GOAL_ID.test(goalId)) return { kind: 'broken' };
  return {
    kind: 'link',
    link: { goalId, setBy: typeof setBy === 'string' ? setBy : '', setAt: typeof setAt === 'string' ? setAt : '' },
  };
}

/** Goals an epic may be tied to, and that count as alignment: active and achieved ones. */
export const linkableGoals = (book: GoalBook): Goal[] => book.goals.filter((g) => g.status !== 'dropped');

/** @example linkableGoalIds(book) // ['g1', 'g3'] */
export const linkableGoalIds = (book: GoalBook): string[] => linkableGoals(book).map((g) => g.id);

/** The picker's choices. */
export const goalChoices = (book: GoalBook): Array<Pick<Goal, 'id' | 'title' | 'status'>> =>
  linkableGoals(book).map(({ id, title, status }) => ({ id, title, status }));

export interface EpicAlignment<G extends GoalRef = Goal> {
  /** null when aligned. */
  flag: Exclude<AlignmentFlag, 'no-epic' | 'epic-unaligned'> | null;
  /** The goal the link names, if it still exists (dropped ones included). */
  goal: G | null;
  link: GoalLink | null;
}

/** What alignment needs to know of a goal. */
export type GoalRef = Pick<Goal, 'id' | 'status'>;

/**
 * Why an epic with this property is (not) aligned, against the project's goals.
 * @example epicAlignment({ kind: 'none' }, book.goals).flag // 'none'
 * @example epicAlignment({ kind: 'link', link: { goalId: 'gone', setBy: '', setAt: '' } }, book.goals).flag // 'goal-deleted'
 */
export function epicAlignment<G extends GoalRef>(parsed: ParsedLink, goals: readonly G[]): EpicAlignment<G> {
  if (parsed.kind === 'none') return { flag: 'none', goal: null, link: null };
  if (parsed.kind === 'broken') return { flag: 'broken-link', goal: null, link: null };
  const goal = goals.find((g) => g.id === parsed.link.goalId) ?? null;
  if (!goal) return { flag: 'goal-deleted', goal: null, link: parsed.link };
  return { flag: goal.status === 'dropped' ? 'goal-dropped' : null, goal, link: parsed.link };
}

/** A work item's flag from its epic's: no epic, an unaligned epic, or none. */
export const workItemFlag = (epic: Pick<EpicAlignment<GoalRef>, 'flag'> | null): AlignmentFlag | null =>
  epic === null ? 'no-epic' : epic.flag === null ? null : 'epic-unaligned';

export type GoalChoiceProblem = { kind: 'unknown'; message: string } | { kind: 'dropped'; message: string };

/**
 * Whether `goalId` may be chosen for an epic of this book: it must exist here and not be dropped.
 * @example checkGoalChoice(book, 'g1') // null when g1 is active
 */
export function checkGoalChoice(book: GoalBook, goalId: string, projectKey: string): GoalChoiceProblem | null {
  const goal = book.goals.find((g) => g.id === goalId);
  if (!goal) return { kind: 'unknown', message: `There is no goal with this id in ${projectKey}; pick one of its goals.` };
  if (goal.status === 'dropped')
    return { kind: 'dropped', message: `“${goal.title}” was dropped; pick an active or achieved goal.` };
  return null;
}

/**
 * aligned / total, or null when there is nothing to cover.
 * @example coverageRatio(3, 4) // 0.75
 * @example coverageRatio(0, 0) // null
 */
export const coverageRatio = (aligned: number, total: number): number | null =>
  total > 0 ? Math.min(1, Math.max(0, aligned / total)) : null;

/**
 * Headline figures from two counts. Approximate counts can disagree slightly; aligned never exceeds epics.
 * @example coverageFigures(10, 7) // { epics: 10, aligned: 7, unaligned: 3, coverage: 0.7 }
 */
export function coverageFigures(epics: number, aligned: number): CoverageFigures {
  const total = Math.max(0, epics);
  const inside = Math.min(Math.max(0, aligned), total);
  return { epics: total, aligned: inside, unaligned: total - inside, coverage: coverageRatio(inside, total) };
}

/**
 * The first line of the vision statement, for the issue panel's reminder.
 * @example visionLine('Customers help themselves.\nMore…') // 'Customers help themselves.'
 */
export function visionLine(statement: string | null | undefined, max = 200): string | null {
  const line = (statement ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  if (!line) return null;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
