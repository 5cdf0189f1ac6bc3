/**
 * `alignment/set-goal-many`: one goal on several epics of the report's list (at most ALIGNMENT_BATCH_MAX).
 * The goal is checked once; then each epic as `alignment/set-goal` does: it must be an epic of this
 * project the user can see, still show the goal the user saw, and Jira decides on the write, as the
 * user, whether they may edit it. One epic's refusal does not stop the others: the answer says, per
 * epic, what happened and why. The tally moves once for the whole batch (one compare-and-set) and the
 * macro's figures are refreshed once, not once per epic.
 */
import { fail, GOAL_LINK_PROPERTY, ok, type BatchEpicResult, type GoalBook, type Result, type SetEpicGoalsResult } from '../../contract';
import type { LinkBucket } from '../../domain/alignment/alignment-figures';
import { isEpicLevel, parseGoalLink } from '../../domain/alignment/alignment';
import { levelWord, pluralOf } from '../../domain/shared/words';
import { JiraError, type Caller, type Deps } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { authorize } from '../shared/authorize';
import { readHierarchy } from './project-hierarchy';
import { recordGoalChanges } from './record-goal-change';
import { unalignedRow } from './unaligned-row';
import { checkChoice, staleLinkMessage, writeGoalLink } from './write-goal-link';

/** Epics worked on at once: Jira's rate limits count every call, so a batch of 50 is not 100 calls at once. */
const PARALLEL = 5;

interface Context {
  deps: Deps;
  project: { id: string; key: string };
  accountId: string;
  book: GoalBook;
  goalId: string;
  /** The project's word for its epic level, read once and only when a refusal needs it. */
  level: () => Promise<string>;
}

type EpicAnswer = BatchEpicResult & { move?: { from: LinkBucket; to: LinkBucket } };

export async function setEpicGoals(
  deps: Deps,
  caller: Caller,
  input: { epics: Array<{ issueKey: string; baseGoalId: string | null }>; goalId: string },
): Promise<Result<SetEpicGoalsResult>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions, accountId } = auth.data;
  if (!permissions.canEditIssues) return fail('FORBIDDEN', `You can't edit epics in ${project.key}, so you can't change their goals.`);

  const book = await readGoalBook(deps, project.id);
  const checked = checkChoice(book, input.goalId, project.key);
  if (!checked.ok) return checked;

  let level: Promise<string> | null = null;
  const ctx: Context = {
    deps,
    project,
    accountId,
    book,
    goalId: input.goalId,
    level: () => (level ??= readHierarchy(deps, project.id).then((h) => levelWord(h?.epicTypeName))),
  };
  const answers: EpicAnswer[] = [];
  const record = () => recordGoalChanges(deps, project, answers.flatMap((a) => (a.move ? [a.move] : [])));
  try {
    for (let i = 0; i < input.epics.length; i += PARALLEL) {
      const slice = input.epics.slice(i, i + PARALLEL);
      const settled = await Promise.allSettled(slice.map((epic) => setOne(ctx, epic.issueKey, epic.baseGoalId)));
      for (const s of settled) if (s.status === 'fulfilled') answers.push(s.value);
      const thrown = settled.find((s) => s.status === 'rejected');
      if (thrown) throw thrown.reason;
    }
  } catch (error) {
    // What was written before the failure still counts (the links are in Jira).
    await record();
    throw error;
  }
  await record();
  return ok({ goalId: input.goalId, results: answers.map(({ move: _move, ...result }) => result) });
}

async function setOne(ctx: Context, issueKey: string, baseGoalId: string | null): Promise<EpicAnswer> {
  const { deps, project, book } = ctx;
  try {
    const epic = await deps.jira.getIssue(issueKey, { fields: ['summary', 'issuetype', 'status', 'created', 'project'], properties: [GOAL_LINK_PROPERTY] });
    if (!epic || epic.project?.id !== project.id) {
      return { issueKey, outcome: 'not-found', message: `There is no ${await ctx.level()} ${issueKey} in ${project.key} that you can see.`, row: null };
    }
    if (!isEpicLevel(epic.type)) {
      const level = await ctx.level();
      const message = `${epic.key} is a ${epic.type?.name ?? 'work item'}, not a${/^[aeiou]/i.test(level) ? 'n' : ''} ${level}; only ${pluralOf(level)} are tied to goals.`;
      return { issueKey, outcome: 'not-epic', message, row: null };
    }
    const raw = epic.properties[GOAL_LINK_PROPERTY];
    const parsed = parseGoalLink(raw);
    const current = parsed.kind === 'link' ? parsed.link.goalId : null;
    if (current === ctx.goalId) return { issueKey, outcome: 'already', message: null };
    const stale = staleLinkMessage(book, epic.key, current, baseGoalId);
    if (stale) return { issueKey, outcome: 'conflict', message: stale, row: unalignedRow(epic, book) };
    const written = await writeGoalLink(
      deps,
      { issue: epic, project, hasProperty: raw !== undefined, currentGoalId: current },
      ctx.goalId,
      ctx.accountId,
      parsed.kind === 'link' ? parsed.link : null,
    );
    if (!written.ok) {
      const outcome = written.error.code === 'FORBIDDEN' ? 'forbidden' : 'not-found';
      return { issueKey, outcome, message: written.error.message, row: outcome === 'forbidden' ? unalignedRow(epic, book) : null };
    }
    return { issueKey, outcome: 'set', message: null, move: { from: current, to: ctx.goalId } };
  } catch (error) {
    // Jira failing for one epic (busy, an outage) leaves it unchanged and the others go on; anything else is not ours to absorb.
    if (!(error instanceof JiraError) || error.code === 'UNAUTHENTICATED' || error.code === 'NOT_CONNECTED') throw error;
    const why = error.code === 'RATE_LIMITED' ? 'Jira is busy right now' : 'Jira did not answer as expected';
    return { issueKey, outcome: 'failed', message: `${why}; ${issueKey} was not changed. Try it again in a minute.` };
  }
}
