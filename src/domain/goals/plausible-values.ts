/**
 * Which numbers a KPI can hold, and which measurements lie so far from its range that a person must
 * confirm them. Pure; the schemas check the absolute limit, these rules the ones that need the KPI.
 */
import type { FieldIssue } from '../../contract/shared/result';
import type { KpiFields } from '../../contract/goals/model';
import { OUTLIER_FACTOR } from '../../contract/post-launch/post-launch';
import { isPlausibleNumber, valueRangeMessage } from '../../contract/shared/limits';

type KpiScale = Pick<KpiFields, 'direction' | 'baseline' | 'target' | 'bandLow' | 'bandHigh' | 'unit' | 'anyPercent'>;

/**
 * A unit that reads as a percentage: "%", "percent", "pct" (any case, spaces around ignored).
 * @example isPercentUnit(' % ') // true
 */
export const isPercentUnit = (unit: string): boolean => /^(%|percent|per cent|pct)$/i.test(unit.trim());

/**
 * Why `value` cannot be a number of this KPI, or null. Percent KPIs hold 0–100 unless `anyPercent`.
 * @example valueIssue({ unit: '%' }, 120, 'Value') // 'Value must be between 0 and 100 for a percent KPI…'
 */
export function valueIssue(kpi: Pick<KpiFields, 'unit' | 'anyPercent'>, value: number, label: string): string | null {
  if (!isPlausibleNumber(value)) return valueRangeMessage(label);
  if (isPercentUnit(kpi.unit) && !kpi.anyPercent && (value < 0 || value > 100))
    return `${label} must be between 0 and 100 for a percent KPI (an admin can allow any percent in the KPI's settings).`;
  return null;
}

/**
 * The field issues of a KPI's numbers (baseline, target, bounds), each at its own field.
 * @example kpiValueIssues({ unit: '%', baseline: 10, target: 120, … }) // [{ path: 'target', … }]
 */
export function kpiValueIssues(kpi: KpiScale, prefix = ''): FieldIssue[] {
  const fields = [
    ['baseline', 'Baseline', kpi.baseline],
    ['target', 'Target', kpi.target],
    ['bandLow', 'Lower bound', kpi.bandLow],
    ['bandHigh', 'Upper bound', kpi.bandHigh],
  ] as const;
  return fields.flatMap(([path, label, n]) => {
    const message = n === null ? null : valueIssue(kpi, n, label);
    return message ? [{ path: `${prefix}${path}`, message }] : [];
  });
}

/**
 * The KPI's range: from baseline to target (or over the band and the baseline), low to high.
 * @example kpiSpanRange({ direction: 'decrease', baseline: 1200, target: 600, … }) // { low: 600, high: 1200 }
 */
export function kpiSpanRange(kpi: Omit<KpiScale, 'unit' | 'anyPercent'>): { low: number; high: number } {
  const ends = kpi.direction === 'band' ? [kpi.baseline, kpi.bandLow, kpi.bandHigh] : [kpi.baseline, kpi.target];
  const known = ends.filter((n): n is number => n !== null && Number.isFinite(n));
  return { low: Math.min(...known), high: Math.max(...known) };
}

/**
 * How far a value may lie outside the range before it is an outlier: OUTLIER_FACTOR times the range's
 * width. A range of no width (target equal to baseline, an old definition) uses the baseline's size,
 * or 1 when the baseline is 0, so that a KPI at 0 does not make every value an outlier.
 */
export function outlierReach(kpi: Omit<KpiScale, 'unit' | 'anyPercent'>): number {
  const { low, high } = kpiSpanRange(kpi);
  const span = high - low;
  return OUTLIER_FACTOR * (span > 0 ? span : Math.abs(kpi.baseline) || 1);
}

/**
 * True when `value` lies more than OUTLIER_FACTOR × the KPI's span outside its range (exactly that far is not).
 * @example isOutlier({ direction: 'increase', baseline: 0, target: 10, … }, 111) // true; 110 → false
 */
export function isOutlier(kpi: Omit<KpiScale, 'unit' | 'anyPercent'>, value: number): boolean {
  const { low, high } = kpiSpanRange(kpi);
  const away = value < low ? low - value : value > high ? value - high : 0;
  return away > outlierReach(kpi);
}
