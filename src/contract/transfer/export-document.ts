/**
 * The export file's schema: what `import/check` and `import/run` hold a file to before anything is
 * written. Every record is checked (types, lengths and counts as the app's own input limits, ids, dates,
 * account ids), then the whole (unique ids and revisions, KPIs of existing goals, a draft for its
 * revisions). Server side only: the settings page does not bundle it.
 */
import * as z from 'zod/mini';
import { LIMITS } from '../shared/limits';
import { dateSchema, isRealDate } from '../shared/dates';
import { GOAL_STATUSES, KPI_DIRECTIONS } from '../goals/model';
import { DECISION_KINDS, FEEDBACK_SOURCES, POST_LAUNCH_LIMITS, SENTIMENTS } from '../post-launch/post-launch';
import { BET_KINDS, PUBLISHING_LIMITS } from '../vision/publishing';
import type { FieldIssue } from '../shared/result';
import { toFieldIssues } from '../shared/schemas';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportDocument } from './transfer-file';

/** Keys that would reach an object's prototype if a record's id were used as one: refused everywhere. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

const idOf = (max: number) =>
  z
    .string({ error: 'Must be an id.' })
    .check(
      z.regex(new RegExp(`^[a-zA-Z0-9_-]{1,${max}}$`), 'Not a valid id.'),
      z.refine((s) => !RESERVED.has(s), 'Not a valid id.'),
    );
const id = idOf(64);
/** Feedback and decision ids: a count-down of the instant, a dash, an id. */
const recordId = idOf(100);
const versionId = z.string({ error: 'Must be a version id.' }).check(z.regex(/^\d{1,18}$/, 'Not a valid version id.'));
const account = z.string({ error: 'Must be an account id.' }).check(z.regex(/^[a-zA-Z0-9:_-]{1,128}$/, 'Not a valid account id.'));
/** The one date rule of every date field. */
const day = dateSchema('Date');
const instant = z
  .string({ error: 'Must be a date and time.' })
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'Use an ISO instant like 2026-03-04T10:00:00.000Z.'),
    z.refine((s) => isRealDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), 'Not a real instant.'),
  );
const text = (max: number) => z.string({ error: 'Must be text.' }).check(z.maxLength(max, `At most ${max} characters.`));
const num = z.number({ error: 'Must be a number.' }).check(z.refine((n) => Math.abs(n) < 1e15, 'Number too large.'));
const count = z.int({ error: 'Must be a whole number.' }).check(z.minimum(0, 'Must not be negative.'), z.maximum(1e12, 'Too large.'));
const positive = z.int({ error: 'Must be a whole number.' }).check(z.minimum(1, 'Must be 1 or more.'), z.maximum(1e9, 'Too large.'));
const share = z.nullable(z.number({ error: 'Must be a number.' }).check(z.minimum(0), z.maximum(1)));
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item, { error: 'Must be a list.' }).check(z.maxLength(max, `At most ${max.toLocaleString('en-US')} entries.`));

const bet = z.strictObject({
  id,
  kind: z.enum(BET_KINDS),
  text: text(PUBLISHING_LIMITS.betText),
  ownerAccountId: z.nullable(account),
  reviewBy: day,
});

const visionText = {
  statement: text(LIMITS.visionField),
  targetUsers: text(LIMITS.visionField),
  problem: text(LIMITS.visionField),
  valueProposition: text(LIMITS.visionField),
  horizon: text(LIMITS.horizon),
  bets: list(bet, PUBLISHING_LIMITS.maxBets),
  reviewCadenceDays: z.int().check(z.minimum(PUBLISHING_LIMITS.minCadenceDays), z.maximum(PUBLISHING_LIMITS.maxCadenceDays)),
};

const draft = z.strictObject({
  ...visionText,
  revision: positive,
  updatedBy: account,
  updatedAt: instant,
  restoredFrom: z.nullable(positive),
});

const version = z.strictObject({
  ...visionText,
  version: positive,
  publishedBy: account,
  publishedAt: instant,
  changeNote: text(PUBLISHING_LIMITS.changeNote),
  draftRevision: z.nullable(positive),
  legacy: z.optional(z.literal(true)),
});

const goal = z.strictObject({
  id,
  title: text(LIMITS.goalTitle),
  description: text(LIMITS.goalDescription),
  ownerAccountId: z.nullable(account),
  status: z.enum(GOAL_STATUSES),
  targetDate: z.nullable(day),
  createdAt: instant,
  createdBy: account,
  /** The company goal it contributes to (site-wide; on another site it matches nothing until chosen again). */
  companyGoalId: z.optional(z.nullable(id)),
});

const kpi = z.strictObject({
  id,
  goalId: id,
  name: text(LIMITS.kpiName),
  unit: text(LIMITS.kpiUnit),
  direction: z.enum(KPI_DIRECTIONS),
  baseline: num,
  target: z.nullable(num),
  bandLow: z.nullable(num),
  bandHigh: z.nullable(num),
  anyPercent: z.optional(z.boolean()),
});

