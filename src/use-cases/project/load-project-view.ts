/**
 * Everything a project page or settings page shows, in one answer: 3 storage reads (draft, current
 * published version, goal book) plus what highlight sources read (alignment coverage: 1; post-launch: 2,
 * and 2 more once a launch's iteration has started), 2 for the guided start (newest feedback, the
 * "shared" marker; and 1 write the first time a non-admin opens it), and ≤ 2
 * Jira calls. Readers get the published vision only; admins also get the draft they edit.
 */
import type { ProjectView } from '../../contract';
import { ok, type Result } from '../../contract/shared/result';
import { mentionedAccounts } from '../../domain/goals/goal-book';
import { dayOf, reviewFlags } from '../../domain/vision/vision-review';
import { projectPagePath, settingsPagePath } from '../../domain/shared/jira-links';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readHighlights } from './project-highlights';
import { guidedStartFrom } from '../guided-start/guided-start-queries';
import { readGoalBook } from '../../storage/books';
import { readVisionState } from '../../storage/visions';

export async function loadProjectView(deps: Deps, caller: Caller): Promise<Result<ProjectView>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const canEdit = permissions.canAdminister;
  const [state, book, highlights] = await Promise.all([
    readVisionState(deps, project.id),
    readGoalBook(deps, project.id),
    readHighlights(deps, project),
  ]);
  const draft = canEdit ? state.draft : null;
  const published = state.published;
  const accounts = [
    ...mentionedAccounts(book),
    ...(published ? [published.publishedBy, ...published.bets.map((b) => b.ownerAccountId)] : []),
    ...(draft ? [draft.updatedBy, ...draft.bets.map((b) => b.ownerAccountId)] : []),
  ].filter((a): a is string => !!a);
  const unique = [...new Set(accounts)];
  const [people, guidedStart] = await Promise.all([
    unique.length ? deps.jira.usersByIds(unique) : Promise.resolve([]),
    // A reader who is not a project admin opening the vision shares it (noted once per project).
    guidedStartFrom(deps, project.id, { published, book, highlights }, !canEdit),
  ]);
  const review = published ? reviewFlags(published, published.publishedAt, dayOf(deps.clock.now())) : null;
  const links = { settings: settingsPagePath(project.key, deps.app ?? null), projectPage: projectPagePath({ key: project.key, typeKey: null }, deps.app ?? null) };
  return ok({ project, canEdit, vision: draft, goalBook: book, people, published, review, highlights, guidedStart: { ...guidedStart, links } });
}
