/**
 * Erases closed accounts from a project's published summaries in Jira (the latest and one per version),
 * as the app: read a batch of properties, write back the ones that named a closed account. A schema 1
 * summary rewritten this way loses its display names too.
 */
import { SUMMARY_PROPERTY, versionSummaryProperty } from '../../contract/vision/publishing';
import { readSummary } from '../../contract/vision/summary-schema';
import { scrubSummary } from '../../domain/privacy/scrub-summary';
import type { Deps } from '../../ports';

/** Properties read per Jira call besides the latest (they go in the query string). */
const PROPERTIES_PER_CALL = 19;

/**
 * One batch, from position `from` (0: the latest summary, n ≥ 1: version n's); answers where the next
 * batch starts (null when done). How many versions there are comes from the latest summary itself, read
 * in every batch. A write Jira refuses throws, so the queue retries the event.
 */
export async function republishBatch(deps: Deps, projectId: string, from: number, closed: ReadonlySet<string>): Promise<number | null> {
  const positions = Array.from({ length: PROPERTIES_PER_CALL }, (_, i) => from + i);
  const keyAt = (i: number) => (i === 0 ? SUMMARY_PROPERTY : versionSummaryProperty(i));
  const found = await deps.jira.projectWithProperties(projectId, [...new Set([SUMMARY_PROPERTY, ...positions.map(keyAt)])]);
  if (!found) return null; // The project is gone, and its properties with it.
  const newest = readSummary(found.properties[SUMMARY_PROPERTY])?.version ?? 0;
  for (const key of positions.filter((i) => i <= newest).map(keyAt)) {
    const scrubbed = scrubSummary(found.properties[key], closed);
    if (!scrubbed) continue;
    const outcome = await deps.jira.setProjectProperty(projectId, key, scrubbed);
    if (outcome !== 'ok') throw new Error(`Jira did not take the erased summary ${key} of project ${projectId}: ${outcome}`);
  }
  const next = from + PROPERTIES_PER_CALL;
  return next <= newest ? next : null;
}
