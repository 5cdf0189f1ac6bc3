/**
 * Creating, changing and deleting company goals: editors only (see company-goal-access.ts), on the
 * revision the editor saw, the owner's name taken from Jira (never from the payload).
 */
import type { CompanyGoalBook, CompanyGoalFields } from '../../contract/portfolio/portfolio';
import { fail, ok, type Result } from '../../contract/shared/result';
import { addCompanyGoal, editCompanyGoal, removeCompanyGoal, type CompanyRuleOutcome, type Stamp } from '../../domain/portfolio/company-goal-rules';
import type { Caller, Deps } from '../../ports';
import { commitCompanyGoals, readCompanyGoals } from '../../storage/company-goals';
import { fitsInOneValue } from '../../storage/document-rules';
import { siteAccess } from './company-goal-access';

type Refusal = Extract<Result<never>, { ok: false }>;
type Rule = (book: CompanyGoalBook, stamp: Stamp) => Promise<CompanyRuleOutcome | Refusal> | CompanyRuleOutcome;

async function change(deps: Deps, caller: Caller, baseRevision: number, rule: Rule): Promise<Result<CompanyGoalBook>> {
  const access = await siteAccess(deps, caller);
  if (!access.ok) return access;
  if (!access.data.canEditCompanyGoals)
    return fail('FORBIDDEN', 'Only Jira administrators and the people they name can change company goals.');
  const book = await readCompanyGoals(deps);
  if (book.revision !== baseRevision) return fail('CONFLICT', 'Someone else changed the company goals since you opened them.', { details: { current: book } });
  const outcome = await rule(book, { by: access.data.accountId, at: deps.clock.now().toISOString() });
  if ('error' in outcome) return outcome;
  if (!outcome.ok) return fail(outcome.code, outcome.message, outcome.code === 'NOT_FOUND' ? { details: { current: book } } : undefined);
  if (!fitsInOneValue(outcome.book)) return fail('LIMIT_REACHED', 'The company goals have reached the storage limit; shorten some descriptions.');
  const committed = await commitCompanyGoals(deps, outcome.book);
  if (!committed.ok) return fail('CONFLICT', 'Someone else changed the company goals since you opened them.', { details: { current: committed.current } });
  return ok(committed.saved);
}

/** The owner's display name as Jira has it now (kept with the goal, so the portfolio needs no Jira call for names). */
async function withOwner(deps: Deps, fields: CompanyGoalFields): Promise<Result<CompanyGoalFields & { ownerName: string | null }>> {
  if (!fields.ownerAccountId) return ok({ ...fields, ownerName: null });
  const [person] = await deps.jira.usersByIds([fields.ownerAccountId]);
  if (!person) return fail('VALIDATION_FAILED', 'Some fields need attention.', { fields: [{ path: 'goal.ownerAccountId', message: 'Jira does not know this person.' }] });
  return ok({ ...fields, ownerName: person.displayName });
}

const newId = (deps: Deps) => () => deps.ids.next();

export const createCompanyGoal = (deps: Deps, caller: Caller, input: { goal: CompanyGoalFields; baseRevision: number }): Promise<Result<CompanyGoalBook>> =>
  change(deps, caller, input.baseRevision, async (book, stamp) => {
    const owner = await withOwner(deps, input.goal);
    return owner.ok ? addCompanyGoal(book, owner.data, deps.ids.next(), newId(deps), stamp) : owner;
  });

export const updateCompanyGoal = (deps: Deps, caller: Caller, input: { goalId: string; goal: CompanyGoalFields; baseRevision: number }): Promise<Result<CompanyGoalBook>> =>
  change(deps, caller, input.baseRevision, async (book, stamp) => {
    const owner = await withOwner(deps, input.goal);
    return owner.ok ? editCompanyGoal(book, input.goalId, owner.data, newId(deps), stamp) : owner;
  });

export const deleteCompanyGoal = (deps: Deps, caller: Caller, input: { goalId: string; baseRevision: number }): Promise<Result<CompanyGoalBook>> =>
  change(deps, caller, input.baseRevision, (book, stamp) => removeCompanyGoal(book, input.goalId, stamp));
