/**
 * Everything a project stores, taken as a whole by key prefix (transfer-keys.ts): the export reads it page
 * by page, an import asks what it holds, clears it and writes its records.
 */
import type { TargetHoldings } from '../contract/transfer/transfer-file';
import type { QueryPage, StoreOperation } from '../ports';
import { storageKeys } from './keys';
import { plKeys } from './post-launch-keys';
import type { StorageDeps } from './storage-deps';
import { transferKeys } from './transfer-keys';

/** One page (20) of the project's records (`project:{id}:`), in no particular order; follow `nextCursor`. */
export const readProjectPage = (deps: StorageDeps, projectId: string, cursor: string | undefined): Promise<QueryPage<unknown>> =>
  deps.store.query<unknown>(transferKeys.project(projectId), { cursor, limit: 20 });

/** Whether anything is stored under a prefix: any one result will do (no order assumed). */
const anyUnder = (deps: StorageDeps, prefix: string): Promise<boolean> =>
  deps.store.query(prefix, { limit: 1 }).then((p) => p.results.length > 0);

/** Whether any published version of the vision is claimed: 1 storage call. */
export const hasPublishedVersion = (deps: StorageDeps, projectId: string): Promise<boolean> =>
  anyUnder(deps, storageKeys.publishedVersionPrefix(projectId));

/** What the project holds: 8 storage calls. */
export async function projectHoldings(deps: StorageDeps, projectId: string): Promise<TargetHoldings> {
  const p = transferKeys.project(projectId);
  const [vision, published, goals, launches, ...history] = await Promise.all([
    deps.store.get(storageKeys.vision(projectId)),
    hasPublishedVersion(deps, projectId),
    deps.store.get<{ goals?: unknown[]; kpis?: unknown[] }>(storageKeys.goalBook(projectId)),
    deps.store.get<{ launches?: unknown[] }>(plKeys.launchBook(projectId)),
    anyUnder(deps, `${p}kpi:`),
    anyUnder(deps, plKeys.feedbackPrefix(projectId)),
    anyUnder(deps, `${p}decision:`),
    anyUnder(deps, `${p}snapshot:`),
  ]);
  return {
    vision: !!vision || published,
    goals: goals?.goals?.length ?? 0,
    kpis: goals?.kpis?.length ?? 0,
    launches: launches?.launches?.length ?? 0,
    history: history.some(Boolean),
  };
}

/**
 * Deletes a bounded number of the project's keys (its own, its claims, its index entry): a page of 20 at
 * a time while `mayGoOn(pages read so far)`. Answers how many, and whether none are left.
 */
export async function clearProjectStep(deps: StorageDeps, projectId: string, mayGoOn: (pages: number) => boolean): Promise<{ deleted: number; finished: boolean }> {
  let deleted = 0;
  let pages = 0;
  for (const prefix of [transferKeys.project(projectId), transferKeys.claims(projectId)]) {
    for (;;) {
      if (!mayGoOn(pages)) return { deleted, finished: false };
      // Always the first page: the ones before are gone (whatever order pages come in, each holds keys still there).
      const page = await deps.store.query(prefix, { limit: 20 });
      pages += 1;
      if (!page.results.length) break;
      await deps.store.transact(page.results.map((r) => ({ kind: 'delete' as const, key: r.key })));
      deleted += page.results.length;
    }
  }
  await deps.store.delete(plKeys.jqlProject(projectId));
  return { deleted, finished: true };
}

/** Writes records all or none (one transaction: at most 25). */
export const writeRecords = (deps: StorageDeps, records: Array<Extract<StoreOperation, { kind: 'set' }>>): Promise<void> => deps.store.transact(records);
