/**
 * A launch's digest: for every KPI, the baseline captured at launch and, per iteration, the value it
 * started from and its last value inside the iteration; per iteration, feedback and decision counts.
 * One stored value per launch, kept up to date by the writes, so a summary or an iteration page is one
 * read however long the history. Verdicts are derived on read, from the KPIs' current definitions.
 */
import type { Kpi } from '../../contract/goals/model';
import type {
  Baseline,
  DayValue,
  Iteration,
  IterationOutcome,
  KpiOutcome,
  Launch,
  LaunchKpiSummary,
  LaunchSummary,
  SentimentCounts,
  Sentiment,
  SourceSwitch,
} from '../../contract/post-launch/post-launch';
import { addDays } from './days';
import { lastBetween, lastSwitchBy } from './kpi-series';
import { iterationState, lastEnd } from './launch-book';
import { comparableSince, tallyOf, verdictOf } from './verdict';

/** [date, value]: compact, a digest holds thousands. */
export type DayTuple = [string, number];

export interface WindowPoints {
  /** Last measurement after the launch day and before the iteration. */
  o: DayTuple | null;
  /** Last measurement inside the iteration. */
  c: DayTuple | null;
  /** Measurements inside the iteration. */
  n: number;
  /** The last change of the KPI's source on or before `c`'s day (absent: none), for the segment rule. */
  s?: string;
}

export interface LaunchDigest {
  rev: number;
  launchId: string;
  /** The iteration windows the entries were computed for; another value means they must be recomputed. */
  sig: string;
  baselines: Record<string, Baseline>;
  /** kpiId → iterationId → points. */
  kpis: Record<string, Record<string, WindowPoints>>;
  feedback: Record<string, SentimentCounts>;
  decisions: Record<string, number>;
}

const tuple = (p: DayValue | null): DayTuple | null => (p ? [p.date, p.value] : null);
const point = (t: DayTuple | null): DayValue | null => (t ? { date: t[0], value: t[1] } : null);

/** Identifies a launch's iteration windows. */
export const windowsSignature = (launch: Launch): string =>
  [launch.date, ...launch.iterations.map((i) => `${i.id}@${i.start}..${i.end}`)].join('|');

/** The days whose measurements the iteration entries depend on (after the launch day to the last end); null without iterations. */
export function launchSpan(launch: Launch): { from: string; to: string } | null {
  const end = lastEnd(launch);
  return end === null ? null : { from: addDays(launch.date, 1), to: end };
}

/**
 * The latest measurement on or before the launch day, within the year before it; else the KPI's
 * defined baseline.
 */
export function captureBaseline(kpi: Pick<Kpi, 'baseline'>, series: readonly DayValue[], launchDate: string): Baseline {
  const { last } = lastBetween(series, addDays(launchDate, -366), launchDate);
  return last ? { value: last.value, date: last.date, from: 'measurement' } : { value: kpi.baseline, date: null, from: 'defined' };
}

/**
 * One KPI's points for every iteration of the launch, from its series (sorted, any range covering the
 * span) and its changes of source (any covering the year before the launch to the span's end).
 */
export function kpiWindows(launch: Launch, series: readonly DayValue[], switches: readonly SourceSwitch[] = []): Record<string, WindowPoints> {
  const out: Record<string, WindowPoints> = {};
  const afterLaunch = addDays(launch.date, 1);
  for (const it of launch.iterations) {
    const before = it.start > afterLaunch ? lastBetween(series, afterLaunch, addDays(it.start, -1)).last : null;
    const inside = lastBetween(series, it.start, it.end);
    const s = inside.last ? lastSwitchBy(switches, inside.last.date) : null;
    out[it.id] = { o: tuple(before), c: tuple(inside.last), n: inside.count, ...(s ? { s } : {}) };
  }
  return out;
}

/** The launch day a digest was computed for (the first part of its signature). */
const launchDayOf = (digest: LaunchDigest): string => digest.sig.slice(0, 10);

export const emptyCounts = (): SentimentCounts => ({ positive: 0, neutral: 0, negative: 0 });