const goalBook = z.strictObject({
  revision: positive,
  goals: list(goal, LIMITS.maxGoals),
  kpis: list(kpi, LIMITS.maxKpis),
  updatedBy: z.nullable(account),
  updatedAt: z.nullable(instant),
});

const kpiSource = z.strictObject({
  kpiId: id,
  jql: text(POST_LAUNCH_LIMITS.jql),
  setBy: account,
  setAt: instant,
  lastRun: z.nullable(z.strictObject({ at: instant, date: day, count: z.nullable(count), error: z.nullable(text(2000)) })),
});

const measurement = z.strictObject({
  kpiId: id,
  date: day,
  value: z.nullable(num),
  note: text(POST_LAUNCH_LIMITS.measurementNote),
  source: z.enum(['manual', 'jql']),
  by: z.nullable(account),
  at: instant,
  revision: positive,
  action: z.enum(['created', 'edited', 'deleted']),
  outlier: z.optional(z.enum(['confirmed', 'unconfirmed'])),
});

const iteration = z.strictObject({
  id,
  name: text(POST_LAUNCH_LIMITS.iterationName),
  start: day,
  end: day,
  versionId: z.nullable(versionId),
  versionName: z.nullable(text(POST_LAUNCH_LIMITS.versionName)),
});

const launch = z.strictObject({
  id,
  name: text(POST_LAUNCH_LIMITS.launchName),
  versionId: z.nullable(versionId),
  versionName: z.nullable(text(POST_LAUNCH_LIMITS.versionName)),
  date: day,
  createdBy: account,
  createdAt: instant,
  iterations: list(iteration, POST_LAUNCH_LIMITS.maxIterationsPerLaunch),
});

const launchBook = z.strictObject({
  revision: positive,
  launches: list(launch, POST_LAUNCH_LIMITS.maxLaunches),
  updatedBy: z.nullable(account),
  updatedAt: z.nullable(instant),
});

const baseline = z.strictObject({
  launchId: id,
  kpiId: id,
  value: num,
  date: z.nullable(day),
  from: z.enum(['measurement', 'defined']),
});

const feedback = z.strictObject({
  id: recordId,
  source: z.enum(FEEDBACK_SOURCES),
  text: text(POST_LAUNCH_LIMITS.feedbackText),
  sentiment: z.enum(SENTIMENTS),
  goalId: z.nullable(id),
  kpiId: z.nullable(id),
  launchId: z.nullable(id),
  iterationId: z.nullable(id),
  // Empty for an item brought in from a Jira issue without a reporter.
  by: z.union([account, z.literal('')]),
  at: instant,
  issue: z.optional(z.strictObject({ id: versionId, key: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*-\d{1,18}$/, 'Not a valid issue key.')), sourceId: id })),
  untriaged: z.optional(z.literal(true)),
});

const decision = z.strictObject({
  id: recordId,
  launchId: id,
  iterationId: id,
  kind: z.enum(DECISION_KINDS),
  text: text(POST_LAUNCH_LIMITS.decisionText),
  by: account,
  at: instant,
});

const snapshot = z.strictObject({
  date: day,
  takenAt: instant,
  epics: count,
  aligned: count,
  unaligned: count,
  coverage: share,
  perGoal: list(z.strictObject({ goalId: id, epics: count }), 1000),
  openIssueCoverage: share,
  storyPointCoverage: share,
});

const trend = z.strictObject({
  points: list(z.tuple([day, share]), 5000),
  latest: z.nullable(snapshot),
});

export const exportDocumentSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: instant,
  source: z.strictObject({
    projectKey: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'Not a valid project key.')),
    projectId: z.string().check(z.regex(/^\d{1,18}$/, 'Not a valid project id.')),
  }),
  data: z.strictObject({
    vision: z.strictObject({ draft: z.nullable(draft), draftRevisions: list(draft, 100_000), versions: list(version, 100_000) }),
    goalBook: z.nullable(goalBook),
    kpiSources: list(kpiSource, LIMITS.maxKpis * 4),
    measurements: list(measurement, 2_000_000),
    sourceSwitches: z.optional(list(z.strictObject({ kpiId: id, date: day, to: z.enum(['manual', 'jql']) }), 1_000_000)),
    launchBook: z.nullable(launchBook),
    launchBaselines: list(baseline, POST_LAUNCH_LIMITS.maxLaunches * LIMITS.maxKpis * 4),
    feedback: list(feedback, 500_000),
    decisions: list(decision, 200_000),
    alignment: z.strictObject({ snapshots: list(snapshot, 50_000), trend: z.nullable(trend) }),
  }),
});

export type ParsedExport = { ok: true; doc: ExportDocument } | { ok: false; message: string; fields: FieldIssue[] };

const MAX_REPORTED = 20;

const refuse = (message: string, fields: FieldIssue[] = []): ParsedExport => ({ ok: false, message, fields: fields.slice(0, MAX_REPORTED) });

/** Duplicate values of `keyOf` among `items`, as field issues at `path.i`. */
function duplicates<T>(items: readonly T[], keyOf: (t: T) => string, path: string, what: string): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  items.forEach((item, i) => {
    const k = keyOf(item);
    if (seen.has(k)) out.push({ path: `${path}.${i}`, message: `${what} ${k} appears twice.` });
    seen.add(k);
  });
  return out;
}

