/**
 * Company goal changes as pure rules on the site's book, and who may make them. Pure.
 */
import type { CompanyGoal, CompanyGoalBook, CompanyGoalEditors, CompanyGoalFields, NamedGroup } from '../../contract/portfolio/portfolio';
import { COMPANY_LIMITS } from '../../contract/portfolio/portfolio';

export interface Stamp {
  by: string;
  at: string;
}

export type CompanyRuleOutcome = { ok: true; book: CompanyGoalBook } | { ok: false; code: 'NOT_FOUND' | 'LIMIT_REACHED'; message: string };

const next = (book: CompanyGoalBook, goals: CompanyGoal[], stamp: Stamp): CompanyGoalBook => ({
  revision: book.revision + 1,
  goals,
  updatedBy: stamp.by,
  updatedAt: stamp.at,
});

/** KPIs keep their ids; new ones get `kpi-{n}` ids unique in the goal. */
function withKpiIds(fields: CompanyGoalFields, newId: () => string): CompanyGoal['kpis'] {
  return fields.kpis.map((k) => ({ id: k.id ?? newId(), name: k.name, unit: k.unit, target: k.target }));
}

export function addCompanyGoal(book: CompanyGoalBook, fields: CompanyGoalFields & { ownerName?: string | null }, id: string, newId: () => string, stamp: Stamp): CompanyRuleOutcome {
  if (book.goals.length >= COMPANY_LIMITS.goals) return { ok: false, code: 'LIMIT_REACHED', message: `A site can have at most ${COMPANY_LIMITS.goals} company goals.` };
  const goal: CompanyGoal = { ...fields, id, kpis: withKpiIds(fields, newId), createdAt: stamp.at, createdBy: stamp.by };
  return { ok: true, book: next(book, [...book.goals, goal], stamp) };
}

export function editCompanyGoal(book: CompanyGoalBook, goalId: string, fields: CompanyGoalFields & { ownerName?: string | null }, newId: () => string, stamp: Stamp): CompanyRuleOutcome {
  const old = book.goals.find((g) => g.id === goalId);
  if (!old) return { ok: false, code: 'NOT_FOUND', message: 'This company goal was deleted by someone else.' };
  const goals = book.goals.map((g) => (g.id === goalId ? { ...old, ...fields, kpis: withKpiIds(fields, newId) } : g));
  return { ok: true, book: next(book, goals, stamp) };
}

/** Project goals that contributed to it keep their link; it shows nowhere once the goal is gone. */
export function removeCompanyGoal(book: CompanyGoalBook, goalId: string, stamp: Stamp): CompanyRuleOutcome {
  if (!book.goals.some((g) => g.id === goalId)) return { ok: false, code: 'NOT_FOUND', message: 'This company goal was deleted by someone else.' };
  return { ok: true, book: next(book, book.goals.filter((g) => g.id !== goalId), stamp) };
}

/**
 * Named editors: the account itself or one of its groups (by id).
 * @example isNamedEditor(editors, 'a1', []) // true when 'a1' is named
 */
export function isNamedEditor(editors: CompanyGoalEditors, accountId: string, groups: readonly NamedGroup[]): boolean {
  if (editors.accountIds.includes(accountId)) return true;
  const named = new Set(editors.groups.map((g) => g.groupId));
  return groups.some((g) => named.has(g.groupId));
}

/**
 * A project goal contributes to one company goal, or (null) to none. The company goal must exist.
 * @example contributeGoal(book, 'g1', 'cg1', ['cg1'], stamp).ok // true
 */
export function contributeGoal(
  book: import('../../contract/goals/model').GoalBook,
  goalId: string,
  companyGoalId: string | null,
  companyGoalIds: readonly string[],
  stamp: Stamp,
): import('../goals/goal-book').RuleOutcome {
  if (!book.goals.some((g) => g.id === goalId)) return { ok: false, violation: { kind: 'not-found', message: 'This goal no longer exists.' } };
  if (companyGoalId !== null && !companyGoalIds.includes(companyGoalId))
    return { ok: false, violation: { kind: 'invalid', message: 'Some fields need attention.', fields: [{ path: 'companyGoalId', message: 'This company goal no longer exists.' }] } };
  const goals = book.goals.map((g) => (g.id === goalId ? { ...g, companyGoalId } : g));
  return { ok: true, book: { ...book, goals, revision: book.revision + 1, updatedBy: stamp.by, updatedAt: stamp.at } };
}
