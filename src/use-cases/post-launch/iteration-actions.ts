/** Iterations after a launch: define, change, delete; their page; decisions and next steps. */
import { fail, ok, type FieldIssue, type Result } from '../../contract';
import type {
  Decision,
  DecisionKind,
  DecisionPage,
  Iteration,
  IterationView,
  LaunchBook,
  LaunchChange,
  OutputShipped,
} from '../../contract/post-launch/post-launch';
import { POST_LAUNCH_LIMITS } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { outputJql } from '../../domain/post-launch/kpi-jql';
import {
  addIteration,
  findIteration,
  findLaunch,
  removeIteration,
  updateIteration,
  type IterationFields,
  type LaunchOutcome,
} from '../../domain/post-launch/launch-book';
import { baselineOf, iterationOutcome, summarizeLaunch } from '../../domain/post-launch/launch-digest';
import { JiraError, type Caller, type Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { deleteDecision, listDecisionPage, saveDecision } from '../../storage/decisions';
import { listFeedbackPage } from '../../storage/feedback';
import { undoIfFails } from './feedback-actions';
import { digestForReading, rebuildDigest } from '../../storage/kpi-series';
import { CONFLICT_MESSAGE, commitLaunchBook, countDecisionInDigest, loadLaunchDigest, readLaunchBook } from '../../storage/launches';
import { newestFirstInstant } from '../../storage/post-launch-keys';

interface IterationInput {
  name: string;
  start: string;
  end: string;
  versionId: string | null;
}

/** The iteration's fields with its version's name, or the field issue when the version is not the project's. */
async function withVersion(deps: Deps, projectId: string, input: IterationInput): Promise<{ fields: IterationFields } | { issue: FieldIssue }> {
  if (input.versionId === null) return { fields: { ...input, versionName: null } };
  const version = ((await deps.jira.projectVersions(projectId)) ?? []).find((v) => v.id === input.versionId);
  if (!version) return { issue: { path: 'iteration.versionId', message: 'This version is not one of the project’s versions.' } };
  return { fields: { ...input, versionName: version.name.slice(0, POST_LAUNCH_LIMITS.versionName) } };
}

/** Commits a changed book, then recomputes the launch's iteration figures. */
async function afterChange(deps: Deps, projectId: string, launchId: string, committed: Result<LaunchBook>): Promise<Result<LaunchChange>> {
  if (!committed.ok) return committed;
  const launch = findLaunch(committed.data, launchId);
  if (!launch) return ok({ launchBook: committed.data, selected: null });
  const kpis = kpisInOrder(await readGoalBook(deps, projectId));
  const digest = await rebuildDigest(deps, projectId, launch, kpis);
  return ok({ launchBook: committed.data, selected: summarizeLaunch(launch, digest, kpis, dayOf(deps.clock.now())) });
}

/** Create and edit share one path: admin, fresh base revision, the version checked, then the rule. */
async function saveIteration(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iteration: IterationInput; baseRevision: number },
  apply: (book: LaunchBook, fields: IterationFields, stamp: { by: string; at: string }) => LaunchOutcome,
): Promise<Result<LaunchChange>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const book = await readLaunchBook(deps, project.id);
  if (book.revision !== input.baseRevision)
    return fail('CONFLICT', CONFLICT_MESSAGE, { details: { current: book } });
  const checked = await withVersion(deps, project.id, input.iteration);
  if ('issue' in checked) return fail('VALIDATION_FAILED', 'Check the iteration.', { fields: [checked.issue] });
  const outcome = apply(book, checked.fields, { by: accountId, at: deps.clock.now().toISOString() });
  return afterChange(deps, project.id, input.launchId, await commitLaunchBook(deps, project.id, book, input.baseRevision, outcome));
}

export const createIteration = (deps: Deps, caller: Caller, input: { launchId: string; iteration: IterationInput; baseRevision: number }) =>
  saveIteration(deps, caller, input, (book, fields, stamp) => addIteration(book, input.launchId, { id: deps.ids.next(), ...fields }, stamp));

export const editIteration = (
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string; iteration: IterationInput; baseRevision: number },
) => saveIteration(deps, caller, input, (book, fields, stamp) => updateIteration(book, input.launchId, input.iterationId, fields, stamp));

