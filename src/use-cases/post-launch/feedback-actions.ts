/**
 * End-user feedback: each item stored with a copy under each thing it is linked to (storage/feedback.ts).
 * The iteration's feedback count (in the launch's digest) changes after it; if that fails, the items are
 * taken back, so the answer is an error and nothing changed.
 */
import { fail, ok, type FieldIssue, type Result } from '../../contract';
import type { Feedback, FeedbackPage, FeedbackSource, Sentiment } from '../../contract/post-launch/post-launch';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { ClaimedNotCopiedError } from '../../storage/claims/compare-and-set';
import { deleteFeedbackItem, listFeedbackPage, loadFeedback, saveFeedback } from '../../storage/feedback';
import { countFeedbackInDigest, readLaunchBook } from '../../storage/launches';
import { newestFirstInstant } from '../../storage/post-launch-keys';

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
  await saveFeedback(deps, project.id, feedback);
  if (launch && feedback.iterationId) {
    const iterationId = feedback.iterationId;
    await undoIfFails(
      () => countFeedbackInDigest(deps, project.id, launch, iterationId, feedback.sentiment, 1),
      () => deleteFeedbackItem(deps, project.id, feedback),
    );
  }
  return ok(feedback);
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
  return ok(page);
}

export async function deleteFeedback(deps: Deps, caller: Caller, input: { feedbackId: string }): Promise<Result<{ deleted: string }>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const feedback = await loadFeedback(deps, project.id, input.feedbackId);
  if (!feedback) return fail('NOT_FOUND', 'This feedback no longer exists.');
  const launch = feedback.launchId ? findLaunch(await readLaunchBook(deps, project.id), feedback.launchId) : undefined;
  await deleteFeedbackItem(deps, project.id, feedback);
  const iterationId = feedback.iterationId;
  if (launch && iterationId && findIteration(launch, iterationId))
    await undoIfFails(
      () => countFeedbackInDigest(deps, project.id, launch, iterationId, feedback.sentiment, -1),
      () => saveFeedback(deps, project.id, feedback),
    );
  return ok({ deleted: feedback.id });
}
