/**
 * When a KPI's tracking has stalled. KPIs have no cadence of their own: a KPI is expected to be
 * measured at least once per review cycle of the project's vision (its review cadence, 90 days unless
 * the admin set another), so a value older than that is stale when the vision is reviewed.
 */
import { DEFAULT_REVIEW_CADENCE_DAYS } from '../../contract/vision/publishing';
import { daysBetween } from './days';

/**
 * The day of the KPI's latest measurement when more than `cadenceDays` have passed since it; null
 * while it is fresh, or when it was never measured (that has its own status: no measurement yet).
 * @param lastMeasured the latest measurement's day or instant (YYYY-MM-DD…), null when none
 * @example kpiStalledSince('2025-03-01', '2025-06-01', 90) // '2025-03-01' (92 days)
 * @example kpiStalledSince('2025-03-01', '2025-05-30', 90) // null (90 days: still within the cadence)
 */
export function kpiStalledSince(lastMeasured: string | null | undefined, today: string, cadenceDays: number = DEFAULT_REVIEW_CADENCE_DAYS): string | null {
  if (!lastMeasured) return null;
  const day = lastMeasured.slice(0, 10);
  return daysBetween(day, today) > cadenceDays ? day : null;
}
