/**
 * The outcome-vs-output verdict: did a KPI move toward its target between two values? The rule is
 * stated for users in `VERDICT_RULE` (contract); this is its one implementation.
 */
import { FLAT_TOLERANCE, VERDICTS, type Verdict } from '../../contract/post-launch/post-launch';
import type { KpiFields } from '../../contract/goals/model';

/** What the verdict needs of a KPI's definition. */
export type KpiAim = Pick<KpiFields, 'direction' | 'baseline' | 'target' | 'bandLow' | 'bandHigh'>;

/**
 * The KPI's range: baseline to target, or the band's width. 0 when the definition gives none.
 * @example kpiRange({ direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null }) // 600
 */
export function kpiRange(kpi: KpiAim): number {
  const range =
    kpi.direction === 'band'
      ? (kpi.bandHigh ?? Number.NaN) - (kpi.bandLow ?? Number.NaN)
      : Math.abs((kpi.target ?? Number.NaN) - kpi.baseline);
  return Number.isFinite(range) && range > 0 ? range : 0;
}

/** A change of at most this much is flat. */
export const tolerance = (kpi: KpiAim): number => FLAT_TOLERANCE * kpiRange(kpi);

/** How far a value lies outside a band KPI's bounds; 0 inside. */
export function distanceToBand(kpi: KpiAim, value: number): number {
  const low = kpi.bandLow ?? Number.NEGATIVE_INFINITY;
  const high = kpi.bandHigh ?? Number.POSITIVE_INFINITY;
  return value < low ? low - value : value > high ? value - high : 0;
}

/**
 * Progress from `open` to `close` in the target's direction (for a band: how much closer to the band).
 * Positive is good. @example progress(increaseKpi, 10, 12) // 2
 */
export function progress(kpi: KpiAim, open: number, close: number): number {
  if (kpi.direction === 'band') return distanceToBand(kpi, open) - distanceToBand(kpi, close);
  return kpi.direction === 'increase' ? close - open : open - close;
}

/**
 * The verdict for a KPI that started from `open` and ended at `close`.
 * @example verdictOf({ direction: 'increase', baseline: 0, target: 100, bandLow: null, bandHigh: null }, 10, 20) // 'toward'
 */
export function verdictOf(kpi: KpiAim, open: number | null, close: number | null): Verdict {
  if (open === null || close === null || !Number.isFinite(open) || !Number.isFinite(close)) return 'no-data';
  const moved = progress(kpi, open, close);
  const tol = tolerance(kpi);
  if (moved > tol) return 'toward';
  if (moved < -tol) return 'away';
  return 'flat';
}

/**
 * The segment rule: two values compare only when the KPI was measured the same way for both, i.e. no
 * change of source lies after the first value's day (`openDate`). `lastSwitch` is the last change on or
 * before the second value's day; a value on a change's day is already measured the new way.
 * @example comparableSince('2025-07-01', '2025-07-05') // false
 */
export const comparableSince = (openDate: string, lastSwitch: string | null | undefined): boolean => !lastSwitch || lastSwitch <= openDate;

/** How many of each verdict. */
export function tallyOf(verdicts: readonly Verdict[]): Record<Verdict, number> {
  const tally = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const v of verdicts) tally[v] += 1;
  return tally;
}
