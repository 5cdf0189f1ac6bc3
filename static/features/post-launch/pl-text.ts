/** Words and small formatting of post-launch tracking, shared by its components. */
import type { FeedbackSource, Sentiment, Verdict } from '../../../src/contract/post-launch/post-launch';
import { formatDate, formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';

export { VERDICT_LABEL, VERDICT_RULE } from '../../../src/contract/post-launch/post-launch';

export const VERDICT_GLYPH: Record<Verdict, string> = { toward: '✔', away: '✖', flat: '–', 'no-data': '?', 'not-comparable': '≠' };

export const SOURCE_LABEL = (): Record<FeedbackSource, string> => ({
  interview: t('Interview'),
  survey: t('Survey'),
  support: t('Support'),
  analytics: t('Analytics'),
  other: t('Other'),
});

export const SENTIMENT_LABEL = (): Record<Sentiment, string> => ({ positive: t('Positive'), neutral: t('Neutral'), negative: t('Negative') });

/** "1 Jul 2025 – 30 Jul 2025" */
export const window = (start: string, end: string): string => `${formatDate(start)} – ${formatDate(end)}`;

/** A change with its sign: "+12", "−150", "0". */
export function signed(n: number | null): string {
  if (n === null) return '–';
  if (n === 0) return '0';
  return `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n))}`;
}

/** The one plural helper lives with the other display helpers. */
export { plural } from '../../shared/format';

