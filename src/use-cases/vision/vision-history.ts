/** Past revisions of the vision, one storage page (≤ 20) per call, each page newest first (Forge documents no query order: storage sorts each page). */
import type { VisionHistoryPage } from '../../contract';
import { ok, type Result } from '../../contract/shared/result';
import { summarize } from '../../domain/vision/vision';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { listVisionRevisions } from '../../storage/visions';

export async function visionHistory(deps: Deps, caller: Caller, input: { cursor?: string }): Promise<Result<VisionHistoryPage>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const page = await listVisionRevisions(deps, auth.data.project.id, input.cursor);
  return ok({ revisions: page.results.map((r) => summarize(r.value)), nextCursor: page.nextCursor ?? null });
}
