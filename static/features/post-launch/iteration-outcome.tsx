/** Outcome, not just output: how the KPIs moved in the iteration this epic shipped in. */
import type { DecisionOrigin } from '../../../src/contract/alignment/alignment';
import type { EpicIterationVerdict } from '../../../src/contract/post-launch/post-launch';
import { t } from '../../shared/i18n';
import { formatDay } from '../alignment/alignment-text';
import { VerdictBadge, VerdictRule } from './verdict';
import { iterationLabel } from '../../shared/iteration-label';

export function IterationOutcome({ verdict }: { verdict: EpicIterationVerdict }) {
  const how = verdict.shippedBy === 'version' ? t('in its version') : t('done inside its window');
  return (
    <section className="pv-goal-box" aria-label={t('Iteration outcome')}>
      <p className="pv-panel-label">{t('Shipped in')}</p>
      <p className="pv-goal-name">
        {iterationLabel(verdict.iterationName)} · {verdict.launchName}
      </p>
      <p className="pv-small pv-subtlest">
        {formatDay(verdict.start)} – {formatDay(verdict.end)} ({how})
      </p>
      {verdict.goal === null ? (
        <p className="pv-small pv-muted">{t('No KPI movement is credited to this epic: it serves no business goal.')}</p>
      ) : verdict.kpis.length ? (
        <>
          <p className="pv-small pv-subtlest">{t('KPIs of its goal “{title}”', { title: verdict.goal.title })}</p>
          <ul className="pl-panel-kpis">
            {verdict.kpis.map((k) => (
              <li key={k.kpiId}>
                <span>{k.name}</span> <VerdictBadge verdict={k.verdict} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="pv-small pv-muted">{t('Its goal “{title}” has no KPIs to judge this iteration by yet.', { title: verdict.goal.title })}</p>
      )}
      <VerdictRule />
    </section>
  );
}

/** On the panel of an issue made from an iteration's decision: where it came from. */
export function DecisionOriginLine({ origin }: { origin: DecisionOrigin }) {
  const values = { iteration: iterationLabel(origin.iterationName), launch: origin.launchName };
  return (
    <p className="pv-small pv-muted">
      {origin.kind === 'decision'
        ? t('Created from a decision of iteration “{iteration}” ({launch}).', values)
        : t('Created from a next step of iteration “{iteration}” ({launch}).', values)}
    </p>
  );
}
