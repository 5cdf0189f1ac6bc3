/**
 * What an import writes: every storage write, in order, for a validated export file going into one
 * project — the records under the target's keys, and the caches rebuilt from them (a KPI's yearly buckets
 * and latest value, each launch's digest with its captured baselines, feedback index copies, the KPI
 * sources document and the indexes the daily jobs read). Pure and deterministic, so every invocation of a
 * long import computes the same list and carries on where the last one stopped.
 *
 * Order: history first (measurements, feedback, decisions, snapshots, vision revisions and versions),
 * the documents a page starts from last (launches, goals, the draft). An import that stops half-way thus
 * leaves a project that shows no vision or goals yet, and the import says it is incomplete.
 */
import type { Kpi } from '../../contract/goals/model';
import type { DayValue, Feedback, KpiSource, Launch, MeasurementItem, SourceSwitch } from '../../contract/post-launch/post-launch';
import type { VisionDraft } from '../../contract/vision/publishing';
import type { ExportDocument } from '../../contract/transfer/transfer-file';
import { newestFirstDate } from '../../domain/alignment/alignment-trend';
import { yearOf } from '../../domain/post-launch/days';
import { FLAG_JQL, FLAG_NOTE, outlierFlags, type YearBucket } from '../../domain/post-launch/kpi-series';
import { kpiWindows, windowsSignature, type LaunchDigest } from '../../domain/post-launch/launch-digest';
import { DRAFT_FORMAT } from '../../domain/vision/vision-publishing';
import { KVS_LIMITS, type StoreOperation } from '../../ports';
import { plKeys } from '../../storage/post-launch-keys';
import { kpisInOrder } from '../../storage/books';
import { storageKeys } from '../../storage/keys';
import { SCHEMA_VERSIONS, stamped } from '../../storage/documents';
import { fitsInOneValue } from '../../storage/document-rules';
import { advanceHead, type PublishedHead } from '../../storage/visions';
import type { ImportRemaps } from '../../storage/imports';

/** Kept with the import's state, which carries them from the check to every run. */
export type { ImportRemaps };

export interface PlanTarget {
  project: { id: string; key: string };
  remaps: ImportRemaps;
  /** When the import started: the project registry's date. */
  at: string;
}

export type SetOperation = Extract<StoreOperation, { kind: 'set' }>;

/** The file's launch book with its Jira versions remapped for the target project. */
export function remappedLaunches(doc: ExportDocument, remaps: ImportRemaps): Launch[] {
  const to = new Map(remaps.versions);
  const version = <T extends { versionId: string | null; versionName: string | null }>(x: T): T => {
    if (x.versionId === null) return x;
    const id = to.has(x.versionId) ? to.get(x.versionId)! : x.versionId;
    return id === null ? { ...x, versionId: null, versionName: null } : { ...x, versionId: id };
  };
  return (doc.data.launchBook?.launches ?? []).map((l) => ({ ...version(l), iterations: l.iterations.map(version) }));
}

/** Measurement revisions grouped per KPI and day, oldest revision first. */
function measurementDays(items: readonly MeasurementItem[]): Map<string, MeasurementItem[]> {
  const days = new Map<string, MeasurementItem[]>();
  for (const m of items) {
    const k = `${m.kpiId} ${m.date}`;
    const list = days.get(k);
    if (list) list.push(m);
    else days.set(k, [m]);
  }
  for (const list of days.values()) list.sort((a, b) => a.revision - b.revision);
  return days;
}

const feedbackKeys = (p: string, f: Feedback): string[] => [
  plKeys.feedback(p, f.id),
  ...(f.iterationId ? [plKeys.feedbackByIteration(p, f.iterationId, f.id)] : []),
  ...(f.kpiId ? [plKeys.feedbackByKpi(p, f.kpiId, f.id)] : []),
  ...(f.goalId ? [plKeys.feedbackByGoal(p, f.goalId, f.id)] : []),
  ...(f.untriaged ? [plKeys.feedbackUntriaged(p, f.id)] : []),
];

