import { alignedEnough, guidedStart, refreshGuidedStart, type GuidedStartFacts } from './guided-start';
import { feedbackOverdue } from '../post-launch/feedback-cadence';
import { reviewFlags } from '../vision/vision-review';

const blank: GuidedStartFacts = {
  today: '2026-03-01',
  review: null,
  goals: [],
  kpis: [],
  coverage: null,
  iteration: null,
  feedback: { newestAt: null, cadenceDays: 30 },
  sharedAt: null,
};
const step = (f: Partial<GuidedStartFacts>, id: string) => guidedStart({ ...blank, ...f }).steps.find((s) => s.id === id)!;

describe('guided start', () => {
  it('a new project has done none of the six steps', () => {
    const g = guidedStart(blank);
    expect(g.steps.map((s) => s.id)).toEqual(['vision', 'goals', 'alignment', 'iterations', 'feedback', 'shared']);
    expect([g.done, g.of]).toEqual([0, 6]);
  });

  it('every step done scores 6 of 6', () => {
    const g = guidedStart({
      today: '2026-03-01',
      review: { dueOn: '2026-03-01', overdue: false },
      goals: [{ id: 'g', status: 'active' }],
      kpis: [{ goalId: 'g' }],
      coverage: { epics: 10, aligned: 8 },
      iteration: { name: 'Launch · +30', stalledSince: null },
      feedback: { newestAt: '2026-02-10T09:00:00Z', cadenceDays: 30 },
      sharedAt: '2026-01-05T10:00:00Z',
    });
    expect(g.done).toBe(6);
  });

  it('alignment: 80% is enough, 79.9% is not, and no epics is not', () => {
    expect(alignedEnough(800, 1000)).toBe(true);
    expect(alignedEnough(799, 1000)).toBe(false);
    expect(alignedEnough(4, 5)).toBe(true);
    expect(alignedEnough(3, 4)).toBe(false);
    expect(alignedEnough(0, 0)).toBe(false);
    expect(step({ coverage: { epics: 1000, aligned: 799 } }, 'alignment')).toMatchObject({ done: false, coverage: 0.799 });
    expect(step({ coverage: { epics: 1000, aligned: 800 } }, 'alignment')).toMatchObject({ done: true, coverage: 0.8 });
  });

  it('vision: done through its review date, not the day after', () => {
    const published = { bets: [], reviewCadenceDays: 90 };
    const due = reviewFlags(published, '2026-01-01T12:00:00Z', '2026-04-01');
    expect(due.dueOn).toBe('2026-04-01');
    expect(step({ review: due }, 'vision')).toMatchObject({ done: true, overdue: false, dueOn: '2026-04-01' });
    const late = reviewFlags(published, '2026-01-01T12:00:00Z', '2026-04-02');
    expect(step({ review: late }, 'vision')).toMatchObject({ done: false, overdue: true, published: true });
    expect(step({ review: null }, 'vision')).toMatchObject({ done: false, published: false });
  });

  it('goals: every active goal needs a KPI; achieved and dropped goals do not count', () => {
    const goals = [
      { id: 'a', status: 'active' },
      { id: 'b', status: 'active' },
      { id: 'c', status: 'dropped' },
    ];
    expect(step({ goals, kpis: [{ goalId: 'a' }] }, 'goals')).toMatchObject({ done: false, goals: 2, withKpi: 1 });
    expect(step({ goals, kpis: [{ goalId: 'a' }, { goalId: 'b' }] }, 'goals')).toMatchObject({ done: true, goals: 2, withKpi: 2 });
    expect(step({ goals: [{ id: 'c', status: 'achieved' }], kpis: [{ goalId: 'c' }] }, 'goals').done).toBe(false);
  });

  it('iterations: a started iteration counts until tracking stalls', () => {
    expect(step({ iteration: { name: 'x', stalledSince: null } }, 'iterations').done).toBe(true);
    expect(step({ iteration: { name: 'x', stalledSince: '2026-02-01' } }, 'iterations')).toMatchObject({ done: false, stalledSince: '2026-02-01' });
  });

  it('feedback: within the cadence on its last day, overdue the day after, never heard is overdue', () => {
    expect(feedbackOverdue('2026-01-30T23:59:00Z', 30, '2026-03-01')).toEqual({ overdue: false, daysSince: 30 });
    expect(feedbackOverdue('2026-01-29T00:00:00Z', 30, '2026-03-01')).toEqual({ overdue: true, daysSince: 31 });
    expect(feedbackOverdue(null, 30, '2026-03-01')).toEqual({ overdue: true, daysSince: null });
    expect(step({ feedback: { newestAt: '2026-01-30T10:00:00Z', cadenceDays: 30 } }, 'feedback').done).toBe(true);
    expect(step({ feedback: { newestAt: '2026-01-29T10:00:00Z', cadenceDays: 30 } }, 'feedback').done).toBe(false);
  });

  it('shared: done once someone other than an admin opened it', () => {
    expect(step({ sharedAt: '2026-02-01T08:00:00Z' }, 'shared')).toMatchObject({ done: true, at: '2026-02-01T08:00:00Z' });
  });

  it('refresh: the page’s new goals move the score, other steps keep their figures', () => {
    const start = guidedStart({ ...blank, sharedAt: '2026-02-01T08:00:00Z' });
    expect(start.done).toBe(1);
    const moved = refreshGuidedStart(start, { goals: [{ id: 'g', status: 'active' }], kpis: [{ goalId: 'g' }] });
    expect(moved.done).toBe(2);
    expect(moved.steps.find((s) => s.id === 'shared')!.done).toBe(true);
    const published = refreshGuidedStart(moved, { review: { dueOn: '2026-06-01', overdue: false } });
    expect(published.done).toBe(3);
  });
});