export async function deleteIteration(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string; baseRevision: number; confirm?: boolean },
): Promise<Result<LaunchChange>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [book, digest] = await Promise.all([
    readLaunchBook(deps, project.id),
    loadLaunchDigest(deps, project.id, input.launchId),
  ]);
  const counts = digest?.feedback[input.iterationId];
  const holds = {
    feedback: counts ? counts.positive + counts.neutral + counts.negative : 0,
    decisions: digest?.decisions[input.iterationId] ?? 0,
  };
  const outcome = removeIteration(book, input.launchId, input.iterationId, input.confirm === true, holds, {
    by: accountId,
    at: deps.clock.now().toISOString(),
  });
  return afterChange(deps, project.id, input.launchId, await commitLaunchBook(deps, project.id, book, input.baseRevision, outcome));
}

/** The output an iteration shipped: Jira's count of its done issues (degrades to a message when Jira cannot count). */
async function outputOf(deps: Deps, projectKey: string, iteration: Iteration): Promise<OutputShipped> {
  const { jql, basis } = outputJql(projectKey, iteration);
  try {
    return { jql, basis, count: await deps.jira.countIssues(jql), error: null };
  } catch (error) {
    if (!(error instanceof JiraError) || error.code === 'UNAUTHENTICATED') throw error;
    const message =
      error.status === 400
        ? 'Jira could not count the done issues (has the version been deleted?).'
        : 'Jira did not answer; the count of done issues is missing. Try again in a minute.';
    return { jql, basis, count: null, error: message };
  }
}

/**
 * An iteration's page: its verdict per KPI, the output shipped, and the first page of its feedback and
 * decisions. 5 storage calls (launch book, goal book, digest, 2 queries) and 3 Jira calls.
 */
export async function loadIteration(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string },
): Promise<Result<IterationView>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const [book, goalBook, feedback, decisions] = await Promise.all([
    readLaunchBook(deps, project.id),
    readGoalBook(deps, project.id),
    listFeedbackPage(deps, project.id, input.iterationId),
    listDecisionPage(deps, project.id, input.iterationId),
  ]);
  const launch = findLaunch(book, input.launchId);
  const iteration = launch && findIteration(launch, input.iterationId);
  if (!launch || !iteration) return fail('NOT_FOUND', 'This iteration no longer exists.');
  const kpis = kpisInOrder(goalBook);
  const digest = await digestForReading(deps, project.id, launch, kpis);
  const accounts = [...new Set([...feedback.items.map((f) => f.by), ...decisions.items.map((d) => d.by)])];
  const [output, people] = await Promise.all([
    outputOf(deps, project.key, iteration),
    accounts.length ? deps.jira.usersByIds(accounts) : Promise.resolve([]),
  ]);
  return ok({
    project,
    canEdit: permissions.canAdminister,
    today: dayOf(deps.clock.now()),
    launch,
    iteration,
    outcome: iterationOutcome(digest, kpis, iteration),
    baselines: Object.fromEntries(kpis.map((k) => [k.id, baselineOf(digest, k)])),
    kpis,
    goals: goalBook.goals.map(({ id, title, status }) => ({ id, title, status })),
    output,
    feedback,
    decisions,
    people,
  });
}

/** Records a decision or next step for an iteration: its own key, and the iteration's count. */
export async function decide(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string; kind: DecisionKind; text: string },
): Promise<Result<Decision>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const book = await readLaunchBook(deps, project.id);
  const launch = findLaunch(book, input.launchId);
  if (!launch || !findIteration(launch, input.iterationId)) return fail('NOT_FOUND', 'This iteration no longer exists.');
  const at = deps.clock.now().toISOString();
  const decision: Decision = {
    id: `${newestFirstInstant(at)}-${deps.ids.next()}`,
    launchId: input.launchId,
    iterationId: input.iterationId,
    kind: input.kind,
    text: input.text,
    by: accountId,
    at,
  };
  await saveDecision(deps, project.id, decision);
  await undoIfFails(
    () => countDecisionInDigest(deps, project.id, launch, input.iterationId, 1),
    () => deleteDecision(deps, project.id, decision),
  );
  return ok(decision);
}

/** Older decisions of an iteration, 20 a page, each page newest first. */
export async function listDecisions(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string; cursor?: string },
): Promise<Result<DecisionPage>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const [book, page] = await Promise.all([
    readLaunchBook(deps, auth.data.project.id),
    listDecisionPage(deps, auth.data.project.id, input.iterationId, input.cursor),
  ]);
  const launch = findLaunch(book, input.launchId);
  if (!launch || !findIteration(launch, input.iterationId)) return fail('NOT_FOUND', 'This iteration no longer exists.');
  return ok({ items: page.items.filter((d) => d.launchId === input.launchId), nextCursor: page.nextCursor });
}
