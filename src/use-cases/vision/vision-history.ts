/** Past revisions of the vision, one storage page (≤ 20) per call, each page newest first (sorted here: Forge documents no query order). */
import type { Vision, VisionHistoryPage } from '../../contract';
import { ok, type Result } from '../../contract/shared/result';
import { summarize } from '../../domain/vision/vision';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { inKeyOrder } from '../../storage/query-order';
import { storageKeys } from '../../storage/keys';

export async function visionHistory(deps: Deps, caller: Caller, input: { cursor?: string }): Promise<Result<VisionHistoryPage>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const page = inKeyOrder(
    await deps.store.query<Vision>(storageKeys.visionRevisionPrefix(auth.data.project.id), {
      cursor: input.cursor,
      limit: 20,
    }),
  );
  return ok({ revisions: page.results.map((r) => summarize(r.value)), nextCursor: page.nextCursor ?? null });
}
