import fc from 'fast-check';
import { feedbackOverdue } from './feedback-cadence';

describe('feedbackOverdue: no feedback for longer than the cadence', () => {
  it('is on time on the cadence day itself, overdue the day after', () => {
    expect(feedbackOverdue('2025-03-01T10:00:00.000Z', 30, '2025-03-31')).toEqual({ overdue: false, daysSince: 30 });
    expect(feedbackOverdue('2025-03-01T10:00:00.000Z', 30, '2025-04-01')).toEqual({ overdue: true, daysSince: 31 });
    expect(feedbackOverdue('2025-03-01T23:59:59.999Z', 30, '2025-04-15')).toEqual({ overdue: true, daysSince: 45 });
  });

  it('counts heard-from-today as 0 days, and a date after today as today', () => {
    expect(feedbackOverdue('2025-03-01T00:00:00.000Z', 1, '2025-03-01')).toEqual({ overdue: false, daysSince: 0 });
    expect(feedbackOverdue('2025-03-02T00:00:00.000Z', 1, '2025-03-01')).toEqual({ overdue: false, daysSince: 0 });
  });

  it('flags a project that never heard from its users, with no day count', () => {
    expect(feedbackOverdue(null, 365, '2025-03-01')).toEqual({ overdue: true, daysSince: null });
  });

  it('takes today as an instant or a day alike, across leap years', () => {
    expect(feedbackOverdue('2028-02-01', 29, '2028-03-01T08:00:00.000Z')).toEqual({ overdue: false, daysSince: 29 });
    expect(feedbackOverdue('2025-02-01', 27, '2025-03-01')).toEqual({ overdue: true, daysSince: 28 });
  });

  it('is overdue exactly when the days since exceed the cadence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 365 }), (gap, cadence) => {
        const newest = new Date(Date.UTC(2020, 0, 1, 12)).toISOString();
        const today = new Date(Date.UTC(2020, 0, 1 + gap)).toISOString().slice(0, 10);
        const r = feedbackOverdue(newest, cadence, today);
        return r.daysSince === gap && r.overdue === gap > cadence;
      }),
    );
  });
});
