/** Everything a project page or settings page shows, in one answer: 2 storage reads, ≤ 2 Jira calls. */
import { ok, type ProjectView, type Result, type Vision, type GoalBook } from '../contract';
import { emptyGoalBook, mentionedAccounts } from '../domain/goal-book';
import type { Caller, Deps } from '../ports';
import { authorize } from './authorize';
import { storageKeys } from './storage-keys';

export async function loadProjectView(deps: Deps, caller: Caller): Promise<Result<ProjectView>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const [vision, goalBook] = await Promise.all([
    deps.store.get<Vision>(storageKeys.vision(project.id)),
    deps.store.get<GoalBook>(storageKeys.goalBook(project.id)),
  ]);
  const book = goalBook ?? emptyGoalBook();
  const accounts = [...new Set([...mentionedAccounts(book), ...(vision ? [vision.updatedBy] : [])])];
  const people = accounts.length ? await deps.jira.usersByIds(accounts) : [];
  return ok({ project, canEdit: permissions.canAdminister, vision: vision ?? null, goalBook: book, people });
}
