/** Which numbers a KPI can hold, and which measurements are outliers: the boundaries, one by one. */
import type { KpiFields } from '../../contract/goals/model';
import { kpiFieldsSchema } from '../../contract/shared/schemas';
import { measureSchema } from '../../contract/post-launch/post-launch-schemas';
import { kpiIssues } from './goal-book';
import { isOutlier, isPercentUnit, kpiSpanRange, kpiValueIssues, outlierReach, valueIssue } from './plausible-values';

const kpi = (over: Partial<KpiFields> = {}): KpiFields => ({
  goalId: 'g1',
  name: 'Calls',
  unit: 'calls',
  direction: 'increase',
  baseline: 0,
  target: 10,
  bandLow: null,
  bandHigh: null,
  ...over,
});

describe('the absolute limit, |x| ≤ 10^12', () => {
  it('takes exactly 10^12 either way and refuses just over, infinities and NaN', () => {
    const k = kpi();
    expect(valueIssue(k, 1e12, 'Value')).toBeNull();
    expect(valueIssue(k, -1e12, 'Value')).toBeNull();
    expect(valueIssue(k, 1e12 + 1, 'Value')).toMatch(/Value must be a number between/);
    expect(valueIssue(k, -1e12 - 1, 'Value')).toMatch(/between −1,000,000,000,000 and 1,000,000,000,000/);
    expect(valueIssue(k, Number.POSITIVE_INFINITY, 'Value')).not.toBeNull();
    expect(valueIssue(k, Number.NaN, 'Value')).not.toBeNull();
  });

  it('is the schemas’ rule too: a target of 1e308 or a measurement of 1e12 + 1 is a field error', () => {
    const parsed = kpiFieldsSchema.safeParse({ ...kpi(), target: 1e308 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['target', 'Target must be a number between −1,000,000,000,000 and 1,000,000,000,000.'],
    ]);
    expect(kpiFieldsSchema.safeParse({ ...kpi(), baseline: -1e12, target: 1e12 }).success).toBe(true);
    const m = { kpiId: 'k1', date: '2025-07-01', note: '', baseRevision: 0 };
    expect(measureSchema.safeParse({ ...m, value: 1e12 }).success).toBe(true);
    expect(measureSchema.safeParse({ ...m, value: 1e12 + 1 }).error?.issues[0]?.path).toEqual(['value']);
    expect(measureSchema.safeParse({ ...m, value: 5, confirmed: 'yes' }).success).toBe(false);
  });
});

describe('percent KPIs', () => {
  it('knows a percent unit', () => {
    expect(['%', ' % ', 'percent', 'Per cent', 'PCT'].map(isPercentUnit)).toEqual([true, true, true, true, true]);
    expect(['', 'calls', '%pts', 'ms'].map(isPercentUnit)).toEqual([false, false, false, false]);
  });

  it('holds 0–100 (both ends included) unless the admin allows any percent', () => {
    const pct = kpi({ unit: '%' });
    expect(valueIssue(pct, 0, 'Value')).toBeNull();
    expect(valueIssue(pct, 100, 'Value')).toBeNull();
    expect(valueIssue(pct, 100.01, 'Value')).toMatch(/between 0 and 100 for a percent KPI/);
    expect(valueIssue(pct, -0.5, 'Value')).toMatch(/between 0 and 100/);
    expect(valueIssue({ ...pct, anyPercent: true }, 150, 'Value')).toBeNull();
    expect(valueIssue({ ...pct, anyPercent: true }, -20, 'Value')).toBeNull();
    expect(valueIssue({ ...pct, anyPercent: true }, 1e12 + 1, 'Value')).not.toBeNull();
  });

  it('puts each number’s problem at its own field, through the goal book’s KPI rules', () => {
    expect(kpiValueIssues(kpi({ unit: '%', baseline: 10, target: 120 }))).toEqual([
      { path: 'target', message: expect.stringMatching(/^Target must be between 0 and 100/) },
    ]);
    const band = kpi({ unit: '%', direction: 'band', target: null, baseline: -5, bandLow: 90, bandHigh: 101 });
    expect(kpiIssues(band, 'kpi.').map((i) => i.path)).toEqual(['kpi.baseline', 'kpi.bandHigh']);
    expect(kpiIssues({ ...band, anyPercent: true }, 'kpi.')).toEqual([]);
  });
});

describe('outliers: more than 10× the span outside the range', () => {
  it('spans baseline to target, either direction, and a band with its baseline', () => {
    expect(kpiSpanRange(kpi({ baseline: 1200, target: 600, direction: 'decrease' }))).toEqual({ low: 600, high: 1200 });
    expect(kpiSpanRange(kpi({ direction: 'band', target: null, baseline: 2, bandLow: 5, bandHigh: 8 }))).toEqual({ low: 2, high: 8 });
  });

  it('is not an outlier exactly 10× the span away, and is one just beyond, above and below', () => {
    const k = kpi({ baseline: 0, target: 10 }); // span 10: reach 100 either side
    expect(outlierReach(k)).toBe(100);
    expect(isOutlier(k, 110)).toBe(false);
    expect(isOutlier(k, 110.001)).toBe(true);
    expect(isOutlier(k, -100)).toBe(false);
    expect(isOutlier(k, -100.001)).toBe(true);
    expect(isOutlier(k, 5)).toBe(false);
  });

  it('measures from the range whatever the direction (a decrease KPI, negative values)', () => {
    const k = kpi({ direction: 'decrease', baseline: -10, target: -20 }); // range −20..−10, span 10
    expect(isOutlier(k, 90)).toBe(false);
    expect(isOutlier(k, 90.5)).toBe(true);
    expect(isOutlier(k, -120)).toBe(false);
    expect(isOutlier(k, -120.5)).toBe(true);
    // The reported case: −99,999,999,999 calls against 1,200 → 600.
    expect(isOutlier(kpi({ direction: 'decrease', baseline: 1200, target: 600 }), -99_999_999_999)).toBe(true);
  });

  it('uses the baseline’s size for a range of no width, or 1 when the baseline is 0', () => {
    const flat = kpi({ baseline: 50, target: 50 });
    expect(outlierReach(flat)).toBe(500);
    expect(isOutlier(flat, 550)).toBe(false);
    expect(isOutlier(flat, 551)).toBe(true);
    const zero = kpi({ baseline: 0, target: 0 });
    expect(outlierReach(zero)).toBe(10);
    expect(isOutlier(zero, -10)).toBe(false);
    expect(isOutlier(zero, 10.5)).toBe(true);
  });
});
