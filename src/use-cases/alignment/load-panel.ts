/**
 * `panel/load`: the goal an issue serves, through its epic. One permission call, one to three issue
 * reads (the issue, its epic, a subtask's epic), three storage reads (goal book; the published vision:
 * its draft and current version), and for a shipped epic the iteration verdict (two more reads).
 */
import { fail, ok, type IssuePanelView, type Result } from '../../contract';
import type { Caller, Deps } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { readVisionState } from '../../storage/visions';
import { iterationVerdictForEpic } from '../post-launch/epic-verdict';
import { panelAccess } from './panel-access';
import { readPanelIssue } from './panel-issue';
import { panelView } from './panel-view';

export async function loadPanel(deps: Deps, caller: Caller): Promise<Result<IssuePanelView>> {
  const access = await panelAccess(deps, caller);
  if (!access.ok) return access;
  const read = await readPanelIssue(deps, access.data.issue.id);
  if (!read || !read.issue.project) return fail('NO_ACCESS', "You can't see this issue, or it no longer exists.");
  const project = read.issue.project;
  // The epic's goals live in the epic's project (usually the same one).
  const goalsOf = read.epic?.project?.id ?? project.id;
  const [goalBook, vision] = await Promise.all([readGoalBook(deps, goalsOf), readVisionState(deps, project.id)]);
  const view = panelView(read, project, goalBook, vision.published?.statement ?? null, access.data.permissions.canEdit);
  // Outcome, not just output: the verdict of the iteration the epic shipped in.
  const epic = read.epic;
  const iterationVerdict =
    epic && (epic.resolved || (epic.fixVersionIds ?? []).length)
      ? await iterationVerdictForEpic(deps, goalsOf, { resolutionDate: epic.resolved ?? null, fixVersionIds: epic.fixVersionIds ?? [] }, goalBook)
      : null;
  return ok({ ...view, iterationVerdict });
}
