/**
 * End-user feedback: each item under its own key, newest first, with a copy under each thing it is
 * linked to (iteration, KPI, goal) so that a list is one query page; written in one transaction. The
 * iteration's feedback count (in the launch's digest) changes after it; if that fails, the items are
 * taken back, so the answer is an error and nothing changed.
 */
import { fail, ok, type FieldIssue, type Result } from '../../contract';
import type { Feedback, FeedbackPage, FeedbackSource, Sentiment } from '../../contract/post-launch/post-launch';
import { POST_LAUNCH_LIMITS } from '../../contract/post-launch/post-launch';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import { countFeedback, emptyDigest } from '../../domain/post-launch/launch-digest';
import type { Caller, Deps, StoreOperation } from '../../ports';
import { authorize } from '../shared/authorize';
import { inKeyOrder } from '../../storage/query-order';
import { readGoalBook, readLaunchBook } from '../../storage/books';
import { casUpdate, ClaimedNotCopiedError } from '../../storage/claims/compare-and-set';
import { newestFirstInstant, plKeys } from '../../storage/post-launch-keys';

export interface FeedbackInput {
  source: FeedbackSource;
  text: string;
  sentiment: Sentiment;
  goalId: string | null;
  kpiId: string | null;
  iteration: { launchId: string; iterationId: string } | null;
}

/**
 * Runs the second step of a two-step write; when it fails, undoes the first (best effort) and fails,
 * so the item and its iteration's count never disagree after a passing storage failure.
 */
export async function undoIfFails(step: () => Promise<unknown>, undo: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    // A count that was claimed stands (it is rolled forward): the item it counts must stay too.
    if (!(error instanceof ClaimedNotCopiedError)) await undo().catch((undoError: unknown) => console.error('Could not undo a half-done write', undoError));
    throw error;
  }
}

/** The keys an item is stored under: its own, then one per link. */
function keysOf(projectId: string, f: Feedback): string[] {
  return [
    plKeys.feedback(projectId, f.id),
    ...(f.iterationId ? [plKeys.feedbackByIteration(projectId, f.iterationId, f.id)] : []),
    ...(f.kpiId ? [plKeys.feedbackByKpi(projectId, f.kpiId, f.id)] : []),
    ...(f.goalId ? [plKeys.feedbackByGoal(projectId, f.goalId, f.id)] : []),
  ];
}

export async function createFeedback(deps: Deps, caller: Caller, input: FeedbackInput): Promise<Result<Feedback>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [goalBook, launchBook] = await Promise.all([readGoalBook(deps, project.id), readLaunchBook(deps, project.id)]);
  const fields: FieldIssue[] = [];
  if (input.goalId && !goalBook.goals.some((g) => g.id === input.goalId)) fields.push({ path: 'goalId', message: 'This goal no longer exists.' });
  if (input.kpiId && !goalBook.kpis.some((k) => k.id === input.kpiId)) fields.push({ path: 'kpiId', message: 'This KPI was deleted.' });
  const launch = input.iteration ? findLaunch(launchBook, input.iteration.launchId) : undefined;
  if (input.iteration && !(launch && findIteration(launch, input.iteration.iterationId)))
    fields.push({ path: 'iteration', message: 'This iteration no longer exists.' });
  if (fields.length) return fail('VALIDATION_FAILED', 'Check what the feedback is linked to.', { fields });

  const at = deps.clock.now().toISOString();
  const feedback: Feedback = {
    id: `${newestFirstInstant(at)}-${deps.ids.next()}`,
    source: input.source,
    text: input.text,
    sentiment: input.sentiment,
    goalId: input.goalId,
    kpiId: input.kpiId,
    launchId: input.iteration?.launchId ?? null,
    iterationId: input.iteration?.iterationId ?? null,
    by: accountId,
    at,
  };
  const keys = keysOf(project.id, feedback);
  await deps.store.transact(keys.map((key): StoreOperation => ({ kind: 'set', key, value: feedback })));
  if (launch && feedback.iterationId) {
    const iterationId = feedback.iterationId;
    await undoIfFails(
      () => casUpdate(deps.store, plKeys.digest(project.id, launch.id), () => emptyDigest(launch), (d) => countFeedback(d, iterationId, feedback.sentiment, 1)),
      () => deps.store.transact(keys.map((key): StoreOperation => ({ kind: 'delete', key }))),
    );
  }
  return ok(feedback);
}

/** Feedback, 20 a page, each page newest first (sorted here: Forge documents no query order): an iteration's, or the whole project's. */
export async function listFeedback(
  deps: Deps,
  caller: Caller,
  input: { iteration?: { launchId: string; iterationId: string }; cursor?: string },
): Promise<Result<FeedbackPage>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const p = auth.data.project.id;
  const ref = input.iteration;
  const prefix = ref ? plKeys.feedbackByIterationPrefix(p, ref.iterationId) : plKeys.feedbackPrefix(p);
  const [book, page] = await Promise.all([
    ref ? readLaunchBook(deps, p) : null,
    deps.store.query<Feedback>(prefix, { cursor: input.cursor, limit: POST_LAUNCH_LIMITS.pageSize }),
  ]);
  // Only this project's iterations: another project's iteration id names nothing here.
  const launch = ref && book ? findLaunch(book, ref.launchId) : undefined;
  if (ref && !(launch && findIteration(launch, ref.iterationId))) return fail('NOT_FOUND', 'This iteration no longer exists.');
  return ok({ items: inKeyOrder(page).results.map((r) => r.value), nextCursor: page.nextCursor ?? null });
}

export async function deleteFeedback(deps: Deps, caller: Caller, input: { feedbackId: string }): Promise<Result<{ deleted: string }>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const feedback = await deps.store.get<Feedback>(plKeys.feedback(project.id, input.feedbackId));
  if (!feedback) return fail('NOT_FOUND', 'This feedback no longer exists.');
  const launch = feedback.launchId ? findLaunch(await readLaunchBook(deps, project.id), feedback.launchId) : undefined;
  const keys = keysOf(project.id, feedback);
  await deps.store.transact(keys.map((key): StoreOperation => ({ kind: 'delete', key })));
  const iterationId = feedback.iterationId;
  if (launch && iterationId && findIteration(launch, iterationId))
    await undoIfFails(
      () => casUpdate(deps.store, plKeys.digest(project.id, launch.id), () => emptyDigest(launch), (d) => countFeedback(d, iterationId, feedback.sentiment, -1)),
      () => deps.store.transact(keys.map((key): StoreOperation => ({ kind: 'set', key, value: feedback }))),
    );
  return ok({ deleted: feedback.id });
}
