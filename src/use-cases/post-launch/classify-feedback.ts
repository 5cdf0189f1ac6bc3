/**
 * A project admin's triage of a feedback item: its source, sentiment, and what it is about (goal, KPI,
 * iteration). Its text, author and date stay. The item's copies move with its links (one transaction);
 * a changed iteration or sentiment moves its count between the digests' figures, and if that fails the
 * item is put back as it was, so the answer is an error and nothing changed.
 */
import { fail, ok, type Result } from '../../contract';
import type { Feedback, FeedbackSource, Sentiment } from '../../contract/post-launch/post-launch';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { loadFeedback, saveFeedback } from '../../storage/feedback';
import { countFeedbackInDigest, readLaunchBook } from '../../storage/launches';
import { figuresChanged } from '../macro/current-figures';
import { checkFeedbackLinks } from './feedback-links';
import { undoIfFails } from './undo-if-fails';

export interface ClassifyInput {
  feedbackId: string;
  source: FeedbackSource;
  sentiment: Sentiment;
  goalId: string | null;
  kpiId: string | null;
  iteration: { launchId: string; iterationId: string } | null;
}

export async function classifyFeedback(deps: Deps, caller: Caller, input: ClassifyInput): Promise<Result<Feedback>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const [previous, goalBook, launchBook] = await Promise.all([
    loadFeedback(deps, project.id, input.feedbackId),
    readGoalBook(deps, project.id),
    readLaunchBook(deps, project.id),
  ]);
  if (!previous) return fail('NOT_FOUND', 'This feedback no longer exists.');
  const { fields, launch } = checkFeedbackLinks(input, goalBook, launchBook);
  if (fields.length) return fail('VALIDATION_FAILED', 'Check what the feedback is linked to.', { fields });

  const next: Feedback = {
    ...previous,
    source: input.source,
    sentiment: input.sentiment,
    goalId: input.goalId,
    kpiId: input.kpiId,
    launchId: input.iteration?.launchId ?? null,
    iterationId: input.iteration?.iterationId ?? null,
  };
  await saveFeedback(deps, project.id, next, previous);
  const counted = previous.iterationId !== next.iterationId || previous.sentiment !== next.sentiment;
  if (counted) {
    const oldLaunch = previous.launchId ? findLaunch(launchBook, previous.launchId) : undefined;
    const oldIteration = oldLaunch && previous.iterationId && findIteration(oldLaunch, previous.iterationId) ? previous.iterationId : null;
    await undoIfFails(
      async () => {
        if (oldLaunch && oldIteration) await countFeedbackInDigest(deps, project.id, oldLaunch, oldIteration, previous.sentiment, -1);
        if (launch && next.iterationId) await countFeedbackInDigest(deps, project.id, launch, next.iterationId, next.sentiment, 1);
      },
      () => saveFeedback(deps, project.id, previous, next),
    );
  }
  await figuresChanged(deps, project);
  return ok(next);
}
