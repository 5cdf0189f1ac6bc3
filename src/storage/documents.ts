/**
 * Schema versions of the stored top-level documents, in one place. Every write of one of them goes through
 * `stamped` (it carries `schemaVersion`); every read can go through `readStored`, which migrates an older
 * document step by step to the version this code writes. A document from a newer version of the app (after
 * a downgrade) is read as it is. Migrations are pure and never write: the next save stores the new shape.
 *
 * | kind              | version | history                                                                      |
 * |-------------------|---------|------------------------------------------------------------------------------|
 * | `vision`          | 2       | 1: the five texts only (before drafts and publishing); 2: a draft with bets and a review cadence (`format: 2`) |
 * | `publishedVision` | 1       |                                                                              |
 * | `publishedHead`   | 1       | absent before it existed: rebuilt from the version keys (vision-state.ts)     |
 * | `goalBook`        | 1       |                                                                              |
 * | `launchBook`      | 1       |                                                                              |
 * | `kpiSources`      | 1       |                                                                              |
 *
 * Documents written before `schemaVersion` existed have none: a vision with `format: 2` is version 2, any
 * other document version 1.
 */
import type { GoalBook, Vision } from '../contract/goals/model';
import type { LaunchBook } from '../contract/post-launch/post-launch';
import type { PublishedVision } from '../contract/vision/publishing';
import { DRAFT_FORMAT, toDraft, type StoredDraft } from '../domain/vision/vision-publishing';
import type { KeyValueStore } from '../ports';
import type { PublishedHead, SourcesDoc } from './document-shapes';

export const SCHEMA_VERSIONS = { vision: 2, publishedVision: 1, publishedHead: 1, goalBook: 1, launchBook: 1, kpiSources: 1 } as const;

export type StoredKind = keyof typeof SCHEMA_VERSIONS;

interface Shapes {
  vision: StoredDraft;
  publishedVision: PublishedVision;
  publishedHead: PublishedHead;
  goalBook: GoalBook;
  launchBook: LaunchBook;
  kpiSources: SourcesDoc;
}

export type Stored<K extends StoredKind> = Shapes[K] & { schemaVersion: number };

type Migration = (doc: any) => any;

/** `MIGRATIONS[kind][n - 1]` turns version n into version n + 1. */
const MIGRATIONS: { [K in StoredKind]: Migration[] } = {
  vision: [
    // 1 → 2: a vision saved before drafts and publishing existed becomes a draft with no bets and the
    // default review cadence. (Until a version is published it also reads as published version 1: see
    // vision-state.ts, which asks `readStored` which version the draft was stored with.)
    (v1: Vision): StoredDraft => ({ ...toDraft(v1), format: DRAFT_FORMAT }),
  ],
  publishedVision: [],
  publishedHead: [],
  goalBook: [],
  launchBook: [],
  kpiSources: [],
};

/** The schema version a stored document was written with. */
export function versionOf(kind: StoredKind, doc: unknown): number {
  const declared = (doc as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof declared === 'number' && Number.isInteger(declared) && declared >= 1) return declared;
  if (kind === 'vision') return (doc as { format?: unknown } | null)?.format === DRAFT_FORMAT ? 2 : 1;
  return 1;
}

/**
 * A stored document in the shape this code writes, and the version it was stored with.
 * @example readStored('vision', { statement: 'S', …, revision: 3 }).from // 1 (migrated to a draft)
 */
export function readStored<K extends StoredKind>(kind: K, raw: unknown): { doc: Stored<K>; from: number } {
  const from = versionOf(kind, raw);
  const current = SCHEMA_VERSIONS[kind];
  let doc = raw;
  for (let v = from; v < current; v++) doc = MIGRATIONS[kind][v - 1]!(doc);
  return { doc: (from > current ? doc : { ...(doc as object), schemaVersion: current }) as Stored<K>, from };
}

/** The document as it is written: with the current schema version. */
export const stamped = <K extends StoredKind>(kind: K, doc: Shapes[K]): Stored<K> => ({ ...doc, schemaVersion: SCHEMA_VERSIONS[kind] });

/** Reads and migrates one document; undefined when absent. */
export async function getStored<K extends StoredKind>(store: Pick<KeyValueStore, 'get'>, kind: K, key: string): Promise<Stored<K> | undefined> {
  const raw = await store.get<unknown>(key);
  return raw === undefined || raw === null ? undefined : readStored(kind, raw).doc;
}

/** The document without storage markers (`schemaVersion`, the draft's `format`): what the export carries. */
export function unstamped<T extends object>(doc: T): Omit<T, 'schemaVersion' | 'format'> {
  const { schemaVersion: _v, format: _f, ...rest } = doc as T & { schemaVersion?: unknown; format?: unknown };
  return rest;
}
