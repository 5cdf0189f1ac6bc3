/**
 * A KPI's trend in plain SVG: its daily values, the baseline and the target (or band), launch markers and
 * iteration windows. Colours are design tokens (readable light and dark). The picture is `aria-hidden`:
 * its caption says what it shows and the same figures are in a table (see KpiTrend).
 */
import type { Kpi } from '../../../src/contract/goals/model';
import type { ChartMarkers, ChartPoint, SourceSwitch } from '../../../src/contract/post-launch/post-launch';
import { formatDate, formatNumber, withUnit, counted } from '../../shared/format';
import { t, uiLocale } from '../../shared/i18n';
import { iterationLabel } from '../../shared/iteration-label';

/** A window's label cut to the characters its width holds (about six pixels each), with an ellipsis. */
const shortened = (label: string, fits: number): string => (label.length > fits ? `${label.slice(0, Math.max(1, fits - 1))}…` : label);

export const W = 640;
export const H = 240;
const M = { l: 60, r: 14, t: 24, b: 24 };
const DAY = 86_400_000;

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A step of 1, 2 or 5 × 10^n that cuts `span` into about `parts`. */
export function niceStep(span: number, parts = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / parts;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
}

export interface ChartInput {
  kpi: Kpi;
  points: readonly ChartPoint[];
  markers: ChartMarkers;
  today: string;
  /** First day shown (the first loaded year). */
  from: string;
  currentIterationId?: string | null;
  /** Changes of how the KPI is measured: a marker each. */
  switches?: readonly SourceSwitch[];
}

/** Scales and shapes of the chart; pure, exported for tests. */
export function chartGeometry({ kpi, points, markers, today, from, switches = [] }: ChartInput) {
  const x0 = ms(points.length && points[0]!.date < from ? points[0]!.date : from);
  const lastEnd = markers.iterations.filter((i) => ms(i.end) >= x0).reduce((m, i) => Math.max(m, ms(i.end)), 0);
  const x1 = Math.max(ms(today), points.length ? ms(points[points.length - 1]!.date) : 0, Math.min(lastEnd, ms(today) + 120 * DAY)) + DAY;
  const refs = kpi.direction === 'band' ? [kpi.bandLow, kpi.bandHigh] : [kpi.target];
  // Outliers do not stretch the scale (one typo would flatten everything else); they sit at its edge.
  const usual = points.filter((p) => !p.outlier);
  const values = [...usual.map((p) => p.value), kpi.baseline, ...refs.filter((v): v is number => v !== null)];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const x = (t: number) => M.l + ((t - x0) / (x1 - x0)) * (W - M.l - M.r);
  const y = (v: number) => M.t + (1 - (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (H - M.t - M.b);
  const yTicks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) yTicks.push(Number(v.toPrecision(12)));
  // Month starts, thinned to at most 7 labels.
  const months: number[] = [];
  const d = new Date(x0);
  for (let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); t < x1; ) {
    months.push(t);
    const n = new Date(t);
    t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1);
  }
  const every = Math.max(1, Math.ceil(months.length / 7));
  const xTicks = months.filter((_, i) => i % every === 0);
  const line = usual.map((p, i) => `${i ? 'L' : 'M'}${x(ms(p.date)).toFixed(1)} ${y(p.value).toFixed(1)}`).join('');
  const within = (t: number) => t >= x0 && t <= x1;
  return {
    x,
    y,
    xTicks,
    yTicks,
    line,
    windows: markers.iterations
      .filter((i) => ms(i.end) + DAY > x0 && ms(i.start) < x1)
      .map((i) => ({ ...i, x: x(Math.max(ms(i.start), x0)), w: x(Math.min(ms(i.end) + DAY, x1)) - x(Math.max(ms(i.start), x0)) })),
    launches: markers.launches.filter((l) => within(ms(l.date))).map((l) => ({ ...l, x: x(ms(l.date)) })),
    switches: switches.filter((s) => within(ms(s.date))).map((s) => ({ ...s, x: x(ms(s.date)) })),
    top: M.t,
    bottom: H - M.b,
    left: M.l,
    right: W - M.r,
  };
}

const monthLabel = (t: number, withYear: boolean) =>
  new Date(t).toLocaleDateString(uiLocale(), { month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });

