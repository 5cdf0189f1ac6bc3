/** An iteration's page, and the older pages of its decisions and of feedback (an iteration's or the project's). */
import { fail, ok, type Result } from '../../contract';
import type { DecisionPage, FeedbackPage, Iteration, IterationView, Launch, OutputShipped } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { outputJql } from '../../domain/post-launch/kpi-jql';
import { findIteration, findLaunch, iterationState } from '../../domain/post-launch/launch-book';
import { baselineOf, iterationOutcome } from '../../domain/post-launch/launch-digest';
import { JiraError, type Caller, type Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { listDecisionPage } from '../../storage/decisions';
import { listFeedbackPage } from '../../storage/feedback';
import { digestForReading } from '../../storage/kpi-series';
import { readLaunchBook } from '../../storage/launches';
import { decisionIssueStatuses } from './decision-issue';

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
 * decisions. 5 storage calls (launch book, goal book, digest, 2 queries) and 3 Jira calls (a fourth, one
 * search, when a decision on the first page has become a Jira issue).
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
  const [output, people, issues] = await Promise.all([
    outputOf(deps, project.key, iteration),
    accounts.length ? deps.jira.usersByIds(accounts) : Promise.resolve([]),
    decisionIssueStatuses(deps, project.id, iteration.id, decisions.items),
  ]);
  return ok({
    project,
    canEdit: permissions.canAdminister,
    today: dayOf(deps.clock.now()),
    launch,
    iteration,
    ...stateOf(launch, iteration, dayOf(deps.clock.now())),
    outcome: iterationOutcome(digest, kpis, iteration),
    baselines: Object.fromEntries(kpis.map((k) => [k.id, baselineOf(digest, k)])),
    kpis,
    goals: goalBook.goals.map(({ id, title, status }) => ({ id, title, status })),
    output,
    feedback,
    decisions: issues ? { ...decisions, issues } : decisions,
    people,
  });
}

/** Whether the iteration is the one running, or the one tracking stalled after. */
function stateOf(launch: Launch, iteration: Iteration, today: string): { current: boolean; stalledSince: string | null } {
  const state = iterationState(launch, today);
  return { current: state.running?.id === iteration.id, stalledSince: state.stalledSince === iteration.end ? state.stalledSince : null };
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
  const items = page.items.filter((d) => d.launchId === input.launchId);
  const issues = await decisionIssueStatuses(deps, auth.data.project.id, input.iterationId, items);
  return ok({ items, nextCursor: page.nextCursor, ...(issues ? { issues } : {}) });
}

/** Feedback, 20 a page, each page newest first: an iteration's, or the whole project's. */
export async function listFeedback(
  deps: Deps,
  caller: Caller,
  input: { iteration?: { launchId: string; iterationId: string }; cursor?: string },
): Promise<Result<FeedbackPage>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const p = auth.data.project.id;
  const ref = input.iteration;
  const [book, page] = await Promise.all([ref ? readLaunchBook(deps, p) : null, listFeedbackPage(deps, p, ref?.iterationId ?? null, input.cursor)]);
  // Only this project's iterations: another project's iteration id names nothing here.
  const launch = ref && book ? findLaunch(book, ref.launchId) : undefined;
  if (ref && !(launch && findIteration(launch, ref.iterationId))) return fail('NOT_FOUND', 'This iteration no longer exists.');
  const isAdmin = auth.data.permissions.canAdminister;
  // Items brought in from Jira wait for an admin's triage: until then they are the admin's to read, since their
  // text and issue key come from a project (a service desk, say) that the project's readers may not browse.
  const items = isAdmin ? page.items : page.items.filter((f) => !f.untriaged);
  // Which items the reader may delete (their own; an admin any) and triage (an admin).
  return ok({ ...page, items, reader: { accountId: auth.data.accountId, isAdmin } });
}