/** What the schema cannot say: uniqueness, references, and a draft consistent with its revisions. */
function wholeDocumentIssues(doc: ExportDocument): FieldIssue[] {
  const d = doc.data;
  const issues: FieldIssue[] = [
    ...duplicates(d.vision.draftRevisions, (v) => String(v.revision), 'data.vision.draftRevisions', 'Draft revision'),
    ...duplicates(d.vision.versions, (v) => String(v.version), 'data.vision.versions', 'Version'),
    ...duplicates(d.kpiSources, (s) => s.kpiId, 'data.kpiSources', 'KPI'),
    ...duplicates(d.measurements, (m) => `${m.kpiId} ${m.date} revision ${m.revision}`, 'data.measurements', 'Measurement'),
    ...duplicates(d.launchBaselines, (b) => `${b.launchId}/${b.kpiId}`, 'data.launchBaselines', 'Baseline'),
    ...duplicates(d.feedback, (f) => f.id, 'data.feedback', 'Feedback'),
    ...duplicates(d.decisions, (x) => `${x.iterationId}/${x.id}`, 'data.decisions', 'Decision'),
    ...duplicates(d.alignment.snapshots, (s) => s.date, 'data.alignment.snapshots', 'Snapshot of'),
  ];
  const draftRevs = d.vision.draftRevisions.map((v) => v.revision);
  const newest = draftRevs.length ? Math.max(...draftRevs) : 0;
  if ((newest > 0 || d.vision.versions.length > 0) && !d.vision.draft)
    issues.push({ path: 'data.vision.draft', message: 'The draft is missing while its revisions or versions are there.' });
  if (d.vision.draft && d.vision.draft.revision < newest)
    issues.push({ path: 'data.vision.draft.revision', message: `The draft is revision ${d.vision.draft.revision}, older than revision ${newest}.` });
  if (d.goalBook) {
    issues.push(...duplicates(d.goalBook.goals, (g) => g.id, 'data.goalBook.goals', 'Goal'));
    issues.push(...duplicates(d.goalBook.kpis, (k) => k.id, 'data.goalBook.kpis', 'KPI'));
    const goals = new Set(d.goalBook.goals.map((g) => g.id));
    d.goalBook.kpis.forEach((k, i) => {
      if (!goals.has(k.goalId)) issues.push({ path: `data.goalBook.kpis.${i}.goalId`, message: `KPI ${k.id} belongs to goal ${k.goalId}, which is not in the file.` });
    });
  }
  if (d.launchBook) {
    issues.push(...duplicates(d.launchBook.launches, (l) => l.id, 'data.launchBook.launches', 'Launch'));
    issues.push(...duplicates(d.launchBook.launches.flatMap((l) => l.iterations), (it) => it.id, 'data.launchBook.iterations', 'Iteration'));
    d.launchBook.launches.forEach((l, i) =>
      l.iterations.forEach((it, j) => {
        if (it.start > it.end) issues.push({ path: `data.launchBook.launches.${i}.iterations.${j}.end`, message: 'An iteration ends before it starts.' });
      }),
    );
  }
  return issues;
}

/**
 * Reads an export file's text: JSON, the format and its version, every record, then the whole. Refuses
 * keys that reach prototypes (`__proto__`, `constructor`, `prototype`) anywhere in the file.
 */
export function parseExportText(text: string): ParsedExport {
  let raw: unknown;
  let forbidden: string | null = null;
  try {
    raw = JSON.parse(text, function (key, value) {
      if (RESERVED.has(key)) forbidden ??= key;
      return value;
    });
  } catch {
    return refuse('This file is not valid JSON: it is not a Product Vision export, or it was cut short.');
  }
  if (forbidden) return refuse(`The file contains the key "${forbidden}", which an export never has.`, [{ path: forbidden, message: 'Forbidden key.' }]);
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; formatVersion?: unknown };
  if (head.format !== EXPORT_FORMAT) return refuse('This file is not a Product Vision export (its "format" is not "product-vision-export").');
  if (typeof head.formatVersion === 'number' && head.formatVersion > EXPORT_FORMAT_VERSION)
    return refuse(
      `This file was exported by a newer version of the app (format version ${head.formatVersion}; this one reads version ${EXPORT_FORMAT_VERSION}). Update the app, then import it.`,
    );
  if (head.formatVersion !== EXPORT_FORMAT_VERSION) return refuse(`This file has an unknown format version; this app reads version ${EXPORT_FORMAT_VERSION}.`);
  const parsed = exportDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = toFieldIssues(parsed.error.issues);
    return refuse(`The file does not match the export format: ${fields.length} problem${fields.length === 1 ? '' : 's'}, such as ${fields[0]?.path || 'the document'}: ${fields[0]?.message}`, fields);
  }
  const doc = parsed.data as ExportDocument;
  const issues = wholeDocumentIssues(doc);
  if (issues.length) return refuse(`The file's records do not fit together: ${issues[0]!.message}`, issues);
  return { ok: true, doc };
}
