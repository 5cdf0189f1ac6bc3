/**
 * An admin restores a published version as the new draft (a new draft revision; the replaced draft
 * stays in the draft revisions). Publishing it is a separate, deliberate step. Outcomes: an unknown
 * version is NOT_FOUND; a draft changed since the admin opened it is a CONFLICT; a draft that
 * already has that version's content (restoring the current version onto an unedited draft) writes
 * nothing and answers `changed: false`.
 */
import { fail, ok, type Result } from '../../contract';
import type { RestoreOutcome } from '../../contract/vision/publishing';
import { nextDraft, publishable, sameDraft } from '../../domain/vision/vision-publishing';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { commitVisionDraft, materializeLegacy, readVersion, readVisionState } from '../../storage/visions';

export async function restoreVision(
  deps: Deps,
  caller: Caller,
  input: { version: number; baseRevision: number },
): Promise<Result<RestoreOutcome>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const state = await readVisionState(deps, project.id);
  const version =
    state.publishedIsVirtual && state.published?.version === input.version
      ? state.published
      : await readVersion(deps, project.id, input.version);
  if (!version) return fail('NOT_FOUND', `Version ${input.version} of the vision does not exist.`);
  if ((state.draft?.revision ?? 0) !== input.baseRevision)
    return fail('CONFLICT', 'Someone else changed the draft since you opened it.', { details: { current: state.draft } });
  const content = publishable(version);
  if (state.draft && sameDraft(state.draft, content)) return ok({ draft: state.draft, changed: false });

  await materializeLegacy(deps, project.id, state);
  const next = nextDraft(
    state.draft,
    content,
    { bets: content.bets, reviewCadenceDays: content.reviewCadenceDays, restoredFrom: version.version },
    { by: accountId, at: deps.clock.now().toISOString() },
  );
  const outcome = await commitVisionDraft(deps, project.id, next);
  if (!outcome.ok)
    return fail('CONFLICT', 'Someone else changed the draft since you opened it.', { details: { current: outcome.current } });
  return ok({ draft: outcome.saved, changed: true });
}