export function KpiChartSvg(input: ChartInput) {
  const { kpi, points, currentIterationId } = input;
  const g = chartGeometry(input);
  const ref = (v: number | null, cls: 'target' | 'baseline', label: string) =>
    v === null ? null : (
      <g>
        <line className={`pl-chart-${cls}`} x1={g.left} x2={g.right} y1={g.y(v)} y2={g.y(v)} />
        <text className={`pl-chart-${cls}-label`} x={g.right - 4} y={g.y(v) - 4} textAnchor="end">
          {label} {withUnit(v, kpi.unit)}
        </text>
      </g>
    );
  const dots = points.length <= 120 ? points : [...points.filter((p) => p.outlier), ...points.slice(-1)];
  return (
    <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      {g.windows.map((w) => (
        <g key={w.id}>
          <rect className={`pl-chart-window${w.id === currentIterationId ? ' pl-chart-window--current' : ''}`} x={w.x} y={g.top} width={Math.max(w.w, 1)} height={g.bottom - g.top} />
          {w.w > 36 ? (
            <text x={w.x + 3} y={g.top + 11}>
              {shortened(iterationLabel(w.name), Math.floor(w.w / 6))}
            </text>
          ) : null}
        </g>
      ))}
      {g.yTicks.map((v) => (
        <g key={v}>
          <line className="pl-chart-grid" x1={g.left} x2={g.right} y1={g.y(v)} y2={g.y(v)} />
          <text x={g.left - 6} y={g.y(v) + 4} textAnchor="end">
            {formatNumber(v)}
          </text>
        </g>
      ))}
      {g.xTicks.map((t, i) => (
        <text key={t} x={g.x(t)} y={H - 6} textAnchor="middle">
          {monthLabel(t, i === 0 || new Date(t).getUTCMonth() === 0)}
        </text>
      ))}
      {kpi.direction === 'band' && kpi.bandLow !== null && kpi.bandHigh !== null ? (
        <g>
          <rect className="pl-chart-band" x={g.left} width={g.right - g.left} y={g.y(kpi.bandHigh)} height={Math.max(1, g.y(kpi.bandLow) - g.y(kpi.bandHigh))} />
          <text className="pl-chart-target-label" x={g.right - 4} y={g.y(kpi.bandHigh) - 4} textAnchor="end">
            {t('Band {bandLow} – {bandHigh}', { bandLow: withUnit(kpi.bandLow, kpi.unit), bandHigh: withUnit(kpi.bandHigh, kpi.unit) })}
          </text>
        </g>
      ) : (
        ref(kpi.target, 'target', t('Target'))
      )}
      {ref(kpi.baseline, 'baseline', t('Baseline'))}
      {g.launches.map((l) => (
        <g key={l.id}>
          <line className="pl-chart-launch" x1={l.x} x2={l.x} y1={g.top - 14} y2={g.bottom} />
          <text className="pl-chart-launch-label" x={l.x + 4} y={g.top - 5}>
            {l.name}
          </text>
        </g>
      ))}
      {g.switches.map((s) => (
        <g key={s.date}>
          <line className="pl-chart-switch" x1={s.x} x2={s.x} y1={g.top} y2={g.bottom} />
          <text className="pl-chart-switch-label" x={s.x > g.right - 60 ? s.x - 4 : s.x + 4} y={g.bottom - 4} textAnchor={s.x > g.right - 60 ? 'end' : 'start'}>
            {s.to === 'jql' ? t('By JQL') : t('By hand')}
          </text>
        </g>
      ))}
      {points.length > 1 ? <path className="pl-chart-line" d={g.line} /> : null}
      {dots.map((p) => (
        <circle
          key={p.date}
          className={`pl-chart-dot${p.source === 'jql' ? ' pl-chart-dot--jql' : ''}${p.outlier ? ` pl-chart-dot--outlier pl-chart-dot--${p.outlier}` : ''}`}
          cx={g.x(ms(p.date))}
          cy={g.y(p.value)}
          r={p.outlier ? 5 : 3.5}
        />
      ))}
    </svg>
  );
}

/** One sentence for the figure's caption. */
export function chartCaption(kpi: Kpi, points: readonly ChartPoint[]): string {
  if (points.length === 0) return t('{name}: no measurements in these years yet.', { name: kpi.name });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const aim =
    kpi.direction === 'band'
      ? t('keep within {bandLow} – {bandHigh}', { bandLow: withUnit(kpi.bandLow, kpi.unit), bandHigh: withUnit(kpi.bandHigh, kpi.unit) })
      : t('target {target}', { target: withUnit(kpi.target, kpi.unit) });
  return t('{name}: {length} from {date} to {date2}; latest {withUnit} on {date3}; baseline {baseline}, {aim}.', { name: kpi.name, length: counted(points.length, t('{n} measurement'), t('{n} measurements')), date: formatDate(first.date), date2: formatDate(last.date), withUnit: withUnit(last.value, kpi.unit), date3: formatDate(last.date), baseline: withUnit(kpi.baseline, kpi.unit), aim });
}