export function planImport(doc: ExportDocument, target: PlanTarget): SetOperation[] {
  const p = target.project.id;
  const d = doc.data;
  const ops: SetOperation[] = [];
  const set = (key: string, value: unknown) => ops.push({ kind: 'set', key, value });

  // Measurements: every revision, and the day's current one (its newest revision).
  const currents: MeasurementItem[] = [];
  for (const revisions of measurementDays(d.measurements).values()) {
    for (const m of revisions) set(plKeys.measurementRevision(p, m.kpiId, m.date, m.revision), m);
    const current = revisions[revisions.length - 1]!;
    set(plKeys.measurement(p, current.kpiId, current.date), current);
    currents.push(current);
  }
  // The yearly buckets the charts read, and each KPI's values as a series (oldest first).
  const buckets = new Map<string, YearBucket>();
  const series = new Map<string, DayValue[]>();
  const latest = new Map<string, DayValue>();
  for (const m of currents.sort((a, b) => (a.kpiId === b.kpiId ? (a.date < b.date ? -1 : 1) : a.kpiId < b.kpiId ? -1 : 1))) {
    const year = yearOf(m.date);
    const bk = `${m.kpiId} ${year}`;
    const bucket = buckets.get(bk) ?? { rev: 0, kpiId: m.kpiId, year, days: {} };
    buckets.set(bk, bucket);
    if (m.value === null) continue;
    bucket.days[m.date.slice(5)] = [m.value, (m.source === 'jql' ? FLAG_JQL : 0) | (m.note ? FLAG_NOTE : 0) | outlierFlags(m.outlier)];
    // The latest value is the last one, outlier or not (as a live write keeps it); verdicts skip unconfirmed ones.
    latest.set(m.kpiId, { date: m.date, value: m.value });
    const list = series.get(m.kpiId) ?? [];
    if (m.outlier !== 'unconfirmed') list.push({ date: m.date, value: m.value });
    series.set(m.kpiId, list);
  }
  // The changes of source the buckets recorded.
  const switches = new Map<string, SourceSwitch[]>();
  for (const s of d.sourceSwitches ?? []) {
    const year = yearOf(s.date);
    const bk = `${s.kpiId} ${year}`;
    const bucket = buckets.get(bk) ?? { rev: 0, kpiId: s.kpiId, year, days: {} };
    bucket.sw = { ...bucket.sw, [s.date.slice(5)]: s.to };
    buckets.set(bk, bucket);
    switches.set(s.kpiId, [...(switches.get(s.kpiId) ?? []), { date: s.date, to: s.to }]);
  }
  for (const b of buckets.values()) set(plKeys.bucket(p, b.kpiId, b.year), b);
  if (latest.size) set(plKeys.kpiLatest(p), { rev: 0, values: Object.fromEntries(latest) });

  for (const f of d.feedback) for (const key of feedbackKeys(p, f)) set(key, f);
  for (const x of d.decisions) set(plKeys.decision(p, x.iterationId, x.id), x);
  for (const s of d.alignment.snapshots) set(storageKeys.snapshot(p, newestFirstDate(s.date)), s);
  if (d.alignment.trend) set(storageKeys.trend(p), d.alignment.trend);

  const asDraft = (v: VisionDraft) => stamped('vision', { ...v, format: DRAFT_FORMAT });
  for (const r of d.vision.draftRevisions) set(storageKeys.visionRevision(p, r.revision), asDraft(r));
  for (const v of d.vision.versions) set(storageKeys.publishedVersion(p, v.version), stamped('publishedVision', v));
  // The head (newest version and the latest few) after the versions it copies; a read in between builds it from them.
  if (d.vision.versions.length) {
    const oldestFirst = [...d.vision.versions].sort((a, b) => a.version - b.version);
    set(storageKeys.publishedHead(p), stamped('publishedHead', oldestFirst.reduce(advanceHead, { current: null, recent: [] } as PublishedHead)));
  }

  // Automatic KPIs, with their JQL pointed at the target project (or dropped: measured by hand).
  const jql = new Map(target.remaps.jql);
  const sources: KpiSource[] = d.kpiSources.flatMap((s) => {
    const q = jql.has(s.kpiId) ? jql.get(s.kpiId)! : s.jql;
    return q === null ? [] : [{ ...s, jql: q }];
  });
  if (sources.length) {
    set(plKeys.sources(p), {
      rev: 0,
      schemaVersion: SCHEMA_VERSIONS.kpiSources,
      projectKey: target.project.key,
      sources: Object.fromEntries(sources.map((s) => [s.kpiId, s])),
    });
    set(plKeys.jqlProject(p), { projectId: p, projectKey: target.project.key });
  }

  // Launch digests: the captured baselines from the file, iteration figures and counts computed.
  const launches = remappedLaunches(doc, target.remaps);
  const kpis: Kpi[] = d.goalBook ? kpisInOrder(d.goalBook) : [];
  for (const launch of launches) {
    const live = new Set(launch.iterations.map((i) => i.id));
    const digest: LaunchDigest = {
      rev: 0,
      launchId: launch.id,
      sig: windowsSignature(launch),
      baselines: Object.fromEntries(
        d.launchBaselines.filter((b) => b.launchId === launch.id).map(({ kpiId, value, date, from }) => [kpiId, { value, date, from }]),
      ),
      kpis: launch.iterations.length ? Object.fromEntries(kpis.map((k) => [k.id, kpiWindows(launch, series.get(k.id) ?? [], switches.get(k.id) ?? [])])) : {},
      feedback: {},
      decisions: {},
    };
    for (const f of d.feedback) {
      if (f.launchId !== launch.id || !f.iterationId || !live.has(f.iterationId)) continue;
      const counts = (digest.feedback[f.iterationId] ??= { positive: 0, neutral: 0, negative: 0 });
      counts[f.sentiment] += 1;
    }
    for (const x of d.decisions) if (x.launchId === launch.id && live.has(x.iterationId)) digest.decisions[x.iterationId] = (digest.decisions[x.iterationId] ?? 0) + 1;
    set(plKeys.digest(p, launch.id), digest);
  }

  if (d.launchBook) set(plKeys.launchBook(p), stamped('launchBook', { ...d.launchBook, launches }));
  if (d.goalBook) set(storageKeys.goalBook(p), stamped('goalBook', d.goalBook));
  if (d.vision.draft) set(storageKeys.vision(p), asDraft(d.vision.draft));
  if (d.vision.draft || d.goalBook)
    set(storageKeys.registeredProject(p), { projectId: p, projectKey: target.project.key, registeredAt: target.at });
  return ops;
}

