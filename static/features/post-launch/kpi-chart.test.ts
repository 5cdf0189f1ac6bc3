import type { Kpi } from '../../../src/contract/goals/model';
import { chartCaption, chartGeometry, H, niceStep, W } from './kpi-chart';

const KPI: Kpi = { id: 'k', goalId: 'g', name: 'Support calls', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null };
const markers = {
  launches: [{ id: 'l', name: 'Portal 1.0', date: '2025-06-30' }],
  iterations: [{ launchId: 'l', id: 'i', name: '+30 days', start: '2025-07-01', end: '2025-07-30' }],
};

it('picks round steps', () => {
  expect([niceStep(600), niceStep(7), niceStep(0.3), niceStep(0)]).toEqual([200, 2, 0.1, 1]);
});

it('keeps every shape inside the picture, baseline and target included in the scale', () => {
  const points = [
    { date: '2025-06-20', value: 1250, source: 'manual' as const, hasNote: false },
    { date: '2025-07-20', value: 1100, source: 'jql' as const, hasNote: false },
  ];
  const g = chartGeometry({ kpi: KPI, points, markers, today: '2025-08-20', from: '2024-01-01' });
  for (const v of [600, 1200, 1250]) expect(g.y(v)).toBeGreaterThanOrEqual(g.top - 0.001);
  expect(g.y(600)).toBeLessThanOrEqual(g.bottom + 0.001);
  expect(g.yTicks[0]).toBeLessThanOrEqual(600);
  expect(g.yTicks[g.yTicks.length - 1]).toBeGreaterThanOrEqual(1250);
  expect(g.line).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  expect(g.launches).toHaveLength(1);
  expect(g.windows[0]!.w).toBeGreaterThan(0);
  for (const x of [g.launches[0]!.x, g.windows[0]!.x]) {
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(W);
  }
  expect(H).toBeGreaterThan(g.bottom);
});

it('says what the chart shows in one sentence', () => {
  expect(chartCaption(KPI, [])).toBe('Support calls: no measurements in these years yet.');
  expect(chartCaption(KPI, [{ date: '2025-07-20', value: 1100, source: 'manual', hasNote: false }])).toMatch(/^Support calls: 1 measurement from .* latest 1,100 calls .* target 600 calls\.$/);
});

it('keeps outliers from stretching the scale, pins them to its edge, leaves them off the line, and places source switches', () => {
  const points = [
    { date: '2025-07-10', value: 1150, source: 'manual' as const, hasNote: false },
    { date: '2025-07-20', value: -99_999_999_999, source: 'manual' as const, hasNote: false, outlier: 'confirmed' as const },
    { date: '2025-08-20', value: 2, source: 'jql' as const, hasNote: false },
  ];
  const switches = [{ date: '2025-08-20', to: 'jql' as const }, { date: '2019-01-01', to: 'manual' as const }];
  const g = chartGeometry({ kpi: KPI, points, markers, today: '2025-08-20', from: '2024-01-01', switches });
  expect(g.yTicks[0]).toBeGreaterThanOrEqual(0); // the scale spans 2 … 1,200, not −10^11
  expect(g.y(-99_999_999_999)).toBe(g.bottom);
  expect(g.line.split('L')).toHaveLength(2);
  expect(g.switches.map((s) => s.date)).toEqual(['2025-08-20']); // the 2019 one is outside the picture
  expect(g.switches[0]!.x).toBeLessThanOrEqual(g.right);
});
