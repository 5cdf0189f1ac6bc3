/**
 * `panel/set-goal`: set, change or clear the goal of the epic the panel is open on. Only an epic,
 * only a goal of its project that is active or achieved, only by someone Jira lets edit the epic.
 */
import { fail, GOAL_LINK_PROPERTY, ok, type IssuePanelView, type Result } from '../../contract';
import { parseGoalLink } from '../../domain/alignment/alignment';
import type { Caller, Deps } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { readVisionState } from '../../storage/visions';
import { levelWord, pluralOf } from '../../domain/shared/words';
import { panelAccess } from './panel-access';
import { readPanelIssue } from './panel-issue';
import { panelFigures, panelView } from './panel-view';
import { readAlignmentTally } from '../../storage/alignment-tally';
import { recordGoalChange } from './record-goal-change';
import { checkChoice, staleLinkMessage, writeGoalLink } from './write-goal-link';

export async function setPanelGoal(
  deps: Deps,
  caller: Caller,
  input: { goalId: string | null; baseGoalId?: string | null },
): Promise<Result<IssuePanelView>> {
  const access = await panelAccess(deps, caller);
  if (!access.ok) return access;
  if (!access.data.permissions.canEdit) return fail('FORBIDDEN', `You can't edit ${access.data.issue.key}, so you can't change its goal.`);
  const read = await readPanelIssue(deps, access.data.issue.id);
  if (!read || !read.issue.project) return fail('NOT_FOUND', `${access.data.issue.key} no longer exists, or you can no longer see it.`);
  const { issue } = read;
  const project = read.issue.project;
  if (!read.isEpic)
    return fail('VALIDATION_FAILED', `Only ${pluralOf(levelWord(read.epic?.type?.name))} are tied to goals, and ${issue.key} is a ${issue.type?.name ?? 'work item'}. Set the goal on its ${levelWord(read.epic?.type?.name)}.`);

  const [book, vision] = await Promise.all([readGoalBook(deps, project.id), readVisionState(deps, project.id)]);
  const checked = checkChoice(book, input.goalId, project.key);
  if (!checked.ok) return checked;

  const raw = issue.properties[GOAL_LINK_PROPERTY];
  const parsed = parseGoalLink(raw);
  const stale = staleLinkMessage(book, issue.key, parsed.kind === 'link' ? parsed.link.goalId : null, input.baseGoalId);
  if (stale)
    return fail('CONFLICT', stale, {
      details: { current: panelView({ issue, isEpic: true, epic: issue }, project, book, vision.published?.statement ?? null, true) },
    });
  const written = await writeGoalLink(
    deps,
    { issue, project, hasProperty: raw !== undefined, currentGoalId: parsed.kind === 'link' ? parsed.link.goalId : null },
    input.goalId,
    access.data.accountId,
    parsed.kind === 'link' ? parsed.link : null,
  );
  if (!written.ok) return written;
  await recordGoalChange(deps, project, parsed.kind === 'link' ? parsed.link.goalId : null, written.data?.goalId ?? null);
  const properties = { ...issue.properties };
  if (written.data) properties[GOAL_LINK_PROPERTY] = written.data;
  else delete properties[GOAL_LINK_PROPERTY];
  const updated = { ...issue, properties };
  const view = panelView({ issue: updated, isEpic: true, epic: updated }, project, book, vision.published?.statement ?? null, true);
  return ok({ ...view, figures: panelFigures(await readAlignmentTally(deps, project.id), book, view.goal?.id ?? null) });
}
