import type { GoalBook } from '../../contract';
import { SUMMARY_BUDGET_CHARS } from '../../contract/vision/publishing';
import { readFigures } from '../../contract/vision/summary-schema';
import { buildCurrentFigures, figuresToShow } from './current-figures';

const goal = (i: number) => ({ id: `g${i}`, title: `Goal ${i} ${'x'.repeat(400)}`, description: '', ownerAccountId: 'maya', status: 'active' as const, targetDate: null, createdAt: 'x', createdBy: 'maya' });
const kpi = (g: number, k: number) => ({ id: `k${g}-${k}`, goalId: `g${g}`, name: `KPI ${k} ${'y'.repeat(400)}`, unit: 'calls', direction: 'decrease' as const, baseline: 1200, target: 600, bandLow: null, bandHigh: null });
const book = (goals: number, kpis: number): GoalBook => ({
  revision: 1,
  updatedBy: 'maya',
  updatedAt: '2026-01-01T00:00:00Z',
  goals: Array.from({ length: goals }, (_, i) => goal(i)),
  kpis: Array.from({ length: goals }, (_, g) => Array.from({ length: kpis }, (_, k) => kpi(g, k))).flat(),
});
const highlights = {
  coverage: { epics: 8, aligned: 6, coverage: 0.75, asOf: '2026-03-04T10:00:00.000Z', epicName: 'Feature' },
  kpiCurrent: { 'k0-0': { value: 950, at: '2026-03-04' } },
  latestIteration: { name: '+30 days', verdict: 'Worked', tone: 'success' as const, summary: 'Calls fell.', at: '2026-03-01' },
};

it('holds current goals, KPI values and status, coverage and the verdict, readable back', () => {
  const f = buildCurrentFigures(book(1, 1), highlights, '2026-03-04T10:01:00.000Z');
  expect(f).toMatchObject({ schema: 1, asOf: '2026-03-04T10:01:00.000Z', truncated: false, coverage: highlights.coverage, latestIteration: { verdict: 'Worked' } });
  expect(f.goals[0]!.kpis[0]).toMatchObject({ current: { value: 950 }, status: 'on-track' });
  expect(readFigures(JSON.parse(JSON.stringify(f)))).toEqual(f);
  expect(readFigures({ schema: 2 })).toBeNull();
  expect(readFigures(undefined)).toBeNull();
});

it("stays under Jira's property size, shortening what it must", () => {
  const f = buildCurrentFigures(book(30, 10), highlights, 'T');
  expect(JSON.stringify(f).length).toBeLessThanOrEqual(SUMMARY_BUDGET_CHARS);
  expect(f.truncated).toBe(true);
  expect(f.coverage).toEqual(highlights.coverage);
});

it('the macro shows them only when they are at least as new as the published summary', () => {
  const f = buildCurrentFigures(book(1, 1), highlights, '2026-03-04T10:01:00.000Z');
  expect(figuresToShow(f, '2026-03-04T10:00:00.000Z')).toBe(f);
  expect(figuresToShow(f, '2026-03-04T10:02:00.000Z')).toBeNull();
  expect(figuresToShow(null, '2026-03-04T10:00:00.000Z')).toBeNull();
});
