/**
 * Coverage over time as a small line chart: inline SVG, token colours (readable light and dark), no
 * chart library. The same numbers are in a table inside a <details>, for screen readers and for anyone
 * who wants the figures.
 */
import { useId } from 'react';
import { formatDay, percent } from '../features/alignment/alignment-text';
import { t } from './i18n';

export interface TrendPoint {
  date: string;
  coverage: number | null;
}

const W = 600;
const H = 128;

/** Polylines of the chart, split where a day has no figure. Exported for tests. */
export function trendSegments(points: readonly TrendPoint[]): Array<Array<[number, number]>> {
  // x follows the calendar (days without a snapshot leave a longer step), falling back to the index.
  const days = points.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 864e5);
  const byDate = days.every((d, i) => Number.isFinite(d) && (i === 0 || d > days[i - 1]));
  const span = byDate ? days[days.length - 1] - days[0] : points.length - 1;
  const segments: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  points.forEach((p, i) => {
    if (p.coverage === null || !Number.isFinite(p.coverage)) {
      if (current.length) segments.push(current);
      current = [];
      return;
    }
    const x = span <= 0 ? W / 2 : ((byDate ? days[i] - days[0] : i) / span) * W;
    const y = H - Math.min(1, Math.max(0, p.coverage)) * H;
    current.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
  });
  if (current.length) segments.push(current);
  return segments;
}

export function TrendChart({ points, title: titled }: { points: readonly TrendPoint[]; title?: string }) {
  const title = titled ?? t('Coverage trend');
  const id = useId();
  const known = points.filter((p) => p.coverage !== null);
  if (known.length < 2) {
    return <p className="pv-small pv-muted">{t('The trend appears once there are two daily snapshots.')}</p>;
  }
  const segments = trendSegments(points);
  const last = known[known.length - 1];
  const first = known[0];
  const path = (seg: Array<[number, number]>) => seg.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join('');

  return (
    <figure className="pv-stack pv-trend" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="pv-small pv-muted">
        {t('{title}: {coverage} on {date}, {coverage2} on {date2}.', { title, coverage: percent(first.coverage), date: formatDay(first.date), coverage2: percent(last.coverage), date2: formatDay(last.date) })}
      </figcaption>
      <div className="pv-chart" aria-hidden="true">
        <div className="pv-chart-y">
          <span>100%</span>
          <span>50%</span>
          <span>0%</span>
        </div>
        <div className="pv-chart-plot">
          <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" focusable="false">
            {[0, H / 2, H].map((y) => (
              <line key={y} className="pv-chart-grid" x1="0" x2={W} y1={y} y2={y} vectorEffect="non-scaling-stroke" />
            ))}
            {segments
              .filter((s) => s.length > 1)
              .map((s, i) => (
                <path key={`a${i}`} className="pv-chart-area" d={`${path(s)}L${s[s.length - 1][0]} ${H}L${s[0][0]} ${H}Z`} />
              ))}
            {segments.map((s, i) => (
              <path key={`l${i}`} className="pv-chart-line" d={s.length > 1 ? path(s) : `M${s[0][0]} ${s[0][1]}h0.1`} vectorEffect="non-scaling-stroke" />
            ))}
            {/* A zero-length stroke with round caps and a non-scaling stroke stays a round dot however the
                chart is stretched. */}
            <path
              className="pv-chart-dot"
              d={`M${segments[segments.length - 1].slice(-1)[0].join(' ')}h0.01`}
              vectorEffect="non-scaling-stroke"
            />
          </svg>
        </div>
        <div className="pv-chart-x">
          <span>{formatDay(points[0].date)}</span>
          <span>{formatDay(points[points.length - 1].date)}</span>
        </div>
      </div>
      <details className="pv-details pv-details--plain">
        <summary>{t('Show the figures')}</summary>
        <div className="pv-details-body">
          <table className="pv-table">
            <caption className="pv-sr-only">{t('{title}, one row a day', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Date')}</th>
                <th scope="col">{t('Coverage')}</th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((p) => (
                <tr key={p.date}>
                  <td>{formatDay(p.date)}</td>
                  <td>{p.coverage === null ? t('no epics') : percent(p.coverage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
