/**
 * The published vision as readers see it (project page, settings page for non-admins): the vision,
 * what it bets on, the review flag, goals with their KPIs' status, and the highlights other features
 * add (alignment coverage, latest iteration).
 */
import './publishing.style';
import type { ReactNode } from 'react';
import type { Goal, GoalBook, Kpi } from '../../../src/contract/goals/model';
import {
  type KpiCurrent,
  type KpiStatusKind,
  type ProjectHighlights,
  type PublishedVision,
  type ReviewFlags,
} from '../../../src/contract/vision/publishing';
import { kpiStatus } from '../../../src/domain/goals/kpi-status';
import { kpiStalledSince } from '../../../src/domain/post-launch/kpi-staleness';
import { pluralOf } from '../../shared/level-words';
import { formatDate, formatDateTime, kpiSummary, personName, quoted, withUnit, type PeopleIndex, kpiStatusLabel, betKindLabel, counted, formatPercent } from '../../shared/format';
import { StatusLozenge } from '../../shared/ui';
import { GoalMeta, VisionFacts } from './vision-view';
import { GoalEpicsLink } from '../alignment/goal-epics-link';
import { t } from '../../shared/i18n';
import { highlightName, highlightVerdict } from '../../shared/iteration-label';

export const kpiStatusOf = (kpi: Kpi, current: KpiCurrent | undefined): KpiStatusKind => kpiStatus(kpi, current);

export function KpiStatusPill({ status }: { status: KpiStatusKind }) {
  return <span className={`pv-kpi-status pv-kpi-status--${status}`}>{kpiStatusLabel(status)}</span>;
}

export function ReviewBanner({ review, people, canEdit }: { review: ReviewFlags | null | undefined; people: PeopleIndex; canEdit?: boolean }) {
  if (!review?.flagged) return null;
  return (
    <section className="pv-msg pv-msg--warning" role="status" aria-label={t('Due for review')}>
      <h3>{t('Due for review')}</h3>
      <ul>
        {review.overdue ? (
          <li>
            {t('The vision was due for review on {dueOn} (every {cadenceDays} days).', { dueOn: formatDate(review.dueOn), cadenceDays: review.cadenceDays })}
          </li>
        ) : null}
        {review.overdueBets.map((b) => (
          <li key={b.id}>
            {b.ownerAccountId
              ? t('{kind} past its review date ({reviewBy}, {owner}): {text}', { kind: betKindLabel(b.kind), reviewBy: formatDate(b.reviewBy), owner: personName(people, b.ownerAccountId), text: b.text })
              : t('{kind} past its review date ({reviewBy}): {text}', { kind: betKindLabel(b.kind), reviewBy: formatDate(b.reviewBy), text: b.text })}
          </li>
        ))}
      </ul>
      <p className="pv-small">
        {canEdit
          ? t('Check it against what the business and technology look like now, then publish a new version (or publish it unchanged after checking).')
          : t('A project admin can review it and publish a new version.')}
      </p>
    </section>
  );
}

