import fc from 'fast-check';
import type { Kpi } from '../../contract/goals/model';
import type { DayValue, Launch } from '../../contract/post-launch/post-launch';
import { addDays } from './days';
import { FLAG_JQL, FLAG_NOTE, bucketPoints, emptyBucket, lastBetween, seriesOf, withDay } from './kpi-series';
import { presetIterations } from './launch-book';
import { baselineOf, captureBaseline, countFeedback, emptyDigest, iterationOutcome, kpiWindows, summarizeLaunch, windowsSignature, type LaunchDigest } from './launch-digest';

let n = 0;
const LAUNCH: Launch = {
  id: 'l1',
  name: 'Portal 1.0',
  versionId: null,
  versionName: null,
  date: '2025-06-30',
  createdBy: 'a',
  createdAt: '2025-06-30T10:00:00Z',
  iterations: presetIterations('2025-06-30', '30-60-90', () => `it-${++n}`),
};
const [IT30, IT60, IT90] = LAUNCH.iterations as [Launch['iterations'][0], Launch['iterations'][0], Launch['iterations'][0]];
const CALLS: Kpi = { id: 'k1', goalId: 'g1', name: 'Support calls', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null };
const CSAT: Kpi = { id: 'k2', goalId: 'g1', name: 'CSAT', unit: '', direction: 'increase', baseline: 3.9, target: 4.5, bandLow: null, bandHigh: null };

const series = (...points: Array<[string, number]>): DayValue[] => points.map(([date, value]) => ({ date, value })).sort((a, b) => a.date.localeCompare(b.date));

describe('yearly buckets', () => {
  it('sets, replaces and clears a day, and lists points oldest first with their flags', () => {
    let b = emptyBucket('k1', 2025);
    b = withDay(b, '2025-07-02', [5, FLAG_JQL]);
    b = withDay(b, '2025-07-01', [4, FLAG_NOTE]);
    expect(withDay(b, '2025-07-01', [4, FLAG_NOTE])).toBe(b); // unchanged: the same object
    expect(bucketPoints(b)).toEqual([
      { date: '2025-07-01', value: 4, source: 'manual', hasNote: true },
      { date: '2025-07-02', value: 5, source: 'jql', hasNote: false },
    ]);
    b = withDay(b, '2025-07-01', null);
    expect(Object.keys(b.days)).toEqual(['07-02']);
  });

  it('merges buckets into one series in date order', () => {
    const y24 = withDay(emptyBucket('k', 2024), '2024-12-31', [1, 0]);
    const y25 = withDay(emptyBucket('k', 2025), '2025-01-01', [2, 0]);
    expect(seriesOf([y25, y24]).map((p) => p.date)).toEqual(['2024-12-31', '2025-01-01']);
  });
});

