/**
 * Reading, listing and committing the draft of a project's vision, and claiming its published versions.
 *
 * - The draft lives where the vision always did (`project:{id}:vision`, with its revisions).
 * - Each published version is claimed once under its own key with "write only if absent", so two
 *   admins publishing at once cannot both make the same version. The version keys are the truth; the
 *   head (`vision-latest`: the newest version and the latest few) is a copy written after each claim,
 *   because Forge documents no query order to find the newest by. Like `commitRevision`'s current key,
 *   a head left behind (a write stopped between claim and copy) is rolled forward by the next publish,
 *   whose claim of the same number loses to the version the head missed. A project stored before heads
 *   existed has none: the first read builds it from all its version keys (once).
 * - A vision saved before publishing existed (no `format` on it) and never published reads as
 *   published version 1; the first write that would hide it (a save, a publish, a restore) first
 *   claims that version for real, so nothing anyone could read is lost.
 */
import type { Vision } from '../contract/goals/model';
import type { PublishedVision, VisionDraft } from '../contract/vision/publishing';
import { legacyPublished, toDraft, type StoredDraft } from '../domain/vision/vision-publishing';
import type { QueryPage } from '../ports';
import { commitRevision, type CommitOutcome } from './claims/commit-revision';
import { storageKeys } from './keys';
import { inKeyOrder, readAll } from './query-order';
import { readStored, stamped, type Stored } from './documents';
import type { PublishedHead, VersionEntry } from './document-shapes';
import type { StorageDeps } from './storage-deps';

export type { PublishedHead, VersionEntry };

export const RECENT_VERSIONS = 20;
/** A head is rebuilt from at most this many pages of version keys (2,000 versions). */
const MAX_VERSION_PAGES = 100;

export interface VisionState {
  /** The stored draft as saved (may be a vision from before drafts). */
  stored: (Vision & Partial<StoredDraft>) | null;
  draft: VisionDraft | null;
  published: PublishedVision | null;
  /** `published` stands for a legacy vision and is not stored yet. */
  publishedIsVirtual: boolean;
  head: PublishedHead;
}

/** 2 storage calls: the draft and the head (and, once for a project without a head, building it). */
export async function readVisionState(deps: StorageDeps, projectId: string): Promise<VisionState> {
  const [stored, raw] = await Promise.all([
    deps.store.get<Vision & Partial<StoredDraft>>(storageKeys.vision(projectId)),
    deps.store.get<unknown>(storageKeys.publishedHead(projectId)),
  ]);
  // No head: built (and kept) only when there is a draft. No draft means nothing was ever saved or
  // published (a publish needs a draft; an import writes the head before the draft), so a blank
  // project's reads cost no more and write nothing.
  const head = headOf(raw) ?? (stored ? await buildHead(deps, projectId) : { current: null, recent: [] });
  const claimed = head.current;
  // The stored draft in today's shape, and the schema version it was stored with (stored.ts): one saved
  // before drafts and publishing existed (version 1) reads as published version 1 until one is published.
  const read = stored ? readStored('vision', stored) : null;
  const virtual = !claimed && read && read.from < 2 ? legacyPublished(stored!) : null;
  return {
    stored: stored ?? null,
    draft: read ? toDraft(read.doc) : null,
    published: claimed ?? virtual,
    publishedIsVirtual: virtual !== null,
    head,
  };
}

/** The head: 1 storage call, or (none stored yet) built from the version keys and kept. */
export async function readHead(deps: StorageDeps, projectId: string): Promise<PublishedHead> {
  return headOf(await deps.store.get<unknown>(storageKeys.publishedHead(projectId))) ?? buildHead(deps, projectId);
}

const headOf = (raw: unknown): PublishedHead | null => (raw === undefined || raw === null ? null : readStored('publishedHead', raw).doc);

/** A head built from all the version keys (a project stored before heads existed, or cleared), and kept. */
async function buildHead(deps: StorageDeps, projectId: string): Promise<PublishedHead> {
  const versions = await readAll<PublishedVision>(deps.store, storageKeys.publishedVersionPrefix(projectId), MAX_VERSION_PAGES);
  const newestFirst = versions.map((e) => e.value).sort((a, b) => b.version - a.version);
  const head: PublishedHead = { current: newestFirst[0] ?? null, recent: newestFirst.slice(0, RECENT_VERSIONS).map(entryOf) };
  await keepBuiltHead(deps, projectId, head);
  return head;
}

/**
 * Keeps a built head only if there is still none: a publish meanwhile writes a newer one, which must win.
 * A failure costs nothing but building it again next time.
 */