export function PublishedVisionView({ published, people }: { published: PublishedVision; people: PeopleIndex }) {
  return (
    <div className="pv-stack">
      <VisionFacts vision={published} />
      {published.bets.length > 0 ? (
        <div className="pv-stack">
          <h3 className="pv-small pv-muted">{t('What it bets on')}</h3>
          <ul className="pv-bet-list">
            {published.bets.map((b) => (
              <li key={b.id}>
                <span className={`pv-lozenge pv-bet-kind pv-bet-kind--${b.kind}`}>{betKindLabel(b.kind)}</span>
                <span className="pv-bet-list-text">{b.text}</span>
                <span className="pv-small pv-subtlest">
                  {t('Review by {reviewBy}', { reviewBy: formatDate(b.reviewBy) })}
                  {b.ownerAccountId ? ` · ${personName(people, b.ownerAccountId)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="pv-small pv-subtlest">
        {published.legacy
          ? t('Version {version} (saved before versions were published) · published {publishedAt} by {people}', { version: published.version, publishedAt: formatDateTime(published.publishedAt), people: personName(people, published.publishedBy) })
          : t('Version {version} · published {publishedAt} by {people}', { version: published.version, publishedAt: formatDateTime(published.publishedAt), people: personName(people, published.publishedBy) })}
        {published.changeNote ? ` · ${quoted(published.changeNote)}` : ''}
      </p>
    </div>
  );
}

/** The browser's today (UTC, like measurement days). */
const todayUtc = () => new Date().toISOString().slice(0, 10);

function KpiStatusLine({ kpi, current, cadenceDays }: { kpi: Kpi; current: KpiCurrent | undefined; cadenceDays: number | undefined }) {
  const s = kpiSummary(kpi);
  const stalled = kpiStalledSince(current?.at, todayUtc(), cadenceDays);
  return (
    <li className="pv-kpi">
      <span className="pv-kpi-name">{kpi.name}</span>
      <span className="pv-row">
        <span className="pv-kpi-values">
          {s.values}
          {current ? t(' · now {value}', { value: withUnit(current.value, kpi.unit) }) : ''}
        </span>
        <KpiStatusPill status={kpiStatusOf(kpi, current)} />
        {stalled ? <span className="pv-stalled">{t('Tracking stalled since {stalled}', { stalled: formatDate(stalled) })}</span> : null}
      </span>
    </li>
  );
}

/**
 * Goals with their KPIs' current status (from measurements, when a feature provides them); a KPI not
 * measured for longer than the vision's review cadence (`cadenceDays`, 90 days when not given) is flagged.
 */
export function GoalStatusGrid({
  book,
  people,
  highlights,
  cadenceDays,
  projectId,
}: {
  book: GoalBook;
  people: PeopleIndex;
  highlights: ProjectHighlights | undefined;
  cadenceDays?: number;
  /** The project: each goal then links to its epics in Jira's issue search. */
  projectId?: string;
}) {
  const current = highlights?.kpiCurrent ?? {};
  const goals: Goal[] = [...book.goals].sort((a, b) => Number(a.status === 'dropped') - Number(b.status === 'dropped'));
  return (
    <ul className="pv-goals">
      {goals.map((g) => {
        const kpis = book.kpis.filter((k) => k.goalId === g.id);
        return (
          <li key={g.id} className={`pv-card${g.status === 'dropped' ? ' pv-card--dropped' : ''}`}>
            <div className="pv-goal-head">
              <h3 className="pv-goal-title">{g.title}</h3>
              <StatusLozenge status={g.status} />
            </div>
            <GoalMeta goal={g} people={people} />
            {projectId ? (
              <p className="pv-small">
                <GoalEpicsLink projectId={projectId} goalId={g.id} goalTitle={g.title} />
              </p>
            ) : null}
            {kpis.length > 0 ? (
              <ul className="pv-kpis" aria-label={t('KPIs of {title}', { title: g.title })}>
                {kpis.map((k) => (
                  <KpiStatusLine key={k.id} kpi={k} current={current[k.id]} cadenceDays={cadenceDays} />
                ))}
              </ul>
            ) : (
              <p className="pv-small pv-subtlest">{t('No KPIs yet.')}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The one-minute strip: published version, review, goals, KPIs on track, and what other features add. */
export function AtAGlance({
  published,
  review,
  book,
  highlights,
  extra,
}: {
  published: PublishedVision | null | undefined;
  review: ReviewFlags | null | undefined;
  book: GoalBook;
  highlights: ProjectHighlights | undefined;
  /** More tiles from other features. */
  extra?: ReactNode;
}) {
  const active = book.goals.filter((g) => g.status === 'active').length;
  const achieved = book.goals.filter((g) => g.status === 'achieved').length;
  const statuses = book.kpis.map((k) => kpiStatusOf(k, highlights?.kpiCurrent?.[k.id]));
  const measured = statuses.filter((s) => s !== 'no-data').length;
  const good = statuses.filter((s) => s === 'achieved' || s === 'on-track').length;
  const coverage = highlights?.coverage;
  const iteration = highlights?.latestIteration;
  return (
    <dl className="pv-glance" aria-label={t('At a glance')}>
      <div className="pv-glance-tile">
        <dt>{t('Published')}</dt>
        <dd>{published ? t('Version {version}', { version: published.version }) : t('Not yet')}</dd>
        {published ? <dd className="pv-glance-note">{formatDate(published.publishedAt.slice(0, 10))}</dd> : null}
      </div>
      <div className={`pv-glance-tile${review?.flagged ? ' pv-glance-tile--warning' : ''}`}>
        <dt>{t('Next review')}</dt>
        <dd>{review ? (review.overdue ? t('Overdue') : formatDate(review.dueOn)) : '–'}</dd>
        {review?.overdueBets.length ? (
          <dd className="pv-glance-note">
            {counted(review.overdueBets.length, t('{n} bet past its review date'), t('{n} bets past their review date'))}
          </dd>
        ) : null}
      </div>
      <div className="pv-glance-tile">
        <dt>{t('Goals')}</dt>
        <dd>
          {achieved ? t('{active} active, {achieved} achieved', { active, achieved }) : t('{active} active', { active })}
        </dd>
      </div>
      <div className="pv-glance-tile">
        <dt>{t('KPIs on track')}</dt>
        <dd>{book.kpis.length === 0 ? '–' : measured === 0 ? t('Not measured yet') : t('{good} of {total}', { good, total: book.kpis.length })}</dd>
      </div>
      {coverage ? (
        <div className="pv-glance-tile">
          <dt>{t('{pluralOf} aligned', { pluralOf: pluralOf(coverage.epicName ?? t('Epic')) })}</dt>
          <dd>{coverage.coverage === null ? t('No epics') : formatPercent(Math.round(coverage.coverage * 100))}</dd>
          <dd className="pv-glance-note">
            {coverage.asOf
              ? t('{aligned} of {epics} · as of {asOf}', { aligned: coverage.aligned, epics: coverage.epics, asOf: formatDateTime(coverage.asOf) })
              : t('{aligned} of {epics}', { aligned: coverage.aligned, epics: coverage.epics })}
          </dd>
        </div>
      ) : null}
      {iteration ? (
        <div className="pv-glance-tile">
          <dt>{t('Latest iteration')}</dt>
          <dd>
            <span className={`pv-kpi-status pv-tone--${iteration.tone}`}>{highlightVerdict(iteration.verdict)}</span>
          </dd>
          <dd className="pv-glance-note">{highlightName(iteration.name)}</dd>
          {iteration.stalledSince ? (
            <dd className="pv-glance-note">
              <span className="pv-stalled">{t('Tracking stalled since {stalledSince}', { stalledSince: formatDate(iteration.stalledSince) })}</span>
            </dd>
          ) : null}
        </div>
      ) : null}
      {extra}
    </dl>
  );
}
