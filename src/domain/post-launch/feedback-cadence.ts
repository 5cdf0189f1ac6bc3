/** "When did we last hear from users?": the newest feedback against the project's cadence. Pure. */
import { daysBetween } from './days';

/**
 * Overdue when nothing was ever heard, or the newest item is more than `cadenceDays` days old.
 * @example feedbackOverdue('2025-07-01T10:00:00Z', 30, '2025-07-31') // { overdue: false, daysSince: 30 }
 * @example feedbackOverdue('2025-07-01T10:00:00Z', 30, '2025-08-01') // { overdue: true, daysSince: 31 }
 */
export function feedbackOverdue(newestAt: string | null, cadenceDays: number, today: string): { overdue: boolean; daysSince: number | null } {
  if (newestAt === null) return { overdue: true, daysSince: null };
  const daysSince = Math.max(0, daysBetween(newestAt.slice(0, 10), today));
  return { overdue: daysSince > cadenceDays, daysSince };
}
