/**
 * The product portfolio (jira:globalPage): the company goals with what the viewer's projects
 * contribute, then one row per project that uses the app and that the viewer may browse, with the
 * figures that tell how product-minded it is. One invoke loads everything; sorting and filtering
 * happen here, on the rows already loaded.
 */
import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import type { PortfolioRow, PortfolioView } from '../../../src/contract/portfolio/portfolio';
import { arrange, feedbackStale, isReviewOverdue, PORTFOLIO_FILTERS, PORTFOLIO_SORTS, type PortfolioFilter, type PortfolioSort } from '../../../src/domain/portfolio/portfolio-view';
import { call, openPath } from '../../shared/bridge';
import { SelectField } from '../../shared/field';
import { formatDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import { EmptyState, ErrorState, Loading } from '../../shared/states';
import { useResource } from '../../shared/use-resource';
import { CompanyGoals } from './company-goals';
import { highlightVerdict } from '../../shared/iteration-label';

const FILTER_LABEL: Record<PortfolioFilter, () => string> = {
  all: () => t('All projects'),
  'review-overdue': () => t('Review overdue'),
  'coverage-below-60': () => t('Epics aligned below 60%'),
  'kpis-off-track': () => t('KPIs off track'),
  'not-published': () => t('No published vision'),
  'no-recent-feedback': () => t('No feedback within its cadence'),
};

const SORT_LABEL: Record<PortfolioSort, () => string> = {
  project: () => t('Project'),
  coverage: () => t('Epics aligned (lowest first)'),
  review: () => t('Review due (soonest first)'),
  'off-track': () => t('KPIs off track (most first)'),
  feedback: () => t('Newest feedback (oldest first)'),
};

const load = () => call('portfolio/load', {});

export function PortfolioPage() {
  const { state, reload, patch } = useResource(load, { quiet: true });
  const [filter, setFilter] = useState<PortfolioFilter>('all');
  const [sort, setSort] = useState<PortfolioSort>('project');
  const setBook = useCallback((book: PortfolioView['companyGoalBook']) => patch((v) => ({ ...v, companyGoalBook: book })), [patch]);

  if (state.status === 'loading') return <Loading label={t('Loading the portfolio…')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const view = state.data;
  return (
    <main className="pv-page pv-pf">
      <header className="pv-header">
        <h1>{t('Product portfolio')}</h1>
        <p className="pv-muted">{t('Every project that uses Product Vision and that you may browse, with the company goals they serve.')}</p>
      </header>
      <CompanyGoals view={view} onBook={setBook} onReload={reload} />
      <Projects view={view} filter={filter} sort={sort} onFilter={setFilter} onSort={setSort} />
    </main>
  );
}

function Projects({
  view,
  filter,
  sort,
  onFilter,
  onSort,
}: {
  view: PortfolioView;
  filter: PortfolioFilter;
  sort: PortfolioSort;
  onFilter: (f: PortfolioFilter) => void;
  onSort: (s: PortfolioSort) => void;
}) {
  const rows = useMemo(() => arrange(view.rows, filter, sort, view.today), [view, filter, sort]);
  return (
    <section className="pv-section" aria-labelledby="pf-projects">
      <div className="pv-section-head">
        <h2 id="pf-projects">{t('Projects')}</h2>
        <div className="pv-pf-controls">
          <SelectField name="filter" label={t('Show')} value={filter} onChange={(v) => onFilter(v as PortfolioFilter)} options={PORTFOLIO_FILTERS.map((f) => ({ value: f, label: FILTER_LABEL[f]() }))} />
          <SelectField name="sort" label={t('Sort by')} value={sort} onChange={(v) => onSort(v as PortfolioSort)} options={PORTFOLIO_SORTS.map((s) => ({ value: s, label: SORT_LABEL[s]() }))} />
        </div>
      </div>
      <p className="pv-small pv-muted" aria-live="polite" data-testid="pf-count">
        {t('{shown} of {total} projects', { shown: rows.length, total: view.rows.length })}
      </p>
      {view.rows.length === 0 ? (
        <EmptyState title={t('No projects to show yet')}>
          <p>{t('A project appears here once its admins start its vision or goals, and only if you may browse it.')}</p>
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title={t('No project matches this filter')} />
      ) : (
        <div className="pv-pf-scroll">
          <table className="pv-pf-table">
            <caption className="pv-sr-only">{t('Projects that use Product Vision')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Project')}</th>
                <th scope="col">{t('Vision')}</th>
                <th scope="col">{t('Review')}</th>
                <th scope="col">{t('Epics aligned')}</th>
                <th scope="col">{t('KPIs')}</th>
                <th scope="col">{t('Latest verdict')}</th>
                <th scope="col">{t('Newest feedback')}</th>
                <th scope="col">{t('Guided start')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row key={r.projectId} row={r} today={view.today} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Row({ row, today }: { row: PortfolioRow & { href: string }; today: string }) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    // The app runs in a frame: Jira's router opens the project page.
    e.preventDefault();
    void openPath(row.href, e.ctrlKey || e.metaKey || e.button === 1);
  };
  const overdue = isReviewOverdue(row, today);
  const stale = feedbackStale(row, today);
  return (
    <tr>
      <th scope="row">
        <a href={row.href} onClick={follow} onAuxClick={follow} aria-label={t('Open the product vision of {key}', { key: row.projectKey })}>
          {row.projectKey}
        </a>
      </th>
      <td>{row.visionVersion === null ? <span className="pv-muted">{t('Not published')}</span> : t('Version {n}', { n: row.visionVersion })}</td>
      <td>
        {row.reviewDueOn === null ? (
          <span className="pv-muted">—</span>
        ) : overdue ? (
          <span className="pv-pf-flag pv-pf-flag--danger">{t('Overdue since {date}', { date: formatDate(row.reviewDueOn) })}</span>
        ) : (
          t('Due {date}', { date: formatDate(row.reviewDueOn) })
        )}
      </td>
      <td>
        {row.alignedPercent === null ? (
          <span className="pv-muted">{t('Not counted yet')}</span>
        ) : (
          <span className={row.alignedPercent < 60 ? 'pv-pf-flag pv-pf-flag--warning' : undefined}>
            {t('{percent}% of {epics}', { percent: row.alignedPercent, epics: row.epics ?? 0 })}
          </span>
        )}
      </td>
      <td>
        <span className="pv-pf-kpis">
          <span>{t('{n} on track', { n: row.kpis.onTrack })}</span>
          <span className={row.kpis.offTrack > 0 ? 'pv-pf-flag pv-pf-flag--danger' : undefined}>{t('{n} off', { n: row.kpis.offTrack })}</span>
          <span className="pv-muted">{t('{n} no data', { n: row.kpis.noData })}</span>
        </span>
      </td>
      <td>{row.verdict ? <span className={`pv-pf-tone pv-pf-tone--${row.verdict.tone}`}>{highlightVerdict(row.verdict.verdict)}</span> : <span className="pv-muted">—</span>}</td>
      <td>
        {row.newestFeedbackAt === null ? (
          <span className="pv-pf-flag pv-pf-flag--warning">{t('None yet')}</span>
        ) : (
          <span className={stale ? 'pv-pf-flag pv-pf-flag--warning' : undefined}>{formatDate(row.newestFeedbackAt)}</span>
        )}
      </td>
      <td>{row.guidedStart ? t('{done} of {of} steps', { done: row.guidedStart.done, of: row.guidedStart.of }) : <span className="pv-muted">—</span>}</td>
    </tr>
  );
}
