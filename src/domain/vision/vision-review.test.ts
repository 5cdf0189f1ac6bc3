import { addDays, dayOf, reviewFlags } from './vision-review';
import { kpiStatus } from '../goals/kpi-status';
import { appInfoFromAris, projectPagePath } from '../shared/jira-links';

describe('review flags', () => {
  const bets = [
    { id: 'a', kind: 'assumption' as const, text: 'Customers want it', ownerAccountId: 'maya', reviewBy: '2026-03-01' },
    { id: 'b', kind: 'technology' as const, text: 'Serverless scales', ownerAccountId: null, reviewBy: '2026-09-01' },
  ];

  it('is due the cadence after publishing, and flags it the day after', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    const onTime = reviewFlags({ bets: [], reviewCadenceDays: 90 }, '2026-01-01T23:30:00Z', '2026-04-01');
    expect(onTime).toMatchObject({ dueOn: '2026-04-01', overdue: false, flagged: false });
    expect(reviewFlags({ bets: [], reviewCadenceDays: 90 }, '2026-01-01T23:30:00Z', '2026-04-02')).toMatchObject({ overdue: true, flagged: true });
  });

  it('flags the bets past their own review date, even when the vision is not due', () => {
    const flags = reviewFlags({ bets, reviewCadenceDays: 365 }, '2026-01-01T00:00:00Z', '2026-03-02');
    expect(flags.overdue).toBe(false);
    expect(flags.overdueBets.map((b) => b.id)).toEqual(['a']);
    expect(flags.flagged).toBe(true);
  });
});

describe('KPI status', () => {
  const decrease = { direction: 'decrease' as const, baseline: 1200, target: 600, bandLow: null, bandHigh: null };
  const increase = { direction: 'increase' as const, baseline: 3.9, target: 4.5, bandLow: null, bandHigh: null };
  const band = { direction: 'band' as const, baseline: 300, target: null, bandLow: 100, bandHigh: 200 };
  const at = '2026-01-01';

  it.each([
    [decrease, null, 'no-data'],
    [decrease, 900, 'on-track'],
    [decrease, 600, 'achieved'],
    [decrease, 1300, 'off-track'],
    [increase, 4.1, 'on-track'],
    [increase, 4.6, 'achieved'],
    [increase, 3.9, 'off-track'],
    [band, 150, 'achieved'],
    [band, 250, 'off-track'],
  ] as const)('%j at %s is %s', (kpi, value, status) => {
    expect(kpiStatus(kpi, value === null ? null : { value, at })).toBe(status);
  });
});

describe('links to Jira', () => {
  it('points at the app’s project page, by project type', () => {
    const app = { appId: 'a1b2', environmentId: 'e3' };
    expect(projectPagePath({ key: 'PV', typeKey: 'software' }, app)).toBe('/jira/software/projects/PV/apps/a1b2/e3');
    expect(projectPagePath({ key: 'OPS', typeKey: 'business' }, app)).toBe('/jira/core/projects/OPS/apps/a1b2/e3');
    expect(projectPagePath({ key: 'PV', typeKey: null }, null)).toBe('/browse/PV');
  });

  it('reads the ids from Forge ARIs', () => {
    expect(appInfoFromAris('ari:cloud:ecosystem::app/1234-ab', 'ari:cloud:ecosystem::environment/1234-ab/env-9')).toEqual({ appId: '1234-ab', environmentId: 'env-9' });
    expect(appInfoFromAris('nonsense', undefined)).toBeNull();
  });
});

describe('review flags at the edges', () => {
  it('reads the day of a timestamp in UTC, and adds days across months and years', () => {
    expect(dayOf('2026-03-04T23:59:59Z')).toBe('2026-03-04');
    expect(dayOf(new Date('2026-03-04T00:30:00+02:00'))).toBe('2026-03-03');
    expect(addDays('2026-12-31T18:00:00Z', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('is due on the publishing day (UTC) plus the cadence, not yet on that day', () => {
    expect(reviewFlags({ bets: [], reviewCadenceDays: 30 }, '2026-01-31T22:00:00-05:00', '2026-03-03')).toEqual({
      dueOn: '2026-03-03',
      cadenceDays: 30,
      overdue: false,
      overdueBets: [],
      flagged: false,
    });
  });

  it('does not flag a bet due today, flags it the day after, and shows only what a bet is', () => {
    const bet = { id: 'a', kind: 'risk' as const, text: 'Churn', ownerAccountId: 'maya', reviewBy: '2026-02-10' };
    const vision = { bets: [bet, { ...bet, id: 'b', reviewBy: '2026-02-11' }], reviewCadenceDays: 365 };
    expect(reviewFlags(vision, '2026-01-01T00:00:00Z', '2026-02-10')).toMatchObject({ overdueBets: [], flagged: false });
    const next = reviewFlags({ ...vision, bets: vision.bets.map((b) => ({ ...b, extra: 'not shown' })) }, '2026-01-01T00:00:00Z', '2026-02-11');
    expect(next.overdueBets).toEqual([bet]);
    expect(next).toMatchObject({ overdue: false, flagged: true });
  });

  it('is flagged when overdue even without overdue bets', () => {
    expect(reviewFlags({ bets: [], reviewCadenceDays: 7 }, '2026-01-01T00:00:00Z', '2026-01-09')).toMatchObject({ dueOn: '2026-01-08', overdue: true, overdueBets: [], flagged: true });
  });
});
