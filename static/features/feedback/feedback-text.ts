/** Words of the feedback screens, through `t()`: labels of sources and sentiments, and the cadence line. */
import type { FeedbackCadence, FeedbackSource, Sentiment } from '../../../src/contract/post-launch/post-launch';
import { feedbackOverdue } from '../../../src/domain/post-launch/feedback-cadence';
import { formatDate } from '../../shared/format';
import { t } from '../../shared/i18n';

export const sourceLabel = (s: FeedbackSource): string =>
  ({ interview: t('Interview'), survey: t('Survey'), support: t('Support request'), analytics: t('Analytics'), other: t('Other') })[s];

export const sentimentLabel = (s: Sentiment): string => ({ positive: t('Positive'), neutral: t('Neutral'), negative: t('Negative') })[s];

/** Today as the user's calendar day (YYYY-MM-DD, UTC like the server's days). */
export const todayDay = (): string => new Date().toISOString().slice(0, 10);

/**
 * "When did we last hear from users?" in one line, and whether it is a warning.
 * @example cadenceLine({ newestAt: '2026-10-01T…', cadenceDays: 30 }, '2026-11-15') // { overdue: true, text: 'No user feedback for 45 days — cadence is 30 days' }
 */
export function cadenceLine(cadence: FeedbackCadence, today = todayDay()): { overdue: boolean; text: string } {
  const { overdue, daysSince } = feedbackOverdue(cadence.newestAt, cadence.cadenceDays, today);
  const n = cadence.cadenceDays;
  if (daysSince === null) return { overdue, text: t('No user feedback yet — cadence is {n} days', { n }) };
  if (overdue) return { overdue, text: t('No user feedback for {days} days — cadence is {n} days', { days: daysSince, n }) };
  return { overdue, text: t('Last user feedback {date} ({days} days ago) — cadence is {n} days', { date: formatDate(cadence.newestAt), days: daysSince, n }) };
}
