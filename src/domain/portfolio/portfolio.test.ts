/** The portfolio's pure rules: a row from a project's figures (kept in budget), the roll-up, filters and sorts. */
import fc from 'fast-check';
import type { GoalBook } from '../../contract/goals/model';
import type { CompanyGoalBook, PortfolioRow } from '../../contract/portfolio/portfolio';
import { buildRow, rollUp, ROW_BUDGET_CHARS } from './portfolio-row';
import { arrange, matches } from './portfolio-view';

const goal = (id: string, companyGoalId: string | null = null, title = `Goal ${id}`) => ({
  id, title, description: '', ownerAccountId: null, status: 'active' as const, targetDate: null, createdAt: '2026-01-01T00:00:00Z', createdBy: 'a', companyGoalId,
});
const kpi = (id: string, goalId: string) => ({ id, goalId, name: id, unit: '', direction: 'increase' as const, baseline: 10, target: 20, bandLow: null, bandHigh: null });

const book: GoalBook = { revision: 3, goals: [goal('g1', 'cg1'), goal('g2')], kpis: [kpi('k1', 'g1'), kpi('k2', 'g1'), kpi('k3', 'g2')], updatedBy: null, updatedAt: null };

const row = (over: Partial<PortfolioRow> = {}): PortfolioRow => ({
  projectId: '1', projectKey: 'A', visionVersion: 1, publishedAt: '2026-01-01T00:00:00Z', reviewDueOn: '2026-04-01', alignedPercent: 80, epics: 10,
  kpis: { onTrack: 1, offTrack: 0, noData: 0 }, verdict: null, newestFeedbackAt: '2026-03-01T00:00:00Z', guidedStart: null, contributions: [], asOf: '2026-03-01T00:00:00Z', ...over,
});

describe('buildRow', () => {
  it('counts KPI status per project and per contributing goal, and dates the review', () => {
    const r = buildRow({
      project: { id: '1', key: 'A' },
      published: { version: 2, publishedAt: '2026-01-10T09:00:00Z', reviewCadenceDays: 30 },
      goalBook: book,
      highlights: { kpiCurrent: { k1: { value: 15, at: '2026-02-01' }, k2: { value: 5, at: '2026-02-01' } }, coverage: { epics: 8, aligned: 3, coverage: 0.375, asOf: null } },
      newestFeedbackAt: null,
      guidedStart: null,
      asOf: '2026-02-02T00:00:00Z',
    });
    expect(r).toMatchObject({ visionVersion: 2, reviewDueOn: '2026-02-09', alignedPercent: 38, epics: 8, kpis: { onTrack: 1, offTrack: 1, noData: 1 } });
    expect(r.contributions).toEqual([{ goalId: 'g1', title: 'Goal g1', companyGoalId: 'cg1', kpis: { onTrack: 1, offTrack: 1, noData: 0 } }]);
  });

  it('stays within its budget however many contributing goals with long titles a project has', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 300 }), (n, len) => {
        const many: GoalBook = { ...book, goals: Array.from({ length: n }, (_, i) => goal(`g${i}`, 'cg1', 'x'.repeat(len))), kpis: [] };
        const r = buildRow({ project: { id: '1', key: 'A' }, published: null, goalBook: many, highlights: {}, newestFeedbackAt: null, guidedStart: null, asOf: '2026-01-01T00:00:00Z' });
        expect(JSON.stringify(r).length).toBeLessThanOrEqual(ROW_BUDGET_CHARS);
      }),
    );
  });
});

describe('rollUp', () => {
  it('adds up only the rows given (the ones the viewer may browse)', () => {
    const company: CompanyGoalBook = { revision: 1, goals: [{ id: 'cg1', title: 'Grow', description: '', businessUnit: '', ownerAccountId: null, targetDate: null, status: 'active', kpis: [], createdAt: '', createdBy: '' }], updatedBy: null, updatedAt: null };
    const c = () => ({ goalId: 'g', title: 't', companyGoalId: 'cg1', kpis: { onTrack: 1, offTrack: 2, noData: 0 } });
    const [r] = rollUp(company, [row({ projectId: '1', contributions: [c()] }), row({ projectId: '2', projectKey: 'B', contributions: [c()] })]);
    expect(r!.kpis).toEqual({ onTrack: 2, offTrack: 4, noData: 0 });
    expect(rollUp(company, [])[0]!.contributions).toEqual([]);
  });
});

describe('filters and sorts', () => {
  const rows = [
    row({ projectId: '1', projectKey: 'B', reviewDueOn: '2026-01-01', alignedPercent: 50 }),
    row({ projectId: '2', projectKey: 'A', reviewDueOn: '2026-12-01', alignedPercent: null }),
    row({ projectId: '3', projectKey: 'C', visionVersion: null, reviewDueOn: null, alignedPercent: 90, kpis: { onTrack: 0, offTrack: 2, noData: 0 }, newestFeedbackAt: null }),
  ];
  it('review overdue, coverage below 60%, off track, not published, no recent feedback', () => {
    const keys = (f: Parameters<typeof arrange>[1]) => arrange(rows, f, 'project', '2026-06-01').map((r) => r.projectKey);
    expect(keys('all')).toEqual(['A', 'B', 'C']);
    expect(keys('review-overdue')).toEqual(['B']);
    expect(keys('coverage-below-60')).toEqual(['B']);
    expect(keys('kpis-off-track')).toEqual(['C']);
    expect(keys('not-published')).toEqual(['C']);
    expect(keys('no-recent-feedback')).toEqual(['A', 'B', 'C']);
    expect(matches(rows[0]!, 'review-overdue', '2026-01-01')).toBe(false);
    // A project's own feedback cadence decides, where the row keeps one.
    expect(matches(row({ newestFeedbackAt: '2026-05-01T00:00:00Z', feedbackCadenceDays: 14 }), 'no-recent-feedback', '2026-06-01')).toBe(true);
    expect(matches(row({ newestFeedbackAt: '2026-05-01T00:00:00Z', feedbackCadenceDays: 60 }), 'no-recent-feedback', '2026-06-01')).toBe(false);
  });
  it('sorts with empty values last', () => {
    expect(arrange(rows, 'all', 'coverage', '2026-06-01').map((r) => r.projectKey)).toEqual(['B', 'C', 'A']);
    expect(arrange(rows, 'all', 'off-track', '2026-06-01').map((r) => r.projectKey)).toEqual(['C', 'A', 'B']);
  });
});
