/**
 * What the verdicts count: outliers nobody confirmed are left out, and two values measured different
 * ways (by hand, by a JQL count) are "not comparable".
 */
import type { Kpi } from '../../contract/goals/model';
import type { Launch } from '../../contract/post-launch/post-launch';
import {
  FLAG_JQL,
  FLAG_OUTLIER,
  FLAG_UNCONFIRMED,
  bucketPoints,
  emptyBucket,
  lastSwitchBy,
  outlierFlags,
  seriesOf,
  switchesOf,
  withDay,
  withSwitch,
  type YearBucket,
} from './kpi-series';
import { presetIterations } from './launch-book';
import { emptyDigest, iterationOutcome, kpiWindows, summarizeLaunch, type LaunchDigest } from './launch-digest';
import { comparableSince } from './verdict';

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
const BUGS: Kpi = { id: 'k1', goalId: 'g1', name: 'Open bugs', unit: '', direction: 'decrease', baseline: 90, target: 40, bandLow: null, bandHigh: null };

const bucket = (days: Record<string, [number, number]>, sw: YearBucket['sw'] = undefined): YearBucket => {
  let b = emptyBucket('k1', 2025);
  for (const [md, entry] of Object.entries(days)) b = withDay(b, `2025-${md}`, entry);
  return sw ? { ...b, sw } : b;
};

// Tracked at the launch: its defined baseline was captured when the launch was recorded.
const digestOf = (b: YearBucket, baselines: LaunchDigest['baselines'] = { k1: { value: 90, date: null, from: 'defined' } }): LaunchDigest => ({
  ...emptyDigest(LAUNCH),
  baselines,
  kpis: { k1: kpiWindows(LAUNCH, seriesOf([b]), switchesOf([b])) },
});

describe('outliers in the series', () => {
  it('marks outliers on chart points and leaves only unconfirmed ones out of the verdicts’ series', () => {
    const b = bucket({
      '07-01': [80, 0],
      '07-02': [9e9, outlierFlags('unconfirmed')],
      '07-03': [5000, outlierFlags('confirmed') | FLAG_JQL],
    });
    expect(bucketPoints(b).map((p) => p.outlier ?? null)).toEqual([null, 'unconfirmed', 'confirmed']);
    expect(seriesOf([b]).map((p) => p.value)).toEqual([80, 5000]);
    expect(outlierFlags(null)).toBe(0);
    expect(outlierFlags('unconfirmed')).toBe(FLAG_OUTLIER | FLAG_UNCONFIRMED);
  });

  it('never scores an unconfirmed outlier: the iteration closes on the last value before it', () => {
    const b = bucket({ '07-10': [70, 0], '07-20': [-99_999_999_999, outlierFlags('unconfirmed')] });
    const out = iterationOutcome(digestOf(b), [BUGS], IT30).kpis[0]!;
    expect(out).toMatchObject({ close: { date: '2025-07-10', value: 70 }, measurements: 1, verdict: 'toward' });
    // Once confirmed it counts: far below a decrease KPI's baseline is "toward" by the rule.
    const confirmed = bucket({ '07-10': [70, 0], '07-20': [-99_999_999_999, outlierFlags('confirmed')] });
    expect(iterationOutcome(digestOf(confirmed), [BUGS], IT30).kpis[0]).toMatchObject({ close: { value: -99_999_999_999 }, measurements: 2 });
  });
});

describe('changes of source (the segment rule)', () => {
  it('records a switch once per day and lists them oldest first', () => {
    let b = withSwitch(emptyBucket('k1', 2025), '2025-08-20', 'jql');
    expect(withSwitch(b, '2025-08-20', 'jql')).toBe(b);
    b = withSwitch(b, '2025-07-05', 'manual');
    expect(switchesOf([b])).toEqual([
      { date: '2025-07-05', to: 'manual' },
      { date: '2025-08-20', to: 'jql' },
    ]);
    expect(lastSwitchBy(switchesOf([b]), '2025-08-19')).toBe('2025-07-05');
    expect(lastSwitchBy(switchesOf([b]), '2025-08-20')).toBe('2025-08-20');
    expect(lastSwitchBy(switchesOf([b]), '2025-07-04')).toBeNull();
  });

  it('compares two values only when no switch lies after the first (a value on the switch day is already the new way)', () => {
    expect(comparableSince('2025-07-01', null)).toBe(true);
    expect(comparableSince('2025-07-01', '2025-07-01')).toBe(true);
    expect(comparableSince('2025-07-01', '2025-07-02')).toBe(false);
    expect(comparableSince('2025-07-02', '2025-07-01')).toBe(true);
  });

  it('says "not comparable" for a hand-measured start against a count after the switch, and compares counts after it', () => {
    // 90 by hand before the launch; switched to JQL on 20 Aug (+60 days): 2 that day, 0 on 10 Sep (+90 days).
    const b = bucket({ '06-20': [90, 0], '08-20': [2, FLAG_JQL], '09-10': [0, FLAG_JQL] }, { '08-20': 'jql' });
    const digest = digestOf(b, { k1: { value: 90, date: '2025-06-20', from: 'measurement' } });
    expect(iterationOutcome(digest, [BUGS], IT30).kpis[0]!.verdict).toBe('no-data');
    expect(iterationOutcome(digest, [BUGS], IT60).kpis[0]).toMatchObject({ open: { value: 90, from: 'baseline' }, close: { value: 2 }, verdict: 'not-comparable' });
    expect(iterationOutcome(digest, [BUGS], IT90).kpis[0]).toMatchObject({ open: { value: 2, date: '2025-08-20' }, close: { value: 0 }, verdict: 'toward' });
    expect(iterationOutcome(digest, [BUGS], IT60).tally['not-comparable']).toBe(1);
    // The launch summary compares the baseline with the latest value: across the switch.
    expect(summarizeLaunch(LAUNCH, digest, [BUGS], '2025-09-20').kpis[0]).toMatchObject({ latest: { value: 0 }, verdict: 'not-comparable' });
  });

  it('holds a defined baseline (no date) to the launch day: a switch before the launch leaves it comparable, one after does not', () => {
    const before = bucket({ '07-10': [80, FLAG_JQL] }, { '06-01': 'jql' });
    expect(iterationOutcome(digestOf(before), [BUGS], IT30).kpis[0]).toMatchObject({ open: { date: null, value: 90 }, verdict: 'toward' });
    expect(summarizeLaunch(LAUNCH, digestOf(before), [BUGS], '2025-07-20').kpis[0]!.verdict).toBe('toward');
    const after = bucket({ '07-10': [80, FLAG_JQL] }, { '07-01': 'jql' });
    expect(iterationOutcome(digestOf(after), [BUGS], IT30).kpis[0]!.verdict).toBe('not-comparable');
    // A baseline measured on a day before a switch that is itself before the launch: not comparable either.
    const measured = digestOf(before, { k1: { value: 95, date: '2025-05-20', from: 'measurement' } });
    expect(iterationOutcome(measured, [BUGS], IT30).kpis[0]!.verdict).toBe('not-comparable');
  });

  it('keeps a digest without switches exactly as before (no `s` entry)', () => {
    const w = kpiWindows(LAUNCH, seriesOf([bucket({ '07-10': [80, 0] })]));
    expect(w[IT30.id]).toEqual({ o: null, c: ['2025-07-10', 80], n: 1 });
  });
});
