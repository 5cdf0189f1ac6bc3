/** The settings page's choice: which company goal a project goal contributes to (project admins). */
import type { GoalBook } from '../../contract/goals/model';
import type { Result } from '../../contract/shared/result';
import { contributeGoal } from '../../domain/portfolio/company-goal-rules';
import type { Caller, Deps } from '../../ports';
import { readCompanyGoals } from '../../storage/company-goals';
import { changeGoalBook } from '../goals/change-goal-book';

export async function contribute(deps: Deps, caller: Caller, input: { goalId: string; companyGoalId: string | null; baseRevision: number }): Promise<Result<GoalBook>> {
  // Read first only when a company goal is named: the change itself authorizes as a project admin.
  const ids = input.companyGoalId === null ? [] : (await readCompanyGoals(deps)).goals.map((g) => g.id);
  return changeGoalBook(deps, caller, input.baseRevision, (book, stamp) => contributeGoal(book, input.goalId, input.companyGoalId, ids, stamp), {
    kind: 'goal',
    id: input.goalId,
  });
}
