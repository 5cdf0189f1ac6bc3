import fc from 'fast-check';
import { mergeTrend, newestFirstDate, trendForReport, TREND_CAP, utcDate, type TrendPoint } from './alignment-trend';

it('adds a day, replaces the same day, keeps dates in order', () => {
  let t: TrendPoint[] = [];
  t = mergeTrend(t, '2026-01-02', 0.5);
  t = mergeTrend(t, '2026-01-01', 0.4);
  t = mergeTrend(t, '2026-01-02', 0.55555);
  expect(t).toEqual([['2026-01-01', 0.4], ['2026-01-02', 0.5556]]);
});

it('keeps at most the cap, dropping the oldest; the report shows the last 90', () => {
  const day = (i: number) => utcDate(new Date(Date.UTC(2025, 0, 1) + i * 86_400_000));
  let t: TrendPoint[] = [];
  for (let i = 0; i < TREND_CAP + 10; i++) t = mergeTrend(t, day(i), i % 2 ? null : 0.5);
  expect(t).toHaveLength(TREND_CAP);
  expect(t[0]![0]).toBe(day(10));
  const shown = trendForReport(t);
  expect(shown).toHaveLength(90);
  expect(shown.at(-1)).toEqual({ date: day(TREND_CAP + 9), coverage: null });
});

it('stays sorted, unique and capped whatever the order of days', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 80 }), (days) => {
      let t: TrendPoint[] = [];
      for (const [d, c] of days) t = mergeTrend(t, utcDate(new Date(Date.UTC(2026, 0, 1 + d))), c, 30);
      const dates = t.map(([d]) => d);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(t.length).toBeLessThanOrEqual(30);
    }),
  );
});

it('makes date keys that sort newest first', () => {
  expect(newestFirstDate('2026-03-04')).toBe('79739695');
  expect(newestFirstDate('2026-03-05') < newestFirstDate('2026-03-04')).toBe(true);
});
