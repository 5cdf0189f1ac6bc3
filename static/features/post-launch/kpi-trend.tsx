/**
 * A KPI's trend: pick a KPI, see its chart (this year and last; older years page in on demand) and the
 * same figures as a table, where each day's revisions (who, when) open on request.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { Kpi } from '../../../src/contract/goals/model';
import type { ChartPoint, KpiChart, MeasurementDetail } from '../../../src/contract/post-launch/post-launch';
import type { AppError, Result } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { SelectField } from '../../shared/field';
import { formatDate, formatDateTime, quoted, withUnit } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button } from '../../shared/ui';
import { useResource } from '../../shared/use-resource';
import { chartCaption, KpiChartSvg } from './kpi-chart';
import { useAction } from './use-action';
import { t, uiLocale } from '../../shared/i18n';
import { iterationLabel } from '../../shared/iteration-label';

/** The chart and the older years paged into it. */
type Trend = { chart: KpiChart; older: number[] };

const trendOf = (r: Result<KpiChart>): Result<Trend> => (r.ok ? { ok: true, data: { chart: r.data, older: [] } } : r);

export function KpiTrend({
  kpis,
  refreshKey,
  canEdit,
  currentIterationId,
  onChanged,
}: {
  kpis: readonly Kpi[];
  /** Bumped when measurements change elsewhere on the page. */
  refreshKey: number;
  canEdit: boolean;
  currentIterationId: string | null;
  onChanged: () => void;
}) {
  const [kpiId, setKpiId] = useState(kpis[0]?.id ?? '');
  const [more, setMore] = useState<{ busy: boolean; error: AppError | null }>({ busy: false, error: null });
  const id = useId();

  const fetchTrend = useMemo(() => (kpiId ? () => call('kpi/chart', { kpiId }).then(trendOf) : null), [kpiId]);
  const { state, reload: load, patch } = useResource(fetchTrend, { key: refreshKey });
  useEffect(() => {
    if (!kpis.some((k) => k.id === kpiId)) setKpiId(kpis[0]?.id ?? '');
  }, [kpis, kpiId]);

  async function loadEarlier(chart: KpiChart, older: number[]) {
    const year = (older.length ? Math.min(...older) : Math.min(...chart.years)) - 1;
    setMore({ busy: true, error: null });
    const r = await call('kpi/chart-year', { kpiId: chart.kpi.id, year });
    setMore({ busy: false, error: r.ok ? null : r.error });
    if (!r.ok) return;
    patch((t) =>
      t.chart.kpi.id === chart.kpi.id
        ? {
            older: [...t.older, year],
            chart: { ...t.chart, points: [...r.data.points, ...t.chart.points], switches: [...(r.data.switches ?? []), ...(t.chart.switches ?? [])] },
          }
        : t,
    );
  }

  return (
    <section className="pl-card" aria-labelledby={`${id}-t`}>
      <div className="pl-head">
        <h3 id={`${id}-t`}>{t('KPI trend')}</h3>
      </div>
      <div className="pl-bar">
        <SelectField name="trendKpi" label={t('KPI')} value={kpiId} onChange={setKpiId} options={kpis.map((k) => ({ value: k.id, label: k.name }))} />
      </div>
      {state.status === 'loading' ? <p className="pv-muted" role="status">{t('Loading the trend…')}</p> : null}
      {state.status === 'error' ? <ErrorBanner error={state.error} onRetry={load} /> : null}
      {state.status === 'ready' ? (
        <TrendBody
          chart={state.data.chart}
          from={`${Math.min(...state.data.chart.years, ...state.data.older)}-01-01`}
          canLoadEarlier={state.data.chart.earliestYear !== null && state.data.chart.earliestYear < Math.min(...state.data.chart.years, ...state.data.older)}
          onEarlier={() => void loadEarlier(state.data.chart, state.data.older)}
          more={more}
          canEdit={canEdit}
          currentIterationId={currentIterationId}
          onChanged={() => {
            load();
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

function TrendBody({
  chart,
  from,
  canLoadEarlier,
  onEarlier,
  more,
  canEdit,
  currentIterationId,
  onChanged,
}: {
  chart: KpiChart;
  from: string;
  canLoadEarlier: boolean;
  onEarlier: () => void;
  more: { busy: boolean; error: AppError | null };
  canEdit: boolean;
  currentIterationId: string | null;
  onChanged: () => void;
}) {
  const [day, setDay] = useState<string | null>(null);
  const { kpi, points } = chart;
  const earlier = Math.min(...chart.years) - 1;
  return (
    <figure className="pl-chart">
      <figcaption className="pv-small pv-muted">{chartCaption(kpi, points)}</figcaption>
      <KpiChartSvg kpi={kpi} points={points} markers={chart.markers} today={chart.today} from={from} currentIterationId={currentIterationId} switches={chart.switches} />
      <ul className="pl-legend" aria-hidden="true">
        <li>
          <span className="pl-swatch" /> {t('Measured (filled dots: counted by JQL)')}
        </li>
        <li>
          <span className="pl-swatch pl-swatch--baseline" /> {t('Baseline')}
        </li>
        <li>
          <span className="pl-swatch pl-swatch--target" /> {kpi.direction === 'band' ? t('Band') : t('Target')}
        </li>
        <li>
          <span className="pl-swatch pl-swatch--launch" /> {t('Launch')}
        </li>
        <li>
          <span className="pl-swatch pl-swatch--window" /> {t('Iteration')}
        </li>
        {points.some((p) => p.outlier) ? <li>{t('Ringed: outliers (dashed: unconfirmed, not in verdicts)')}</li> : null}
      </ul>
      <div className="pv-row">
        {canLoadEarlier ? (
          <Button small busy={more.busy} onClick={onEarlier}>
            {more.busy ? t('Loading…') : t('Show {earlier} and before, a year at a time', { earlier })}
          </Button>
        ) : null}
      </div>
      {more.error ? <ErrorBanner error={more.error} onRetry={onEarlier} /> : null}
      <details className="pv-details">
        <summary>{t('Show the figures ({length})', { length: points.length.toLocaleString(uiLocale()) })}</summary>
        <div className="pv-details-body pl-table-wrap">
          <table className="pl-table">
            <caption>{t('{name}, newest first', { name: kpi.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Date')}</th>
                <th scope="col" className="pl-num">
                  {t('Value')}
                </th>
                <th scope="col">{t('Source')}</th>
                <th scope="col">
                  <span className="pv-sr-only">{t('History')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((p) => (
                <tr key={p.date}>
                  <td>{formatDate(p.date)}</td>
                  <td className="pl-num">{withUnit(p.value, kpi.unit)}</td>
                  <td>
                    {p.source === 'jql' ? t('JQL count') : p.hasNote ? t('Entered, with a note') : t('Entered')}
                    {p.outlier === 'confirmed' ? t(' · confirmed outlier') : p.outlier === 'unconfirmed' ? t(' · unconfirmed outlier') : ''}
                  </td>
                  <td>
                    <button type="button" className="pv-link-btn" aria-expanded={day === p.date} aria-label={day === p.date ? t('Hide who and when for {date}', { date: formatDate(p.date) }) : t('Who and when for {date}', { date: formatDate(p.date) })} onClick={() => setDay(day === p.date ? null : p.date)}>
                      {day === p.date ? t('Hide') : t('Who and when')}
                    </button>
                    {day === p.date ? <DayHistory kpi={kpi} point={p} canEdit={canEdit} onChanged={onChanged} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <MarkerList chart={chart} />
        </div>
      </details>
    </figure>
  );
}

function MarkerList({ chart }: { chart: KpiChart }) {
  if (chart.markers.launches.length === 0 && !chart.switches?.length) return null;
  return (
    <ul className="pv-small pv-muted">
      {(chart.switches ?? []).map((s) => (
        <li key={`sw-${s.date}`}>
          {s.to === 'jql' ? t('Measured by JQL from {date} (verdicts do not compare across it)', { date: formatDate(s.date) }) : t('Measured by hand from {date} (verdicts do not compare across it)', { date: formatDate(s.date) })}
        </li>
      ))}
      {chart.markers.launches.map((l) => (
        <li key={l.id}>
          {t('Launch “{name}” on {date}', { name: l.name, date: formatDate(l.date) })}
          {chart.markers.iterations
            .filter((i) => i.launchId === l.id)
            .map((i) => `; ${quoted(iterationLabel(i.name))} ${formatDate(i.start)} – ${formatDate(i.end)}`)
            .join('')}
        </li>
      ))}
    </ul>
  );
}

function DayHistory({ kpi, point, canEdit, onChanged }: { kpi: Kpi; point: ChartPoint; canEdit: boolean; onChanged: () => void }) {
  const [detail, setDetail] = useState<MeasurementDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const del = useAction();
  const load = useCallback(() => {
    setError(null);
    void call('kpi/measurement', { kpiId: kpi.id, date: point.date }).then((r) => (r.ok ? setDetail(r.data) : setError(r.error)));
  }, [kpi.id, point.date]);
  useEffect(load, [load]);
  if (error) return <ErrorBanner error={error} onRetry={load} />;
  if (!detail) return <p className="pv-small pv-muted">{t('Loading…')}</p>;
  const names = new Map(detail.people.map((p) => [p.accountId, p.displayName]));
  const current = detail.current;
  return (
    <div className="pv-stack">
      <ol className="pl-list">
        {detail.history.map((m) => (
          <li key={m.revision}>
            <span>
              {m.action === 'deleted' ? t('Deleted') : `${m.action === 'created' ? t('Entered') : t('Changed to')} ${withUnit(m.value, kpi.unit)}`}
              {m.note ? ` — ${quoted(m.note)}` : ''}
            </span>
            <span className="pl-meta">
              {m.by ? (names.get(m.by) ?? t('Unknown user')) : t('Counted by the daily JQL measurement')} · {formatDateTime(m.at)}
            </span>
          </li>
        ))}
      </ol>
      {canEdit && current && current.value !== null ? (
        <div className="pv-row">
          {current.outlier === 'unconfirmed' ? (
            <Button
              small
              busy={del.busy}
              onClick={() =>
                void del.run(() => call('kpi/confirm-outlier', { kpiId: kpi.id, date: point.date, baseRevision: current.revision })).then((r) => r.ok && onChanged())
              }
            >
              {t('Confirm this value')}
            </Button>
          ) : null}
          <Button
            small
            appearance="danger"
            busy={del.busy}
            onClick={() =>
              void del.run(() => call('kpi/unmeasure', { kpiId: kpi.id, date: point.date, baseRevision: current.revision })).then((r) => r.ok && onChanged())
            }
          >
            {del.busy ? t('Deleting…') : t('Delete this value')}
          </Button>
        </div>
      ) : null}
      {del.error ? <ErrorBanner error={del.error} onDismiss={del.clear} /> : null}
    </div>
  );
}
