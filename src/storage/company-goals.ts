/**
 * Company goals (`site:company-goals`, one document for the site) and who may edit them besides Jira
 * administrators (`site:company-goal-editors`). Both are compare-and-set documents: a change names the
 * revision it was made on, and a change on an older one is refused (CONFLICT), not merged.
 */
import type { CompanyGoalBook, CompanyGoalEditors } from '../contract/portfolio/portfolio';
import { casUpdate } from './claims/compare-and-set';
import type { StorageDeps } from './storage-deps';

export const companyKeys = {
  goals: 'site:company-goals',
  editors: 'site:company-goal-editors',
} as const;

interface Stored<T> {
  rev: number;
  doc: T;
}

export const EMPTY_COMPANY_BOOK: CompanyGoalBook = { revision: 0, goals: [], updatedBy: null, updatedAt: null };
export const NO_EDITORS: CompanyGoalEditors = { revision: 0, accountIds: [], groups: [], updatedBy: null, updatedAt: null };

export type Commit<T> = { ok: true; saved: T } | { ok: false; current: T };

async function read<T>(deps: StorageDeps, key: string, empty: T): Promise<T> {
  return (await deps.store.get<Stored<T>>(key))?.doc ?? empty;
}

/** Stores `next` when the stored document is still at `next.revision - 1`; else answers the current one. */
async function commit<T extends { revision: number }>(deps: StorageDeps, key: string, empty: T, next: T): Promise<Commit<T>> {
  let current: T = empty;
  const saved = await casUpdate<Stored<T>>(deps.store, key, () => ({ rev: 0, doc: empty }), (s) => {
    current = s.doc;
    return s.doc.revision === next.revision - 1 ? { rev: s.rev, doc: next } : null;
  });
  return saved.doc === next ? { ok: true, saved: next } : { ok: false, current };
}

export const readCompanyGoals = (deps: StorageDeps): Promise<CompanyGoalBook> => read(deps, companyKeys.goals, EMPTY_COMPANY_BOOK);
export const commitCompanyGoals = (deps: StorageDeps, next: CompanyGoalBook): Promise<Commit<CompanyGoalBook>> =>
  commit(deps, companyKeys.goals, EMPTY_COMPANY_BOOK, next);

export const readCompanyGoalEditors = (deps: StorageDeps): Promise<CompanyGoalEditors> => read(deps, companyKeys.editors, NO_EDITORS);
export const commitCompanyGoalEditors = (deps: StorageDeps, next: CompanyGoalEditors): Promise<Commit<CompanyGoalEditors>> =>
  commit(deps, companyKeys.editors, NO_EDITORS, next);