const depthOf = (v: unknown): number =>
  typeof v !== 'object' || v === null ? 0 : 1 + Math.max(0, ...Object.values(v).map(depthOf));

/** Writes Forge would refuse (a key or value over its limits), as messages; empty when all fit. */
export function oversizedWrites(ops: readonly SetOperation[], max = 5): string[] {
  const out: string[] = [];
  for (const op of ops) {
    if (out.length >= max) break;
    const what = op.key.split(':').slice(2, 4).join(' ');
    if (op.key.length > KVS_LIMITS.maxKeyLength || !KVS_LIMITS.keyPattern.test(op.key)) out.push(`A record (${what}) has an id that cannot be stored.`);
    else if (!fitsInOneValue(op.value))
      out.push(`A record (${what}) is larger than the 240 KiB a stored value may have.`);
    else if (depthOf(op.value) > KVS_LIMITS.maxValueDepth) out.push(`A record (${what}) is nested too deeply to store.`);
  }
  return out;
}

/** Consecutive writes from `from` on, grouped into transactions: at most 25 operations and about 1 MB each. */
export function* transactionsFrom(ops: readonly SetOperation[], from = 0, maxBytes = 1_000_000): Generator<SetOperation[]> {
  let group: SetOperation[] = [];
  let bytes = 0;
  for (let i = from; i < ops.length; i++) {
    const size = JSON.stringify(ops[i]!.value).length + ops[i]!.key.length;
    if (group.length && (group.length >= KVS_LIMITS.maxTransactionOperations || bytes + size > maxBytes)) {
      yield group;
      group = [];
      bytes = 0;
    }
    group.push(ops[i]!);
    bytes += size;
  }
  if (group.length) yield group;
}
