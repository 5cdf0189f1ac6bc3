/** Read-only vision, goals and KPIs: the project page and the settings page for non-admins. */
import type { ReactNode } from 'react';
import type { Goal, GoalBook, Kpi, VisionFields } from '../../../src/contract/goals/model';
import { formatDate, kpiSummary, personName, type PeopleIndex } from '../../shared/format';
import { StatusLozenge } from '../../shared/ui';
import { t } from '../../shared/i18n';

export const VISION_LABELS = () => ({
  statement: t('Vision statement'),
  targetUsers: t('Target users'),
  problem: t('Problem'),
  valueProposition: t('Value proposition'),
  horizon: t('Horizon'),
} as const);

/** The vision statement and the facts around it that are filled in. */
export function VisionFacts({ vision }: { vision: VisionFields }) {
  const facts = (['targetUsers', 'problem', 'valueProposition', 'horizon'] as const).filter((k) => vision[k].trim() !== '');
  return (
    <>
      <div className="pv-hero">
        <h2 className="pv-small pv-muted">{t('Vision')}</h2>
        <p className="pv-statement">{vision.statement}</p>
      </div>
      {facts.length > 0 ? (
        <dl className="pv-facts">
          {facts.map((k) => (
            <div className="pv-fact" key={k}>
              <dt>{VISION_LABELS()[k]}</dt>
              <dd>{vision[k]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}

export function KpiLine({ kpi, actions }: { kpi: Kpi; actions?: ReactNode }) {
  const s = kpiSummary(kpi);
  return (
    <li className="pv-kpi">
      <span className="pv-kpi-name">{kpi.name}</span>
      <span className="pv-row">
        <span className="pv-kpi-values">{s.values}</span>
        <span className="pv-kpi-dir">
          <span aria-hidden="true">{s.arrow} </span>
          {s.direction}
        </span>
        {actions ? <span className="pv-kpi-actions">{actions}</span> : null}
      </span>
    </li>
  );
}

export function GoalMeta({ goal, people }: { goal: Goal; people: PeopleIndex }) {
  return (
    <dl className="pv-meta">
      <div>
        <dt>{t('Owner')}</dt>
        <dd>{goal.ownerAccountId ? personName(people, goal.ownerAccountId) : t('No owner')}</dd>
      </div>
      <div>
        <dt>{t('Target date')}</dt>
        <dd>{goal.targetDate ? formatDate(goal.targetDate) : t('Not set')}</dd>
      </div>
    </dl>
  );
}

export function GoalCard({ goal, kpis, people }: { goal: Goal; kpis: readonly Kpi[]; people: PeopleIndex }) {
  return (
    <li className={`pv-card${goal.status === 'dropped' ? ' pv-card--dropped' : ''}`}>
      <div className="pv-goal-head">
        <h3 className="pv-goal-title">{goal.title}</h3>
        <StatusLozenge status={goal.status} />
      </div>
      <GoalMeta goal={goal} people={people} />
      {goal.description ? <p className="pv-prewrap pv-muted">{goal.description}</p> : null}
      {kpis.length > 0 ? (
        <ul className="pv-kpis" aria-label={t('KPIs of {title}', { title: goal.title })}>
          {kpis.map((k) => (
            <KpiLine key={k.id} kpi={k} />
          ))}
        </ul>
      ) : (
        <p className="pv-small pv-subtlest">{t('No KPIs yet.')}</p>
      )}
    </li>
  );
}

export const kpisOf = (book: GoalBook, goalId: string): Kpi[] => book.kpis.filter((k) => k.goalId === goalId);

export function GoalGrid({ book, people }: { book: GoalBook; people: PeopleIndex }) {
  return (
    <ul className="pv-goals">
      {book.goals.map((g) => (
        <GoalCard key={g.id} goal={g} kpis={kpisOf(book, g.id)} people={people} />
      ))}
    </ul>
  );
}
