/**
 * Shapes of stored documents that stored.ts versions but a feature's module reads and writes. They live
 * here, not in vision-state.ts and books.ts, because those modules import stored.ts: no cycle.
 */
import type { KpiSource } from '../contract/post-launch/post-launch';
import type { PublishedVision } from '../contract/vision/publishing';
import type { Versioned } from './claims/compare-and-set';

/** A published version as the summary lists it. */
export type VersionEntry = Pick<PublishedVision, 'version' | 'publishedAt' | 'changeNote'>;

export interface PublishedHead {
  /** The newest published version; null when none is stored. */
  current: PublishedVision | null;
  /** The newest versions, newest first, at most `RECENT_VERSIONS` (vision-state.ts). */
  recent: VersionEntry[];
}

export interface SourcesDoc extends Versioned {
  /** See stored.ts; absent on documents written before it. */
  schemaVersion?: number;
  projectKey: string;
  sources: Record<string, KpiSource>;
}
