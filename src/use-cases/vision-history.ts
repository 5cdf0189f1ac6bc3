/** Past revisions of the vision, newest first, one storage page (≤ 20) per call. */
import { ok, type Result, type Vision, type VisionHistoryPage } from '../contract';
import { summarize } from '../domain/vision';
import type { Caller, Deps } from '../ports';
import { authorize } from './authorize';
import { storageKeys } from './storage-keys';

export async function visionHistory(deps: Deps, caller: Caller, input: { cursor?: string }): Promise<Result<VisionHistoryPage>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const page = await deps.store.query<Vision>(storageKeys.visionRevisionPrefix(auth.data.project.id), {
    cursor: input.cursor,
    limit: 20,
  });
  return ok({ revisions: page.results.map((r) => summarize(r.value)), nextCursor: page.nextCursor ?? null });
}
