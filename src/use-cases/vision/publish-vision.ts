/**
 * An admin publishes the draft: it becomes the current published version that everyone reads, with
 * who, when and an optional change note; every earlier version stays. Outcomes:
 * - nothing new since the current version: no new version (`created: false`), the summary in Jira
 *   is written again (so "publish" also repairs a summary that failed to write);
 * - the draft changed since the admin opened it: CONFLICT with the current draft;
 * - two admins publishing at once: the version number is claimed with "write only if absent", so
 *   one wins and the other gets CONFLICT with the version that won (`details.winner`: number, who,
 *   when). Nothing is lost either way; the loser's note stays with the loser to send again.
 */
import { fail, ok, type Result } from '../../contract';
import type { PublishConflict, PublishedVision, PublishOutcome } from '../../contract/vision/publishing';
import { decidePublish } from '../../domain/vision/vision-publishing';
import { dayOf, reviewFlags } from '../../domain/vision/vision-review';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { writePublishedSummary } from './published-summary-sync';
import { claimVersion, materializeLegacy, readVisionState } from '../../storage/visions';
import { portfolioChanged } from '../portfolio/portfolio-refresh';

export async function publishVision(
  deps: Deps,
  caller: Caller,
  input: { changeNote?: string; baseRevision: number },
): Promise<Result<PublishOutcome>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const state = await readVisionState(deps, project.id);
  if (!state.draft) return fail('NOT_FOUND', 'There is nothing to publish yet: write the vision first.');
  if (state.draft.revision !== input.baseRevision)
    return fail('CONFLICT', 'Someone else changed the draft since you opened it. Check it, then publish again.', {
      details: { reason: 'draft-changed', current: state.draft, published: state.published } satisfies PublishConflict,
    });

  const flags = (v: PublishedVision) => reviewFlags(v, v.publishedAt, dayOf(deps.clock.now()));
  const decision = decidePublish(state.published, state.draft, { by: accountId, at: deps.clock.now().toISOString() }, input.changeNote ?? '');
  await materializeLegacy(deps, project.id, state);
  if (decision.kind === 'unchanged') {
    const summary = await writePublishedSummary(deps, project, decision.current);
    return ok({ published: decision.current, created: false, summary, review: flags(decision.current) });
  }
  const claimed = await claimVersion(deps, project.id, decision.next, state);
  if (!claimed.ok) {
    const won = claimed.current;
    const winner = won ? { version: won.version, publishedBy: won.publishedBy, publishedAt: won.publishedAt, changeNote: won.changeNote } : null;
    return fail('CONFLICT', `Someone else published version ${won?.version ?? decision.next.version} just now.`, {
      details: { reason: 'published-meanwhile', current: won, published: won, winner } satisfies PublishConflict,
    });
  }
  const summary = await writePublishedSummary(deps, project, claimed.saved);
  await portfolioChanged(deps, project);
  return ok({ published: claimed.saved, created: true, summary, review: flags(claimed.saved) });
}
