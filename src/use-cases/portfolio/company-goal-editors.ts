/**
 * The admin page: Jira administrators name the people and groups who may edit company goals.
 * Names of people come from Jira when shown, never stored; a group keeps the name it had when chosen.
 */
import type { CompanyGoalEditors, CompanyGoalEditorsView, NamedGroup, PrincipalMatches } from '../../contract/portfolio/portfolio';
import { fail, ok, type Result } from '../../contract/shared/result';
import type { Caller, Deps } from '../../ports';
import { commitCompanyGoalEditors, readCompanyGoalEditors } from '../../storage/company-goals';
import { jiraAdminOnly } from './company-goal-access';

async function view(deps: Deps, editors: CompanyGoalEditors): Promise<CompanyGoalEditorsView> {
  return { editors, people: editors.accountIds.length ? await deps.jira.usersByIds(editors.accountIds) : [] };
}

export async function loadEditors(deps: Deps, caller: Caller): Promise<Result<CompanyGoalEditorsView>> {
  const admin = await jiraAdminOnly(deps, caller);
  if (!admin.ok) return admin;
  return ok(await view(deps, await readCompanyGoalEditors(deps)));
}

export async function setEditors(
  deps: Deps,
  caller: Caller,
  input: { accountIds: string[]; groups: NamedGroup[]; baseRevision: number },
): Promise<Result<CompanyGoalEditorsView>> {
  const admin = await jiraAdminOnly(deps, caller);
  if (!admin.ok) return admin;
  const current = await readCompanyGoalEditors(deps);
  if (current.revision !== input.baseRevision)
    return fail('CONFLICT', 'Someone else changed the company goal editors since you opened them.', { details: { current } });
  const accountIds = [...new Set(input.accountIds)];
  // Only people Jira knows: an id typed by hand that names nobody is refused, not stored.
  const known = accountIds.length ? new Set((await deps.jira.usersByIds(accountIds)).map((p) => p.accountId)) : new Set<string>();
  const unknown = accountIds.filter((a) => !known.has(a));
  if (unknown.length)
    return fail('VALIDATION_FAILED', 'Some fields need attention.', { fields: [{ path: 'accountIds', message: `Jira does not know ${unknown.length} of these people.` }] });
  const groups = [...new Map(input.groups.map((g) => [g.groupId, g])).values()];
  const next: CompanyGoalEditors = { revision: current.revision + 1, accountIds, groups, updatedBy: admin.data.accountId, updatedAt: deps.clock.now().toISOString() };
  const committed = await commitCompanyGoalEditors(deps, next);
  if (!committed.ok) return fail('CONFLICT', 'Someone else changed the company goal editors since you opened them.', { details: { current: committed.current } });
  return ok(await view(deps, committed.saved));
}

/** People and groups whose names match, for naming editors (Jira administrators only). */
export async function findPrincipals(deps: Deps, caller: Caller, input: { query: string }): Promise<Result<PrincipalMatches>> {
  const admin = await jiraAdminOnly(deps, caller);
  if (!admin.ok) return admin;
  const [people, groups] = await Promise.all([deps.jira.findPeople(input.query), deps.jira.findGroups(input.query)]);
  return ok({ people, groups });
}
