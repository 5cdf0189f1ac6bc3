/**
 * Records end-user feedback. Anyone who may browse the project may: the project page and the issue
 * panel offer it to every reader, not just admins. The author is the invocation's account. From an
 * epic's issue panel (`aboutEpic`) the item names that epic, taken from the context.
 *
 * The item is stored with a copy under each thing it is linked to (storage/feedback.ts). The iteration's
 * feedback count (in the launch's digest) changes after it; if that fails, the item is taken back, so
 * the answer is an error and nothing changed.
 */
import { fail, ok, type FieldIssue, type Result } from '../../contract';
import type { Feedback, FeedbackSource, Sentiment } from '../../contract/post-launch/post-launch';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readPanelIssue } from '../alignment/panel-issue';
import { readGoalBook } from '../../storage/books';
import { deleteFeedbackItem, saveFeedback } from '../../storage/feedback';
import { countFeedbackInDigest, readLaunchBook } from '../../storage/launches';
import { newestFirstInstant } from '../../storage/post-launch-keys';
import { figuresChanged } from '../macro/current-figures';
import { checkFeedbackLinks } from './feedback-links';
import { undoIfFails } from './undo-if-fails';

export interface FeedbackInput {
  source: FeedbackSource;
  text: string;
  sentiment: Sentiment;
  goalId: string | null;
  kpiId: string | null;
  iteration: { launchId: string; iterationId: string } | null;
  aboutEpic?: boolean;
}

/** The key of the epic the panel's issue belongs to (1–3 issue reads as the caller), or null: no panel, no epic, another project's. */
async function panelEpicKey(deps: Deps, caller: Caller, projectId: string): Promise<string | null> {
  if (!caller.issue) return null;
  const epic = (await readPanelIssue(deps, caller.issue.id))?.epic;
  return epic && epic.project?.id === projectId ? epic.key : null;
}

export async function createFeedback(deps: Deps, caller: Caller, input: FeedbackInput): Promise<Result<Feedback>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [goalBook, launchBook] = await Promise.all([readGoalBook(deps, project.id), readLaunchBook(deps, project.id)]);
  const { fields, launch } = checkFeedbackLinks(input, goalBook, launchBook);
  // The epic of the panel's issue (itself, or the epic above it), read as the caller, and only one of this project's.
  const epicKey = input.aboutEpic ? await panelEpicKey(deps, caller, project.id) : null;
  if (input.aboutEpic && !epicKey)
    fields.push({ path: 'aboutEpic', message: 'Feedback about an epic is given from that epic’s issue panel in this project.' } satisfies FieldIssue);
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
    ...(epicKey ? { epicKey } : {}),
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
  // The macro shows when the project last heard from its users.
  await figuresChanged(deps, project);
  return ok(feedback);
}
