/**
 * Stored records in the export's shape: the documented fields only (in case a stored value carries more),
 * storage markers left out, older documents migrated (stored.ts). Pure.
 */
import type { AlignmentSnapshot } from '../../contract/alignment/alignment';
import type { GoalBook, Kpi } from '../../contract/goals/model';
import type { Decision, Feedback, KpiSource, LaunchBook, MeasurementItem } from '../../contract/post-launch/post-launch';
import type { PublishedVision, VisionBet, VisionDraft } from '../../contract/vision/publishing';
import type { ExportedTrend } from '../../contract/transfer/transfer-file';
import { toDraft } from '../../domain/vision/vision-publishing';
import { readStored } from '../../storage/documents';

type Loose = Record<string, any>;

/** The named fields of `o`, a missing one as null. */
function pick<T>(o: Loose, fields: ReadonlyArray<keyof T & string>): T {
  return Object.fromEntries(fields.map((f) => [f, o[f] ?? null])) as T;
}

const VISION_TEXT = ['statement', 'targetUsers', 'problem', 'valueProposition', 'horizon'] as const;

const betOf = (b: Loose): VisionBet => pick<VisionBet>(b, ['id', 'kind', 'text', 'ownerAccountId', 'reviewBy']);

/** A stored draft (or draft revision), of any schema version, as a draft. */
export function draftRecord(raw: unknown): VisionDraft {
  const d = toDraft(readStored('vision', raw).doc);
  return {
    ...pick<VisionDraft>(d, [...VISION_TEXT, 'revision', 'updatedBy', 'updatedAt', 'reviewCadenceDays', 'restoredFrom']),
    bets: d.bets.map(betOf),
  };
}

export function versionRecord(raw: unknown): PublishedVision {
  const v = readStored('publishedVision', raw).doc as Loose;
  return {
    ...pick<PublishedVision>(v, [...VISION_TEXT, 'reviewCadenceDays', 'version', 'publishedBy', 'publishedAt', 'changeNote', 'draftRevision']),
    bets: ((v.bets ?? []) as Loose[]).map(betOf),
    ...(v.legacy === true ? { legacy: true } : {}),
  };
}

export function goalBookRecord(raw: unknown): GoalBook {
  const b = readStored('goalBook', raw).doc as Loose;
  return {
    ...pick<GoalBook>(b, ['revision', 'updatedBy', 'updatedAt']),
    goals: (b.goals as Loose[]).map((g) => pick(g, ['id', 'title', 'description', 'ownerAccountId', 'status', 'targetDate', 'createdAt', 'createdBy'])),
    kpis: (b.kpis as Loose[]).map((k) => ({
      ...pick<Kpi>(k, ['id', 'goalId', 'name', 'unit', 'direction', 'baseline', 'target', 'bandLow', 'bandHigh']),
      ...(k.anyPercent === true ? { anyPercent: true } : {}),
    })),
  };
}

export function launchBookRecord(raw: unknown): LaunchBook {
  const b = readStored('launchBook', raw).doc as Loose;
  return {
    ...pick<LaunchBook>(b, ['revision', 'updatedBy', 'updatedAt']),
    launches: (b.launches as Loose[]).map((l) => ({
      ...pick(l, ['id', 'name', 'versionId', 'versionName', 'date', 'createdBy', 'createdAt']),
      iterations: (l.iterations as Loose[]).map((i) => pick(i, ['id', 'name', 'start', 'end', 'versionId', 'versionName'])),
    })) as LaunchBook['launches'],
  };
}

export function sourceRecords(raw: unknown): KpiSource[] {
  const doc = readStored('kpiSources', raw).doc as Loose;
  return Object.values((doc.sources ?? {}) as Record<string, Loose>).map((s) => ({
    ...pick<KpiSource>(s, ['kpiId', 'jql', 'setBy', 'setAt']),
    lastRun: s.lastRun ? pick<NonNullable<KpiSource['lastRun']>>(s.lastRun, ['at', 'date', 'count', 'error']) : null,
  }));
}

export const measurementRecord = (m: Loose): MeasurementItem => ({
  ...pick<MeasurementItem>(m, ['kpiId', 'date', 'value', 'note', 'source', 'by', 'at', 'revision', 'action']),
  ...(m.outlier === 'confirmed' || m.outlier === 'unconfirmed' ? { outlier: m.outlier } : {}),
});

export const feedbackRecord = (f: Loose): Feedback => ({
  ...pick<Feedback>(f, ['id', 'source', 'text', 'sentiment', 'goalId', 'kpiId', 'launchId', 'iterationId', 'by', 'at']),
  // An item brought in from Jira keeps its issue, and waits for triage if it did.
  ...(f.issue ? { issue: pick<NonNullable<Feedback['issue']>>(f.issue, ['id', 'key', 'sourceId']) } : {}),
  ...(f.untriaged === true ? { untriaged: true } : {}),
});

export const decisionRecord = (d: Loose): Decision => pick<Decision>(d, ['id', 'launchId', 'iterationId', 'kind', 'text', 'by', 'at']);

export const snapshotRecord = (s: Loose): AlignmentSnapshot => ({
  ...pick<AlignmentSnapshot>(s, ['date', 'takenAt', 'epics', 'aligned', 'unaligned', 'coverage', 'openIssueCoverage', 'storyPointCoverage']),
  perGoal: ((s.perGoal ?? []) as Loose[]).map((p) => pick(p, ['goalId', 'epics'])),
});

export const trendRecord = (t: Loose): ExportedTrend => ({
  points: ((t.points ?? []) as Array<[string, number | null]>).map(([date, coverage]) => [date, coverage ?? null]),
  latest: t.latest ? snapshotRecord(t.latest) : null,
});
