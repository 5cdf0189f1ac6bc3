/**
 * When a project last heard from its users: the newest feedback item's date, and how often it means to.
 * Read by background refreshes only (the portfolio's rows), never on a page load.
 */
import type { Feedback } from '../contract/post-launch/post-launch';
import { plKeys } from './post-launch-keys';
import type { StorageDeps } from './storage-deps';

/** How often a project means to hear from its users, until it says otherwise. */
export const DEFAULT_FEEDBACK_CADENCE_DAYS = 30;
/** Feedback keys sort newest first, but Forge documents no query order: a few pages are compared. */
const PAGES = 5;

export async function readFeedbackCadence(deps: StorageDeps, projectId: string): Promise<{ newestAt: string | null; cadenceDays: number }> {
  let newestAt: string | null = null;
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const { results, nextCursor } = await deps.store.query<Feedback>(plKeys.feedbackPrefix(projectId), { cursor, limit: 20 });
    for (const { value } of results) if (typeof value?.at === 'string' && (newestAt === null || value.at > newestAt)) newestAt = value.at;
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return { newestAt, cadenceDays: DEFAULT_FEEDBACK_CADENCE_DAYS };
}
