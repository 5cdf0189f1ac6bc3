/**
 * The export file: one versioned JSON document with a project's whole data, and the helpers both sides
 * use to build it from parts and to send it back in chunks. No zod here (the settings page bundles this
 * file); the document's schema, used by the import, is in ./export-document.
 *
 * ```json
 * { "format": "product-vision-export", "formatVersion": 1, "exportedAt": "2026-03-04T10:00:00.000Z",
 *   "source": { "projectKey": "PV", "projectId": "10000" },
 *   "data": { "vision": { "draft", "draftRevisions", "versions" }, "goalBook", "kpiSources", "measurements", "sourceSwitches"?,
 *             "launchBook", "launchBaselines", "feedback", "decisions", "alignment": { "snapshots", "trend" } } }
 * ```
 *
 * Normalised so that two exports of the same data are the same text: records carry no storage keys and no
 * project id (so a file can go into another project or site), lists are sorted (see `SORTS`), object keys
 * inside `data` are sorted, storage markers (`schemaVersion`, compare-and-set counters) are left out, and
 * caches that can be rebuilt (yearly KPI buckets, latest values, launch digests except their captured
 * baselines, feedback index copies, scan progress, permission and issue-type caches) are not in it.
 */
import type { AlignmentSnapshot } from '../alignment/alignment';
import type { GoalBook } from '../goals/model';
import type { Baseline, Decision, Feedback, KpiSource, LaunchBook, MeasurementItem } from '../post-launch/post-launch';
import type { PublishedVision, VisionDraft } from '../vision/publishing';

export const EXPORT_FORMAT = 'product-vision-export';
export const EXPORT_FORMAT_VERSION = 1;

/** Largest file the import takes (it is read, checked and written over several invocations). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/**
 * Bytes per uploaded chunk, counted as it travels and is stored: the UTF-8 of the chunk as a JSON string
 * (quotes and backslashes escaped). One storage value each, under KVS's 240 KiB.
 */
export const IMPORT_CHUNK_BYTES = 200_000;
export const MAX_IMPORT_CHUNKS = Math.ceil(MAX_IMPORT_BYTES / 100_000);

/** A KPI baseline captured when a launch was recorded (kept: later edits do not change it). */
export interface ExportedBaseline extends Baseline {
  launchId: string;
  kpiId: string;
}

/** Coverage per day ([date, coverage]) and the latest snapshot, as the alignment report keeps them. */
export interface ExportedTrend {
  points: Array<[string, number | null]>;
  latest: AlignmentSnapshot | null;
}

/** A change of how a KPI is measured (from its yearly series): verdicts do not compare values across it. */
export interface ExportedSwitch {
  kpiId: string;
  /** The first day measured the new way. */
  date: string;
  to: 'manual' | 'jql';
}

export interface ExportData {
  vision: {
    /** The draft admins edit (the newest draft revision). */
    draft: VisionDraft | null;
    /** Every draft save, oldest first. */
    draftRevisions: VisionDraft[];
    /** Every published version, oldest first. */
    versions: PublishedVision[];
  };
  goalBook: GoalBook | null;
  /** Automatic (JQL) KPIs, by KPI id. */
  kpiSources: KpiSource[];
  /** Every revision of every day's measurement (who and when), by KPI, day and revision; the newest revision of a day is its value. */
  measurements: MeasurementItem[];
  /** By KPI, then date; absent when there are none (and in files from before it existed). */
  sourceSwitches?: ExportedSwitch[];
  launchBook: LaunchBook | null;
  /** By launch id, then KPI id. */
  launchBaselines: ExportedBaseline[];
  /** By id (newest first: ids start with a count-down of the instant). */
  feedback: Feedback[];
  /** By iteration id, then id. */
  decisions: Decision[];
  alignment: {
    /** Daily snapshots, oldest first. */
    snapshots: AlignmentSnapshot[];
    trend: ExportedTrend | null;
  };
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  exportedAt: string;
  source: { projectKey: string; projectId: string };
}

export interface ExportDocument extends ExportHeader {
  data: ExportData;
}

/** What one `export/project` invocation finds; the UI adds the parts up with `assembleExport`. */
export interface ExportItems {
  draft?: VisionDraft;
  draftRevisions?: VisionDraft[];
  versions?: PublishedVision[];
  goalBook?: GoalBook;
  kpiSources?: KpiSource[];
  measurements?: MeasurementItem[];
  sourceSwitches?: ExportedSwitch[];
  launchBook?: LaunchBook;
  launchBaselines?: ExportedBaseline[];
  feedback?: Feedback[];
  decisions?: Decision[];
  snapshots?: AlignmentSnapshot[];
  trend?: ExportedTrend;
}

export interface ExportPart {
  header: ExportHeader;
  items: ExportItems;
  /** Pass it back for the next part; null when this was the last. */
  cursor: string | null;
  /** Stored keys read by this invocation, records it found, and keys it did not recognise (left out). */
  progress: { keys: number; records: number; unknown: number };
}

