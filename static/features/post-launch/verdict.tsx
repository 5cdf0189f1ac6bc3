/** A verdict as a badge (glyph + words: never colour alone), and the rule, stated where verdicts are shown. */
import type { Verdict } from '../../../src/contract/post-launch/post-launch';
import { formatDate } from '../../shared/format';
import { VERDICT_GLYPH, verdictLabel, verdictRule } from './pl-text';
import { t } from '../../shared/i18n';

export function VerdictBadge({ verdict, short }: { verdict: Verdict; short?: boolean }) {
  return (
    <span className={`pl-verdict pl-verdict--${verdict}`} title={short ? verdictLabel(verdict) : undefined}>
      <span aria-hidden="true">{VERDICT_GLYPH[verdict]}</span>
      {short ? <span className="pv-sr-only">{verdictLabel(verdict)}</span> : verdictLabel(verdict)}
    </span>
  );
}

export function Tally({ tally }: { tally: Record<Verdict, number> }) {
  const shown = (['toward', 'flat', 'away', 'no-data', 'not-comparable'] as const).filter((v) => tally[v] > 0);
  return (
    <span className="pl-tally">
      {shown.map((v) => (
        <span key={v} className={`pl-verdict pl-verdict--${v}`}>
          <span aria-hidden="true">{VERDICT_GLYPH[v]}</span> {tally[v]}
          <span className="pv-sr-only"> {verdictLabel(v)}</span>
        </span>
      ))}
    </span>
  );
}

export function VerdictRule() {
  return (
    <details className="pl-rule">
      <summary>{t('How the verdict is decided')}</summary>
      <p>{verdictRule()}</p>
    </details>
  );
}

/** An ended iteration (or a KPI) with nothing after it: never shown as current. */
export function StalledFlag({ since, what = t('Tracking') }: { since: string; what?: string }) {
  return (
    <span className="pv-stalled">
      <span aria-hidden="true">⚠ </span>
      {t('{what} stalled since {since}', { what, since: formatDate(since) })}
    </span>
  );
}
