/**
 * A KPI's status from its latest measurement: a domain rule, read by the page, the published summary
 * and the UI alike, so they agree.
 */
import type { KpiDirection } from '../../contract/vision/vision-basics';
import type { KpiCurrent, KpiStatusKind } from '../../contract/vision/publishing';

/**
 * A KPI's status from its latest measurement, against its baseline and target (or band).
 * @example kpiStatus({ direction: 'decrease', baseline: 1200, target: 600, … }, { value: 900, at }) // 'on-track'
 */
export function kpiStatus(
  kpi: { direction: KpiDirection; baseline: number; target: number | null; bandLow: number | null; bandHigh: number | null },
  current: KpiCurrent | null | undefined,
): KpiStatusKind {
  if (!current || !Number.isFinite(current.value)) return 'no-data';
  const v = current.value;
  if (kpi.direction === 'band') {
    if (kpi.bandLow === null || kpi.bandHigh === null) return 'no-data';
    return v >= kpi.bandLow && v <= kpi.bandHigh ? 'achieved' : 'off-track';
  }
  if (kpi.target === null) return 'no-data';
  if (kpi.direction === 'increase') return v >= kpi.target ? 'achieved' : v > kpi.baseline ? 'on-track' : 'off-track';
  return v <= kpi.target ? 'achieved' : v < kpi.baseline ? 'on-track' : 'off-track';
}
