/** Words and small formatting of post-launch tracking, shared by its components. */
import { FLAT_TOLERANCE, type FeedbackSource, type Sentiment, type Verdict } from '../../../src/contract/post-launch/post-launch';
import { formatDate, formatNumber, formatPercent } from '../../shared/format';
import { t } from '../../shared/i18n';

/** A KPI's verdict in an iteration, in the user's language (the contract's VERDICT_LABEL is the English). */
export const verdictLabel = (v: Verdict): string =>
  ({
    toward: t('Moved toward target'),
    flat: t('Flat'),
    away: t('Moved away'),
    'no-data': t('No data'),
    'not-comparable': t('Not comparable (measured differently)'),
  })[v];

/** How a verdict is decided (the contract's VERDICT_RULE), in the user's language. */
export const verdictRule = (): string =>
  t(
    'For each KPI, an iteration compares its last measurement inside the iteration with the value it started from: the last measurement after the launch and before the iteration, or else the baseline captured at launch. It moved toward the target when it changed by more than {tolerance} of the KPI’s range (baseline to target, or the width of the band) in the direction of the target — for a band, when it got that much closer to the band. It moved away when it changed that much the other way, and it is flat when it changed less. No data: no measurement inside the iteration. The launch summary compares the latest iteration value with the baseline the same way. Not comparable: the KPI switched how it is measured (by hand or by a JQL count) between the two values, so they are on different scales. A value far outside the KPI’s range that nobody confirmed is left out.',
    { tolerance: formatPercent(FLAT_TOLERANCE * 100) },
  );

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

