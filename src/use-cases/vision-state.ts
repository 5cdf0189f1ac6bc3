/**
 * Reading and claiming the draft and the published versions of a project's vision.
 *
 * - The draft lives where the vision always did (`project:{id}:vision`, with its revisions).
 * - Each published version is claimed once under its own key with "write only if absent", newest
 *   first, so the current one is the first key of a one-result query (the truth: no cache to go
 *   stale) and two admins publishing at once cannot both make the same version.
 * - A vision saved before publishing existed (no `format` on it) and never published reads as
 *   published version 1; the first write that would hide it (a save, a publish, a restore) first
 *   claims that version for real, so nothing anyone could read is lost.
 */
import type { Vision } from '../contract/model';
import type { PublishedVision, VisionDraft } from '../contract/publishing';
import { legacyPublished, toDraft, type StoredDraft } from '../domain/vision-publishing';
import type { KeyValueStore } from '../ports';
import { storageKeys } from './storage-keys';
import { readStored, stamped } from './stored';

export interface VisionState {
  /** The stored draft as saved (may be a vision from before drafts). */
  stored: (Vision & Partial<StoredDraft>) | null;
  draft: VisionDraft | null;
  published: PublishedVision | null;
  /** `published` stands for a legacy vision and is not stored yet. */
  publishedIsVirtual: boolean;
}

/** 2 storage calls: the draft and the first published key. */
export async function readVisionState(store: KeyValueStore, projectId: string): Promise<VisionState> {
  const [stored, page] = await Promise.all([
    store.get<Vision & Partial<StoredDraft>>(storageKeys.vision(projectId)),
    store.query<PublishedVision>(storageKeys.publishedVersionPrefix(projectId), { limit: 1 }),
  ]);
  const claimed = page.results[0]?.value ?? null;
  // The stored draft in today's shape, and the schema version it was stored with (stored.ts): one saved
  // before drafts and publishing existed (version 1) reads as published version 1 until one is published.
  const read = stored ? readStored('vision', stored) : null;
  const virtual = !claimed && read && read.from < 2 ? legacyPublished(stored!) : null;
  return {
    stored: stored ?? null,
    draft: read ? toDraft(read.doc) : null,
    published: claimed ?? virtual,
    publishedIsVirtual: virtual !== null,
  };
}

/** Claims the legacy version 1 if the state has one that is not stored yet (idempotent). */
export async function materializeLegacy(store: KeyValueStore, projectId: string, state: VisionState): Promise<void> {
  if (state.publishedIsVirtual && state.published)
    await store.setIfAbsent(storageKeys.publishedVersion(projectId, state.published.version), stamped('publishedVision', state.published));
}

export type ClaimOutcome = { ok: true; saved: PublishedVision } | { ok: false; current: PublishedVision | null };

/**
 * Claims `next.version` for good. The loser of a race gets the version that won, to show in the
 * conflict. (The same claim as `commitRevision`, without a cache key: the version keys are read directly.)
 */
export async function claimVersion(store: KeyValueStore, projectId: string, next: PublishedVision): Promise<ClaimOutcome> {
  const claimed = await store.setIfAbsent(storageKeys.publishedVersion(projectId, next.version), stamped('publishedVision', next));
  if (claimed) return { ok: true, saved: next };
  const page = await store.query<PublishedVision>(storageKeys.publishedVersionPrefix(projectId), { limit: 1 });
  return { ok: false, current: page.results[0]?.value ?? null };
}

export const readVersion = (store: KeyValueStore, projectId: string, version: number): Promise<PublishedVision | undefined> =>
  store.get<PublishedVision>(storageKeys.publishedVersion(projectId, version));