async function keepBuiltHead(deps: StorageDeps, projectId: string, head: PublishedHead): Promise<void> {
  await deps.store.setIfAbsent(storageKeys.publishedHead(projectId), stamped('publishedHead', head)).catch(() => false);
}

const entryOf = (v: VersionEntry): VersionEntry => ({ version: v.version, publishedAt: v.publishedAt, changeNote: v.changeNote });

/** The head once `v` is published on top of `base` (the head read before, with the version it showed). */
export function advanceHead(base: PublishedHead, v: PublishedVision): PublishedHead {
  const byVersion = new Map<number, VersionEntry>();
  for (const e of [entryOf(v), ...(base.current ? [entryOf(base.current)] : []), ...base.recent])
    if (e.version <= v.version && !byVersion.has(e.version)) byVersion.set(e.version, e);
  const recent = [...byVersion.values()].sort((a, b) => b.version - a.version).slice(0, RECENT_VERSIONS);
  return { current: stamped('publishedVision', v), recent }; // as the version key holds it
}

/** Writes the head (a copy: worth a second try, as `commitRevision`'s current key). */
async function writeHead({ store }: StorageDeps, projectId: string, head: PublishedHead): Promise<void> {
  const doc = stamped('publishedHead', head);
  await store.set(storageKeys.publishedHead(projectId), doc).catch(() => store.set(storageKeys.publishedHead(projectId), doc));
}

/** Claims the legacy version 1 if the state has one that is not stored yet (idempotent), and shows it in the head. */
export async function materializeLegacy(deps: StorageDeps, projectId: string, state: VisionState): Promise<void> {
  if (state.publishedIsVirtual && state.published) {
    await deps.store.setIfAbsent(storageKeys.publishedVersion(projectId, state.published.version), stamped('publishedVision', state.published));
    // Claimed now or by a concurrent writer: either way the same version 1, which the draft will no longer stand for.
    await writeHead(deps, projectId, advanceHead(state.head, state.published));
  }
}

export type ClaimOutcome = { ok: true; saved: PublishedVision } | { ok: false; current: PublishedVision | null };

/**
 * Claims `next.version` for good and copies it to the head. The loser of a race gets the version that
 * won, to show in the conflict, and rolls the head forward to it (it may be the one a stopped write left out).
 */
export async function claimVersion(deps: StorageDeps, projectId: string, next: PublishedVision, state: VisionState): Promise<ClaimOutcome> {
  const base: PublishedHead = { current: state.published, recent: state.head.recent };
  const claimed = await deps.store.setIfAbsent(storageKeys.publishedVersion(projectId, next.version), stamped('publishedVision', next));
  if (claimed) {
    await writeHead(deps, projectId, advanceHead(base, next));
    return { ok: true, saved: next };
  }
  const [winner, head] = await Promise.all([
    readVersion(deps, projectId, next.version),
    deps.store.get<PublishedHead>(storageKeys.publishedHead(projectId)),
  ]);
  if (winner && (!head?.current || head.current.version < winner.version)) await writeHead(deps, projectId, advanceHead(base, winner));
  const newer = head?.current && (!winner || head.current.version > winner.version) ? head.current : winner;
  return { ok: false, current: newer ?? null };
}

export const readVersion = (deps: StorageDeps, projectId: string, version: number): Promise<PublishedVision | undefined> =>
  deps.store.get<PublishedVision>(storageKeys.publishedVersion(projectId, version));

/** One page (≤ 20) of published versions, newest first within the page: sorted here, as Forge documents no query order. */
export const listPublishedVersions = async (deps: StorageDeps, projectId: string, cursor: string | undefined): Promise<QueryPage<PublishedVision>> =>
  inKeyOrder(await deps.store.query<PublishedVision>(storageKeys.publishedVersionPrefix(projectId), { cursor, limit: 20 }));

/** One page (≤ 20) of past draft revisions, newest first within the page: sorted here, as Forge documents no query order. */
export const listVisionRevisions = async (deps: StorageDeps, projectId: string, cursor: string | undefined): Promise<QueryPage<Vision>> =>
  inKeyOrder(await deps.store.query<Vision>(storageKeys.visionRevisionPrefix(projectId), { cursor, limit: 20 }));

/** Commits the next draft revision (claimed under its own key); losing the race answers the current draft. */
export const commitVisionDraft = (deps: StorageDeps, projectId: string, next: StoredDraft): Promise<CommitOutcome<Stored<'vision'>>> =>
  commitRevision(
    deps.store,
    { current: storageKeys.vision(projectId), revision: (n) => storageKeys.visionRevision(projectId, n) },
    stamped('vision', next),
  );
