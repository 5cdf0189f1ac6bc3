/**
 * `alignment/set-goal`: the picker inline in the report. The epic must belong to the project the
 * report is open in (an issue of another project is "not found"), the goal must be one of its
 * active or achieved goals, and Jira decides on the write whether the user may edit the epic.
 * Answers the epic's new row, or null once it is aligned. The row's goal as the user saw it comes with the
 * change (`baseGoalId`): someone else's change since answers CONFLICT with the row as it is now.
 */
import { fail, GOAL_LINK_PROPERTY, ok, type Result, type UnalignedEpic } from '../../contract';
import { isEpicLevel, parseGoalLink } from '../../domain/alignment/alignment';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { levelWord, pluralOf } from '../../domain/shared/words';
import { readHierarchy } from './project-hierarchy';
import { unalignedRow } from './unaligned-row';
import { recordGoalChange } from './record-goal-change';
import { checkChoice, staleLinkMessage, writeGoalLink } from './write-goal-link';

export async function setEpicGoal(
  deps: Deps,
  caller: Caller,
  input: { issueKey: string; goalId: string | null; baseGoalId: string | null },
): Promise<Result<UnalignedEpic | null>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions, accountId } = auth.data;
  if (!permissions.canEditIssues) return fail('FORBIDDEN', `You can't edit epics in ${project.key}, so you can't change their goals.`);

  const epic = await deps.jira.getIssue(input.issueKey, {
    fields: ['summary', 'issuetype', 'status', 'created', 'project'],
    properties: [GOAL_LINK_PROPERTY],
  });
  const refused = !epic || epic.project?.id !== project.id || !isEpicLevel(epic.type);
  // Refusals speak of the epic level by the project's own name ("feature"); one cached read, on refusal only.
  const level = refused ? levelWord((await readHierarchy(deps, project.id))?.epicTypeName) : 'epic';
  const notFound = `There is no ${level} ${input.issueKey} in ${project.key} that you can see.`;
  if (!epic || epic.project?.id !== project.id) return fail('NOT_FOUND', notFound, { fields: [{ path: 'issueKey', message: notFound }] });
  if (!isEpicLevel(epic.type)) {
    const message = `${epic.key} is a ${epic.type?.name ?? 'work item'}, not a${/^[aeiou]/i.test(level) ? 'n' : ''} ${level}; only ${pluralOf(level)} are tied to goals.`;
    return fail('VALIDATION_FAILED', message, { fields: [{ path: 'issueKey', message }] });
  }

  const book = await readGoalBook(deps, project.id);
  const checked = checkChoice(book, input.goalId, project.key);
  if (!checked.ok) return checked;

  const raw = epic.properties[GOAL_LINK_PROPERTY];
  const parsed = parseGoalLink(raw);
  const stale = staleLinkMessage(book, epic.key, parsed.kind === 'link' ? parsed.link.goalId : null, input.baseGoalId);
  if (stale) return fail('CONFLICT', stale, { details: { current: unalignedRow(epic, book) } });
  const written = await writeGoalLink(
    deps,
    { issue: epic, project, hasProperty: raw !== undefined, currentGoalId: parsed.kind === 'link' ? parsed.link.goalId : null },
    input.goalId,
    accountId,
    parsed.kind === 'link' ? parsed.link : null,
  );
  if (!written.ok) return written;
  await recordGoalChange(deps, project, parsed.kind === 'link' ? parsed.link.goalId : null, written.data?.goalId ?? null);
  const properties = { ...epic.properties };
  if (written.data) properties[GOAL_LINK_PROPERTY] = written.data;
  else delete properties[GOAL_LINK_PROPERTY];
  return ok(unalignedRow({ ...epic, properties }, book));
}