export function emptyDigest(launch: Launch): LaunchDigest {
  return { rev: 0, launchId: launch.id, sig: windowsSignature(launch), baselines: {}, kpis: {}, feedback: {}, decisions: {} };
}

/** The digest with `sentiment` counted once more (`delta` 1) or once less (-1) for the iteration. */
export function countFeedback(digest: LaunchDigest, iterationId: string, sentiment: Sentiment, delta: 1 | -1): LaunchDigest {
  const counts = { ...(digest.feedback[iterationId] ?? emptyCounts()) };
  counts[sentiment] = Math.max(0, counts[sentiment] + delta);
  return { ...digest, feedback: { ...digest.feedback, [iterationId]: counts } };
}

export function countDecision(digest: LaunchDigest, iterationId: string, delta: 1 | -1): LaunchDigest {
  return { ...digest, decisions: { ...digest.decisions, [iterationId]: Math.max(0, (digest.decisions[iterationId] ?? 0) + delta) } };
}

/**
 * A KPI's baseline for the launch: the one captured when the launch was recorded; null for a KPI
 * created after that ("not tracked at this launch"), which never gets a baseline it did not have.
 */
export const baselineOf = (digest: LaunchDigest, kpi: Pick<Kpi, 'id'>): Baseline | null => digest.baselines[kpi.id] ?? null;

export function kpiOutcome(digest: LaunchDigest, kpi: Kpi, iteration: Iteration): KpiOutcome {
  const entry = digest.kpis[kpi.id]?.[iteration.id];
  const baseline = baselineOf(digest, kpi);
  const openPoint = point(entry?.o ?? null);
  // Not tracked at the launch: an iteration is judged only from the KPI's own measurements after it.
  const open = openPoint
    ? { ...openPoint, from: 'measurement' as const }
    : baseline
      ? { date: baseline.date, value: baseline.value, from: 'baseline' as const }
      : null;
  const close = point(entry?.c ?? null);
  return {
    kpiId: kpi.id,
    open,
    close,
    measurements: entry?.n ?? 0,
    change: close && open ? close.value - open.value : null,
    verdict:
      open && !comparableSince(open.date ?? launchDayOf(digest), entry?.s) ? 'not-comparable' : verdictOf(kpi, open?.value ?? null, close?.value ?? null),
  };
}

export function iterationOutcome(digest: LaunchDigest, kpis: readonly Kpi[], iteration: Iteration): IterationOutcome {
  const outcomes = kpis.map((k) => kpiOutcome(digest, k, iteration));
  return {
    iterationId: iteration.id,
    kpis: outcomes,
    tally: tallyOf(outcomes.map((o) => o.verdict)),
    feedback: digest.feedback[iteration.id] ?? emptyCounts(),
    decisions: digest.decisions[iteration.id] ?? 0,
  };
}

/** The launch across its iterations: per KPI, baseline against the latest value any iteration measured. */
export function summarizeLaunch(launch: Launch, digest: LaunchDigest, kpis: readonly Kpi[], today: string): LaunchSummary {
  const iterations = launch.iterations.map((it) => iterationOutcome(digest, kpis, it));
  const byStartDesc = [...launch.iterations].sort((a, b) => b.start.localeCompare(a.start));
  const kpiSummaries: LaunchKpiSummary[] = kpis.map((kpi) => {
    const baseline = baselineOf(digest, kpi);
    const lastWithData = byStartDesc.map((it) => digest.kpis[kpi.id]?.[it.id]).find((w) => w?.c) ?? null;
    const latest = point(lastWithData?.c ?? null);
    const comparable = !baseline || comparableSince(baseline.date ?? launch.date, lastWithData?.s);
    return { kpiId: kpi.id, baseline, latest, verdict: comparable ? verdictOf(kpi, baseline?.value ?? null, latest?.value ?? null) : 'not-comparable' };
  });
  const state = iterationState(launch, today);
  return { launch, iterations, kpis: kpiSummaries, currentIterationId: state.running?.id ?? null, stalledSince: state.stalledSince };
}
