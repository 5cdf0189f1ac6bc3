/**
 * The portfolio page's one load: every row (`SHARDS` reads), the company goals (1) and their editors
 * (1); one bulk permission check for the projects in the rows (also answering "Jira administrator"),
 * and the caller's groups only when a named group decides whether they may edit company goals. Rows are
 * kept current by the writes that change them, so nothing here scans projects.
 */
import type { CompanyGoalChoices, PortfolioView } from '../../contract/portfolio/portfolio';
import { ok, type Result } from '../../contract/shared/result';
import { rollUp } from '../../domain/portfolio/portfolio-row';
import { dayOf } from '../../domain/vision/vision-review';
import { projectPagePath } from '../../domain/shared/jira-links';
import type { Caller, Deps } from '../../ports';
import { readCompanyGoalEditors, readCompanyGoals } from '../../storage/company-goals';
import { readPortfolioRows } from '../../storage/portfolio-rows';
import { signedIn, siteAccess } from './company-goal-access';

export async function loadPortfolio(deps: Deps, caller: Caller): Promise<Result<PortfolioView>> {
  const who = signedIn(caller);
  if (!who.ok) return who;
  const [rows, book, editors] = await Promise.all([readPortfolioRows(deps), readCompanyGoals(deps), readCompanyGoalEditors(deps)]);
  const access = await siteAccess(deps, caller, rows.map((r) => r.projectId), editors);
  if (!access.ok) return access;
  // Only what the viewer may browse: a row, and a company goal's contributions, of any other project stay out.
  const visible = rows.filter((r) => access.data.browsable.has(r.projectId)).sort((a, b) => a.projectKey.localeCompare(b.projectKey));
  const people = book.goals.flatMap((g) => (g.ownerAccountId && g.ownerName ? [{ accountId: g.ownerAccountId, displayName: g.ownerName }] : []));
  return ok({
    // The row keeps no project type: company-managed and team-managed software projects share the path.
    rows: visible.map((r) => ({ ...r, href: projectPagePath({ key: r.projectKey, typeKey: null }, deps.app ?? null) })),
    companyGoals: rollUp(book, visible),
    companyGoalBook: book,
    canEditCompanyGoals: access.data.canEditCompanyGoals,
    today: dayOf(deps.clock.now()),
    people,
  });
}

/** The company goals a project goal may contribute to (the settings page's goal form): 1 read. */
export async function companyGoalChoices(deps: Deps, caller: Caller): Promise<Result<CompanyGoalChoices>> {
  const who = signedIn(caller);
  if (!who.ok) return who;
  const book = await readCompanyGoals(deps);
  return ok({ goals: book.goals.map(({ id, title, businessUnit, status }) => ({ id, title, businessUnit, status })) });
}