const by =
  <T>(...fields: Array<(x: T) => string | number>) =>
  (a: T, b: T): number => {
    for (const f of fields) {
      const x = f(a);
      const y = f(b);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** The documented order of every list in `data`. */
export const SORTS = {
  draftRevisions: by<VisionDraft>((v) => v.revision),
  versions: by<PublishedVision>((v) => v.version),
  kpiSources: by<KpiSource>((s) => s.kpiId),
  measurements: by<MeasurementItem>((m) => m.kpiId, (m) => m.date, (m) => m.revision),
  sourceSwitches: by<ExportedSwitch>((s) => s.kpiId, (s) => s.date),
  launchBaselines: by<ExportedBaseline>((b) => b.launchId, (b) => b.kpiId),
  feedback: by<Feedback>((f) => f.id),
  decisions: by<Decision>((d) => d.iterationId, (d) => d.id),
  snapshots: by<AlignmentSnapshot>((s) => s.date),
};

/** A copy with every object's keys sorted (arrays keep their order). */
export function canonical<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonical) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  ) as T;
}

/** The parts of one export as one document (the first part's header). */
export function assembleExport(parts: readonly ExportPart[]): ExportDocument {
  if (!parts.length) throw new Error('An export has at least one part.');
  const list = <K extends keyof typeof SORTS>(k: K) =>
    parts.flatMap((p) => (p.items[k] ?? []) as unknown[]).sort(SORTS[k] as (a: unknown, b: unknown) => number) as never;
  const last = <K extends 'draft' | 'goalBook' | 'launchBook' | 'trend'>(k: K): NonNullable<ExportItems[K]> | null =>
    parts.reduce<NonNullable<ExportItems[K]> | null>((found, p) => (p.items[k] as NonNullable<ExportItems[K]>) ?? found, null);
  const switches: ExportedSwitch[] = list('sourceSwitches');
  const data: ExportData = {
    vision: { draft: last('draft'), draftRevisions: list('draftRevisions'), versions: list('versions') },
    goalBook: last('goalBook'),
    kpiSources: list('kpiSources'),
    measurements: list('measurements'),
    ...(switches.length ? { sourceSwitches: switches } : {}),
    launchBook: last('launchBook'),
    launchBaselines: list('launchBaselines'),
    feedback: list('feedback'),
    decisions: list('decisions'),
    alignment: { snapshots: list('snapshots'), trend: last('trend') },
  };
  const { format, formatVersion, exportedAt, source } = parts[0]!.header;
  return { format, formatVersion, exportedAt, source: { projectKey: source.projectKey, projectId: source.projectId }, data: canonical(data) };
}

/** The file name the UI offers: `product-vision-PV-2026-03-04.json`. */
export const exportFileName = (doc: Pick<ExportDocument, 'source' | 'exportedAt'>): string =>
  `product-vision-${doc.source.projectKey}-${doc.exportedAt.slice(0, 10)}.json`;

/** The bytes a chunk takes on the wire and in storage: its UTF-8 as a JSON string. */
export const chunkBytes = (s: string): number => new TextEncoder().encode(JSON.stringify(s)).length;

/**
 * Splits a file's text into chunks of at most `maxBytes` each (see `chunkBytes`), never inside a
 * surrogate pair.
 * @example splitForUpload('abcdef', 6) // ['abcd', 'ef'] (a chunk travels with its two quotes)
 */
export function splitForUpload(text: string, maxBytes = IMPORT_CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  let at = 0;
  while (at < text.length) {
    let take = Math.min(maxBytes, text.length - at);
    for (let size = chunkBytes(text.slice(at, at + take)); size > maxBytes && take > 1; size = chunkBytes(text.slice(at, at + take)))
      take = Math.max(1, Math.min(take - 1, Math.floor((take * maxBytes) / size)));
    const code = text.charCodeAt(at + take - 1);
    if (take > 1 && code >= 0xd800 && code <= 0xdbff && at + take < text.length) take -= 1;
    chunks.push(text.slice(at, at + take));
    at += take;
  }
  return chunks;
}

/* ---------- import: answers ---------- */

/** What the target project holds already (an import into it must replace it, after the admin confirms). */
export interface TargetHoldings {
  vision: boolean;
  goals: number;
  kpis: number;
  launches: number;
  /** Measurements, feedback, decisions or alignment snapshots are stored. */
  history: boolean;
}

export const holdsData = (h: TargetHoldings): boolean => h.vision || h.goals > 0 || h.kpis > 0 || h.launches > 0 || h.history;

export interface ImportCounts {
  draftRevisions: number;
  versions: number;
  goals: number;
  kpis: number;
  measurements: number;
  launches: number;
  iterations: number;
  feedback: number;
  decisions: number;
  snapshots: number;
}

/** `import/check`: the file is valid; what it holds, what the target holds, and what will change on the way. */
export interface ImportPreview {
  importId: string;
  source: { projectKey: string; projectId: string };
  exportedAt: string;
  counts: ImportCounts;
  target: { key: string; holdings: TargetHoldings; hasData: boolean };
  /** Versions remapped or dropped, automatic KPIs re-pointed or turned manual. */
  notes: string[];
}

export type ImportStatus = 'uploading' | 'ready' | 'clearing' | 'writing' | 'incomplete' | 'done' | 'rolling-back' | 'rolled-back';

/** Where an import stands (`import/run`, `import/rollback`, `import/status`). */
export interface ImportProgress {
  importId: string;
  status: ImportStatus;
  /** Storage writes done and to do in the current phase. */
  done: number;
  total: number;
  /** Why an import stopped (status `incomplete`). */
  message: string | null;
  source: { projectKey: string; projectId: string } | null;
  startedAt: string;
  updatedAt: string;
  notes: string[];
  /** Whether the summary the Confluence macro reads was written to Jira (status `done` with a published version). */
  summary?: 'written' | 'failed' | 'none';
}
