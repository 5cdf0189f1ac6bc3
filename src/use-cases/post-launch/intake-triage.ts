/**
 * An admin triages an item brought in from Jira: what it is about (a KPI or goal), its sentiment, and
 * its iteration. The item leaves the triage list and counts in its iteration's figures from then on;
 * if counting fails, the item is put back as it was, so the answer is an error and nothing changed.
 */
import { fail, ok, type FieldIssue, type Result } from '../../contract';
import type { Feedback, Sentiment } from '../../contract/post-launch/post-launch';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { loadFeedback, saveFeedback } from '../../storage/feedback';
import { countFeedbackInDigest, readLaunchBook } from '../../storage/launches';
import { undoIfFails } from './undo-if-fails';

export interface TriageInput {
  feedbackId: string;
  sentiment: Sentiment;
  goalId: string | null;
  kpiId: string | null;
  iteration: { launchId: string; iterationId: string } | null;
}

export async function triageFeedback(deps: Deps, caller: Caller, input: TriageInput): Promise<Result<Feedback>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const [item, goalBook, launchBook] = await Promise.all([
    loadFeedback(deps, project.id, input.feedbackId),
    readGoalBook(deps, project.id),
    readLaunchBook(deps, project.id),
  ]);
  if (!item) return fail('NOT_FOUND', 'This feedback no longer exists.');
  if (!item.untriaged) return fail('CONFLICT', 'Someone triaged this item already.', { details: { current: item } });
  const fields: FieldIssue[] = [];
  const kpi = input.kpiId ? goalBook.kpis.find((k) => k.id === input.kpiId) : undefined;
  if (input.goalId && !goalBook.goals.some((g) => g.id === input.goalId)) fields.push({ path: 'goalId', message: 'This goal no longer exists.' });
  if (input.kpiId && !kpi) fields.push({ path: 'kpiId', message: 'This KPI was deleted.' });
  if (kpi && input.goalId && kpi.goalId !== input.goalId) fields.push({ path: 'kpiId', message: 'This KPI belongs to another goal.' });
  const launch = input.iteration ? findLaunch(launchBook, input.iteration.launchId) : undefined;
  if (input.iteration && !(launch && findIteration(launch, input.iteration.iterationId)))
    fields.push({ path: 'iteration', message: 'This iteration no longer exists.' });
  if (fields.length) return fail('VALIDATION_FAILED', 'Check what the feedback is linked to.', { fields });

  const { untriaged: _was, ...rest } = item;
  const triaged: Feedback = {
    ...rest,
    sentiment: input.sentiment,
    // A KPI names its goal too, so lists by goal find the item.
    goalId: input.goalId ?? kpi?.goalId ?? null,
    kpiId: input.kpiId,
    launchId: input.iteration?.launchId ?? null,
    iterationId: input.iteration?.iterationId ?? null,
  };
  await saveFeedback(deps, project.id, triaged, item);
  if (launch && triaged.iterationId) {
    const iterationId = triaged.iterationId;
    await undoIfFails(
      () => countFeedbackInDigest(deps, project.id, launch, iterationId, triaged.sentiment, 1),
      () => saveFeedback(deps, project.id, item, triaged),
    );
  }
  return ok(triaged);
}
