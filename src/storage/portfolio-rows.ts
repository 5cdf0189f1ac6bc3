/**
 * The portfolio's rows, one per project that uses the app, packed into `SHARDS` documents
 * (`portfolio:rows:{n}`, the project's shard by its id) so that a page load reads a fixed, small number
 * of values however many projects there are. A row is capped at `ROW_BUDGET_CHARS` (domain), so a shard
 * of 1,000 / 8 ≈ 125 rows stays near 125 KB, well under KVS's 240 KiB a value; 1,600 worst-case rows
 * a shard would reach it, so the shard count is the knob for larger sites. Many writers (one per project
 * refresh) change a shard a little: every write is a compare-and-set on the shared claim primitive.
 *
 * A project's refresh is coalesced like the macro's figures: `project:{id}:portfolio-pending` is
 * claimed write-if-absent by the change that queues it and dropped by the refresh before it reads.
 */
import type { PortfolioRow } from '../contract/portfolio/portfolio';
import { casUpdate } from './claims/compare-and-set';
import type { StorageDeps } from './storage-deps';

export const SHARDS = 8;
export const PORTFOLIO_PENDING_TTL_SECONDS = 600;

export const portfolioKeys = {
  shard: (n: number) => `portfolio:rows:${n}`,
  pending: (projectId: string) => `project:${projectId}:portfolio-pending`,
};

interface Shard {
  rev: number;
  rows: Record<string, PortfolioRow>;
}

/** Which shard holds a project: its numeric id modulo the shard count (ids are spread evenly enough). */
export const shardOf = (projectId: string): number => Number(BigInt(projectId) % BigInt(SHARDS));

/** Every row: `SHARDS` reads, in parallel. */
export async function readPortfolioRows(deps: StorageDeps): Promise<PortfolioRow[]> {
  const shards = await Promise.all(Array.from({ length: SHARDS }, (_, n) => deps.store.get<Shard>(portfolioKeys.shard(n))));
  return shards.flatMap((s) => (s ? Object.values(s.rows) : []));
}

/** One project's row (1 read), or undefined before its first refresh. */
export async function readPortfolioRow(deps: StorageDeps, projectId: string): Promise<PortfolioRow | undefined> {
  return (await deps.store.get<Shard>(portfolioKeys.shard(shardOf(projectId))))?.rows[projectId];
}

/** Writes `row` unless the stored one is identical (no write then). */
export async function savePortfolioRow(deps: StorageDeps, row: PortfolioRow): Promise<void> {
  await casUpdate<Shard>(deps.store, portfolioKeys.shard(shardOf(row.projectId)), () => ({ rev: 0, rows: {} }), (s) =>
    JSON.stringify(s.rows[row.projectId]) === JSON.stringify(row) ? null : { ...s, rows: { ...s.rows, [row.projectId]: row } },
  );
}

/** Drops a project's row (a project that is gone). */
export async function dropPortfolioRow(deps: StorageDeps, projectId: string): Promise<void> {
  await casUpdate<Shard>(deps.store, portfolioKeys.shard(shardOf(projectId)), () => ({ rev: 0, rows: {} }), (s) => {
    if (!(projectId in s.rows)) return null;
    const { [projectId]: _gone, ...rows } = s.rows;
    return { ...s, rows };
  });
}

/** True when this caller set the marker (and so must queue the refresh). */
export const claimPortfolioRefresh = (deps: StorageDeps, projectId: string, at: string): Promise<boolean> =>
  deps.store.setIfAbsent(portfolioKeys.pending(projectId), { at }, { ttlSeconds: PORTFOLIO_PENDING_TTL_SECONDS });

export const releasePortfolioRefresh = (deps: StorageDeps, projectId: string): Promise<void> =>
  deps.store.delete(portfolioKeys.pending(projectId));
