/**
 * The date of a project's newest feedback and the cadence it is held to: one query page.
 *
 * Feedback keys sort newest first (post-launch-keys.ts `newestFirstInstant`), but Forge promises no
 * query order, so this takes the newest of the first page of 20: exact for up to 20 items, and for
 * more whenever the store answers in key order (the local store always does).
 */
import type { Feedback } from '../contract/post-launch/post-launch';
import { plKeys } from './post-launch-keys';
import type { StorageDeps } from './storage-deps';

/** Days without new feedback before a project is flagged. */
export const DEFAULT_FEEDBACK_CADENCE_DAYS = 30;

export async function readFeedbackCadence(deps: StorageDeps, projectId: string): Promise<{ newestAt: string | null; cadenceDays: number }> {
  const page = await deps.store.query<Feedback>(plKeys.feedbackPrefix(projectId), { limit: 20 });
  const newestAt = page.results.reduce<string | null>((newest, e) => (newest === null || e.value.at > newest ? e.value.at : newest), null);
  return { newestAt, cadenceDays: DEFAULT_FEEDBACK_CADENCE_DAYS };
}