describe('baselines and iteration figures', () => {
  it('captures the latest measurement on or before the launch day, else the defined baseline', () => {
    expect(captureBaseline(CALLS, series(['2025-06-01', 1300], ['2025-06-30', 1250], ['2025-07-01', 1100]), '2025-06-30')).toEqual({
      value: 1250,
      date: '2025-06-30',
      from: 'measurement',
    });
    expect(captureBaseline(CALLS, series(['2024-01-01', 999]), '2025-06-30')).toEqual({ value: 1200, date: null, from: 'defined' });
  });

  it('starts each iteration from the last value since launch before it, and closes on its last value inside', () => {
    const s = series(['2025-06-30', 1250], ['2025-07-10', 1150], ['2025-07-25', 1100], ['2025-08-15', 1120]);
    const w = kpiWindows(LAUNCH, s);
    expect(w[IT30.id]).toEqual({ o: null, c: ['2025-07-25', 1100], n: 2 });
    expect(w[IT60.id]).toEqual({ o: ['2025-07-25', 1100], c: ['2025-08-15', 1120], n: 1 });
    expect(w[IT90.id]).toEqual({ o: ['2025-08-15', 1120], c: null, n: 0 });
  });

  it('derives verdicts from the figures and the KPI’s current definition', () => {
    const digest: LaunchDigest = {
      ...emptyDigest(LAUNCH),
      baselines: { k1: { value: 1250, date: '2025-06-30', from: 'measurement' }, k2: { value: 3.9, date: null, from: 'defined' } },
      kpis: { k1: kpiWindows(LAUNCH, series(['2025-07-10', 1150], ['2025-07-25', 1100], ['2025-08-15', 1120])) },
    };
    const first = iterationOutcome(digest, [CALLS, CSAT], IT30);
    expect(first.kpis[0]).toMatchObject({ open: { value: 1250, from: 'baseline' }, close: { value: 1100 }, change: -150, verdict: 'toward' });
    expect(first.kpis[1]).toMatchObject({ open: { value: 3.9, date: null, from: 'baseline' }, close: null, verdict: 'no-data' });
    expect(first.tally).toEqual({ toward: 1, flat: 0, away: 0, 'no-data': 1, 'not-comparable': 0 });
    expect(iterationOutcome(digest, [CALLS], IT60).kpis[0]).toMatchObject({ open: { value: 1100, from: 'measurement' }, verdict: 'away' });

    const summary = summarizeLaunch(LAUNCH, digest, [CALLS, CSAT], '2025-08-20');
    expect(summary.kpis[0]).toMatchObject({ baseline: { value: 1250 }, latest: { date: '2025-08-15', value: 1120 }, verdict: 'toward' });
    expect(summary.kpis[1]!.verdict).toBe('no-data');
    expect(summary.currentIterationId).toBe(IT60.id);
    expect(summary.stalledSince).toBeNull();
  });

  describe('a KPI created after the launch was recorded (no captured baseline) is not tracked at this launch', () => {
    const LATE: Kpi = { ...CSAT, id: 'k3', name: 'Late' };
    const tracked: LaunchDigest = { ...emptyDigest(LAUNCH), baselines: { k1: { value: 1250, date: '2025-06-30', from: 'measurement' } } };

    it('has no baseline at launch and no verdict in the summary, even when measured', () => {
      const digest: LaunchDigest = { ...tracked, kpis: { k3: kpiWindows(LAUNCH, series(['2025-07-05', 4.2], ['2025-08-10', 4.4])) } };
      const summary = summarizeLaunch(LAUNCH, digest, [CALLS, LATE], '2025-08-20');
      expect(summary.kpis[1]).toEqual({ kpiId: 'k3', baseline: null, latest: { date: '2025-08-10', value: 4.4 }, verdict: 'no-data' });
      expect(baselineOf(digest, LATE)).toBeNull();
      expect(baselineOf(digest, CALLS)).toEqual({ value: 1250, date: '2025-06-30', from: 'measurement' });
    });

    it('is never judged against its defined baseline; an iteration after its first measurement is judged from that measurement', () => {
      const digest: LaunchDigest = { ...tracked, kpis: { k3: kpiWindows(LAUNCH, series(['2025-07-05', 4.2], ['2025-08-10', 4.4])) } };
      // +30 days: nothing measured before it, so nothing to start from, whatever it closed on.
      expect(iterationOutcome(digest, [LATE], IT30).kpis[0]).toEqual({
        kpiId: 'k3',
        open: null,
        close: { date: '2025-07-05', value: 4.2 },
        measurements: 1,
        change: null,
        verdict: 'no-data',
      });
      // +60 days starts from its own measurement of 5 July: 4.2 → 4.4 of a 3.9 → 4.5 range is toward.
      expect(iterationOutcome(digest, [LATE], IT60).kpis[0]).toMatchObject({ open: { value: 4.2, from: 'measurement' }, change: expect.closeTo(0.2), verdict: 'toward' });
    });

    it('a KPI that existed when the launch was recorded on its own day is tracked, with its defined baseline when unmeasured', () => {
      // Recording the launch captures every KPI of that moment, created the same day or earlier.
      const sameDay: LaunchDigest = { ...tracked, baselines: { ...tracked.baselines, k3: captureBaseline(LATE, [], LAUNCH.date) } };
      expect(summarizeLaunch(LAUNCH, sameDay, [LATE], '2025-08-20').kpis[0]!.baseline).toEqual({ value: 3.9, date: null, from: 'defined' });
      // A measurement on the launch day itself is its baseline.
      expect(captureBaseline(LATE, series(['2025-06-30', 4.0]), LAUNCH.date)).toEqual({ value: 4.0, date: '2025-06-30', from: 'measurement' });
      // One a day later is not.
      expect(captureBaseline(LATE, series(['2025-07-01', 4.0]), LAUNCH.date)).toEqual({ value: 3.9, date: null, from: 'defined' });
    });
  });

  describe('stale states: an iteration that has ended is never current', () => {
    it('on the last day of the last iteration it is current; the day after, tracking stalled since that day', () => {
      const d = emptyDigest(LAUNCH);
      expect(summarizeLaunch(LAUNCH, d, [], IT90.end)).toMatchObject({ currentIterationId: IT90.id, stalledSince: null });
      expect(summarizeLaunch(LAUNCH, d, [], addDays(IT90.end, 1))).toMatchObject({ currentIterationId: null, stalledSince: IT90.end });
      // Five months later: still not current.
      expect(summarizeLaunch(LAUNCH, d, [], addDays(IT90.end, 150))).toMatchObject({ currentIterationId: null, stalledSince: IT90.end });
    });
  });

  it('counts feedback by sentiment, never below zero', () => {
    let d = countFeedback(emptyDigest(LAUNCH), IT30.id, 'positive', 1);
    d = countFeedback(d, IT30.id, 'negative', -1);
    expect(d.feedback[IT30.id]).toEqual({ positive: 1, neutral: 0, negative: 0 });
  });

  it('changes its signature when a window moves', () => {
    const moved = { ...LAUNCH, iterations: [{ ...IT30, end: '2025-07-29' }, IT60, IT90] };
    expect(windowsSignature(moved)).not.toBe(windowsSignature(LAUNCH));
  });

  it('ignores measurements outside an iteration for its close, and uses the last before it as its start (property)', () => {
    const day = fc.integer({ min: -40, max: 120 }).map((d) => addDays('2025-06-30', d));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(day, fc.integer({ min: 0, max: 5000 })), { selector: ([d]) => d, maxLength: 60 }), (points) => {
        const s = series(...points);
        const w = kpiWindows(LAUNCH, s);
        for (const it of LAUNCH.iterations) {
          const inside = s.filter((p) => p.date >= it.start && p.date <= it.end);
          const before = s.filter((p) => p.date > LAUNCH.date && p.date < it.start);
          expect(w[it.id]!.n).toBe(inside.length);
          expect(w[it.id]!.c).toEqual(inside.length ? [inside.at(-1)!.date, inside.at(-1)!.value] : null);
          expect(w[it.id]!.o).toEqual(before.length ? [before.at(-1)!.date, before.at(-1)!.value] : null);
        }
        expect(lastBetween(s, '2000-01-01', '2099-12-31').count).toBe(s.length);
      }),
    );
  });
});
