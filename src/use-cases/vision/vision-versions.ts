/**
 * The published versions of the vision, one storage page (≤ 20) per call, each page newest first (sorted
 * in storage: Forge documents no query order, so pages are not in order among themselves). Read access.
 */
import { ok, type Result } from '../../contract';
import type { VersionHistoryPage } from '../../contract/vision/publishing';
import { versionSummary } from '../../domain/vision/vision-publishing';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { listPublishedVersions, readVisionState } from '../../storage/visions';

export async function visionVersions(deps: Deps, caller: Caller, input: { cursor?: string }): Promise<Result<VersionHistoryPage>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const page = await listPublishedVersions(deps, project.id, input.cursor);
  if (!input.cursor && page.results.length === 0) {
    // Nothing claimed yet: a vision saved before publishing existed still reads as version 1.
    const state = await readVisionState(deps, project.id);
    return ok({ versions: state.published ? [versionSummary(state.published)] : [], nextCursor: null });
  }
  return ok({ versions: page.results.map((r) => versionSummary(r.value)), nextCursor: page.nextCursor ?? null });
}
