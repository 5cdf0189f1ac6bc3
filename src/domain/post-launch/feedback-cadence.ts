/**
 * "When did we last hear from users?": a project expects feedback at least every `cadenceDays` days.
 * Pure: the caller brings the newest item's instant (src/storage/feedback-cadence.ts) and today.
 */
import { daysBetween } from './days';

export interface FeedbackOverdue {
  overdue: boolean;
  /** Calendar days (UTC) from the newest feedback's day to today; null when there is no feedback at all. */
  daysSince: number | null;
}

/**
 * Whether more than `cadenceDays` days have passed since the newest feedback. On the cadence's last day
 * it is still on time; a project that never heard from its users is overdue (daysSince null).
 * @param newestAt the newest feedback's instant or day (YYYY-MM-DD…), null when there is none
 * @param today YYYY-MM-DD (or an instant: its UTC day counts)
 * @example feedbackOverdue('2025-03-01T10:00:00.000Z', 30, '2025-03-31') // { overdue: false, daysSince: 30 }
 * @example feedbackOverdue('2025-03-01T10:00:00.000Z', 30, '2025-04-01') // { overdue: true, daysSince: 31 }
 * @example feedbackOverdue(null, 30, '2025-04-01') // { overdue: true, daysSince: null }
 */
export function feedbackOverdue(newestAt: string | null, cadenceDays: number, today: string): FeedbackOverdue {
  if (!newestAt) return { overdue: true, daysSince: null };
  // Feedback dated after today (a clock a little ahead) counts as today's.
  const daysSince = Math.max(0, daysBetween(newestAt.slice(0, 10), today.slice(0, 10)));
  return { overdue: daysSince > cadenceDays, daysSince };
}
