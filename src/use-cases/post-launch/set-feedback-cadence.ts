/** A project admin sets how often the project expects to hear from its users (days, validated by the contract). */
import { ok, type Result } from '../../contract';
import type { FeedbackCadence } from '../../contract/post-launch/post-launch';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readFeedbackCadence, saveFeedbackCadenceDays } from '../../storage/feedback-cadence';
import { figuresChanged } from '../macro/current-figures';

export async function setFeedbackCadence(deps: Deps, caller: Caller, input: { cadenceDays: number }): Promise<Result<FeedbackCadence>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  await saveFeedbackCadenceDays(deps, project.id, input.cadenceDays);
  await figuresChanged(deps, project);
  return ok(await readFeedbackCadence(deps, project.id));
}
