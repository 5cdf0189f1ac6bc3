/**
 * An admin saves the draft of the vision: a new draft revision, the previous ones kept. Publishing
 * is a separate step (`publish-vision.ts`). The vision form sends the five text fields; the bets
 * editor also sends the bets and the review cadence, which are otherwise kept as they are.
 */
import type { VisionFields } from '../../contract';
import { fail, ok, type Result } from '../../contract/shared/result';
import type { VisionBet, VisionDraft } from '../../contract/vision/publishing';
import { nextDraft, sameDraft, withBetIds } from '../../domain/vision/vision-publishing';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { registerProject } from '../alignment/register-project';
import { commitVisionDraft, materializeLegacy, readVisionState } from '../../storage/visions';
import { portfolioChanged } from '../portfolio/portfolio-refresh';

export interface SaveVisionInput extends VisionFields {
  baseRevision: number;
  bets?: Array<Omit<VisionBet, 'id'> & { id?: string }>;
  reviewCadenceDays?: number;
}

export async function saveVision(deps: Deps, caller: Caller, input: SaveVisionInput): Promise<Result<VisionDraft>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const state = await readVisionState(deps, project.id);
  const current = state.draft;
  if ((current?.revision ?? 0) !== input.baseRevision)
    return fail('CONFLICT', 'Someone else changed the vision since you opened it.', { details: { current } });
  const { baseRevision: _base, bets, reviewCadenceDays, ...fields } = input;
  const next = nextDraft(
    current,
    fields,
    { bets: bets ? withBetIds(bets, () => deps.ids.next()) : undefined, reviewCadenceDays, restoredFrom: null },
    { by: accountId, at: deps.clock.now().toISOString() },
  );
  if (current && sameDraft(current, next)) return ok(current);
  // A vision saved before publishing existed reads as published until now: keep it as version 1.
  await materializeLegacy(deps, project.id, state);
  // Registered before the commit (idempotent), so a save that stops half-way cannot leave a project out of the daily pass.
  if (next.revision === 1) await registerProject(deps, project);
  const outcome = await commitVisionDraft(deps, project.id, next);
  if (!outcome.ok)
    return fail('CONFLICT', 'Someone else changed the vision since you opened it.', { details: { current: outcome.current } });
  // A project's first draft puts it on the portfolio (unpublished).
  if (next.revision === 1) await portfolioChanged(deps, project);
  return ok(outcome.saved);
}
