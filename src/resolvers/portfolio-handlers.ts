/** The portfolio page, company goals (global page and admin page) and a project goal's contribution. */
import * as P from '../contract/portfolio/portfolio';
import { emptyPayload } from '../contract/shared/schemas';
import { createCompanyGoal, deleteCompanyGoal, updateCompanyGoal } from '../use-cases/portfolio/company-goal-actions';
import { findPrincipals, loadEditors, setEditors } from '../use-cases/portfolio/company-goal-editors';
import { contribute } from '../use-cases/portfolio/contribute-goal';
import { companyGoalChoices, loadPortfolio } from '../use-cases/portfolio/portfolio-queries';
import { endpoint, type DepsFactory, type Handler } from './endpoint';
import type { JIRA_KEY_GROUPS } from './jira-key-groups';

export function portfolioHandlers(makeDeps: DepsFactory): Record<(typeof JIRA_KEY_GROUPS.portfolio)[number], Handler> {
  return {
    'portfolio/load': endpoint(emptyPayload, loadPortfolio, makeDeps),
    'company-goal/choices': endpoint(emptyPayload, companyGoalChoices, makeDeps),
    'company-goal/create': endpoint(P.createCompanyGoalSchema, createCompanyGoal, makeDeps),
    'company-goal/update': endpoint(P.updateCompanyGoalSchema, updateCompanyGoal, makeDeps),
    'company-goal/delete': endpoint(P.deleteCompanyGoalSchema, deleteCompanyGoal, makeDeps),
    'company-goal/editors': endpoint(emptyPayload, loadEditors, makeDeps),
    'company-goal/set-editors': endpoint(P.setEditorsSchema, setEditors, makeDeps),
    'company-goal/find-principals': endpoint(P.findPrincipalsSchema, findPrincipals, makeDeps),
    'goal/contribute': endpoint(P.contributeSchema, contribute, makeDeps),
  };
}
