/** The verdict rules, property by property: the cases are many (direction, band, tolerance, no data). */
import fc from 'fast-check';
import { FLAT_TOLERANCE, VERDICTS, type Verdict } from '../../contract/post-launch/post-launch';
import { comparableSince, distanceToBand, kpiRange, progress, tallyOf, tolerance, verdictOf, type KpiAim } from './verdict';

const increase = (baseline: number, target: number): KpiAim => ({ direction: 'increase', baseline, target, bandLow: null, bandHigh: null });
const decrease = (baseline: number, target: number): KpiAim => ({ direction: 'decrease', baseline, target, bandLow: null, bandHigh: null });
const band = (low: number, high: number, baseline = low): KpiAim => ({ direction: 'band', baseline, target: null, bandLow: low, bandHigh: high });

const flip: Record<Verdict, Verdict> = { toward: 'away', away: 'toward', flat: 'flat', 'no-data': 'no-data', 'not-comparable': 'not-comparable' };

/** Integers keep the arithmetic exact, so properties test the rule and not floating point. */
const int = fc.integer({ min: -1_000_000, max: 1_000_000 });
const span = fc.integer({ min: 1, max: 100_000 });

/** An increase or decrease KPI whose target lies in its direction, as the goal book requires. */
const directional = fc.tuple(fc.constantFrom<'increase' | 'decrease'>('increase', 'decrease'), int, span).map(([dir, baseline, d]) =>
  dir === 'increase' ? increase(baseline, baseline + d) : decrease(baseline, baseline - d),
);
const banded = fc.tuple(int, span).map(([low, d]) => band(low, low + d));
const anyKpi = fc.oneof(directional, banded);

describe('verdictOf', () => {
  it('is "no data" when either end is missing', () => {
    fc.assert(
      fc.property(anyKpi, fc.option(int, { nil: null }), fc.option(int, { nil: null }), (kpi, open, close) => {
        fc.pre(open === null || close === null);
        expect(verdictOf(kpi, open, close)).toBe('no-data');
      }),
    );
    expect(verdictOf(increase(0, 10), Number.NaN, 5)).toBe('no-data');
  });

  it('is flat when nothing moved', () => {
    fc.assert(fc.property(anyKpi, int, (kpi, v) => expect(verdictOf(kpi, v, v)).toBe('flat')));
  });

  it('swaps toward and away when the values are swapped', () => {
    fc.assert(fc.property(anyKpi, int, int, (kpi, a, b) => expect(verdictOf(kpi, b, a)).toBe(flip[verdictOf(kpi, a, b)])));
  });

  it('does not depend on where the scale starts (shifting everything by the same amount)', () => {
    const shift = (kpi: KpiAim, by: number): KpiAim => ({
      ...kpi,
      baseline: kpi.baseline + by,
      target: kpi.target === null ? null : kpi.target + by,
      bandLow: kpi.bandLow === null ? null : kpi.bandLow + by,
      bandHigh: kpi.bandHigh === null ? null : kpi.bandHigh + by,
    });
    fc.assert(
      fc.property(anyKpi, int, int, int, (kpi, a, b, by) => expect(verdictOf(shift(kpi, by), a + by, b + by)).toBe(verdictOf(kpi, a, b))),
    );
  });

  it('treats a decrease KPI as the mirror image of an increase KPI', () => {
    fc.assert(
      fc.property(int, span, int, int, (baseline, d, a, b) =>
        expect(verdictOf(decrease(-baseline, -baseline - d), -a, -b)).toBe(verdictOf(increase(baseline, baseline + d), a, b)),
      ),
    );
  });

  it('calls a move within the tolerance flat, and a bigger one toward or away by direction', () => {
    fc.assert(
      fc.property(directional, int, fc.integer({ min: -200_000, max: 200_000 }), (kpi, open, delta) => {
        const close = open + delta;
        const toward = kpi.direction === 'increase' ? delta : -delta;
        const expected: Verdict = toward > tolerance(kpi) ? 'toward' : toward < -tolerance(kpi) ? 'away' : 'flat';
        expect(verdictOf(kpi, open, close)).toBe(expected);
      }),
    );
  });

  it('is monotonic: moving the close further in the target’s direction never makes the verdict worse', () => {
    const rank: Record<Verdict, number> = { away: 0, flat: 1, toward: 2, 'no-data': -1, 'not-comparable': -2 };
    fc.assert(
      fc.property(directional, int, int, fc.nat(100_000), (kpi, open, close, more) => {
        const further = kpi.direction === 'increase' ? close + more : close - more;
        expect(rank[verdictOf(kpi, open, further)]).toBeGreaterThanOrEqual(rank[verdictOf(kpi, open, close)]);
      }),
    );
  });

  it('keeps a band KPI flat while it stays inside the band, and judges by the distance to the band outside it', () => {
    fc.assert(
      fc.property(banded, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (kpi, x, y) => {
        const inside = (t: number) => kpi.bandLow! + t * (kpi.bandHigh! - kpi.bandLow!);
        expect(verdictOf(kpi, inside(x), inside(y))).toBe('flat');
      }),
    );
    fc.assert(
      fc.property(banded, int, int, (kpi, a, b) => {
        const closer = distanceToBand(kpi, a) - distanceToBand(kpi, b);
        const expected: Verdict = closer > tolerance(kpi) ? 'toward' : closer < -tolerance(kpi) ? 'away' : 'flat';
        expect(verdictOf(kpi, a, b)).toBe(expected);
      }),
    );
  });

  it('uses 2% of the KPI’s range as the tolerance', () => {
    expect(FLAT_TOLERANCE).toBe(0.02);
    const calls = decrease(1200, 600);
    expect(kpiRange(calls)).toBe(600);
    expect(verdictOf(calls, 1200, 1188)).toBe('flat'); // 12 = exactly 2%: not more than the tolerance
    expect(verdictOf(calls, 1200, 1187)).toBe('toward');
    expect(verdictOf(calls, 1200, 1213)).toBe('away');
    expect(verdictOf(band(10, 20), 30, 25)).toBe('toward');
    expect(verdictOf(band(10, 20), 15, 25)).toBe('away');
    // A definition without a range (not allowed by the goal book, but stored data may be old): any move counts.
    expect(verdictOf(increase(5, 5), 5, 5.0001)).toBe('toward');
  });
});

describe('tallyOf', () => {
  it('counts every verdict, zero for the absent ones', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VERDICTS)), (vs) => {
        const tally = tallyOf(vs);
        expect(Object.keys(tally).sort()).toEqual([...VERDICTS].sort());
        expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBe(vs.length);
      }),
    );
  });
});

/** Worked examples with the answers written out, so a wrong rule cannot agree with itself. */
describe('worked examples', () => {
  it('measures the range baseline to target, or the band’s width; none when there is no positive, finite one', () => {
    expect(kpiRange(increase(10, 30))).toBe(20);
    expect(kpiRange(decrease(1200, 600))).toBe(600);
    expect(kpiRange(band(10, 25))).toBe(15);
    expect(kpiRange(increase(5, 5))).toBe(0); // target equal to baseline
    expect(kpiRange(band(20, 10))).toBe(0); // upside-down band
    expect(kpiRange({ direction: 'increase', baseline: 5, target: null, bandLow: null, bandHigh: null })).toBe(0);
    expect(kpiRange({ direction: 'band', baseline: 5, target: null, bandLow: 10, bandHigh: null })).toBe(0);
    expect(kpiRange({ direction: 'band', baseline: 5, target: null, bandLow: null, bandHigh: 10 })).toBe(0);
    expect(kpiRange(increase(0, Number.POSITIVE_INFINITY))).toBe(0);
    expect(tolerance(decrease(1200, 600))).toBe(12);
    expect(tolerance(band(10, 60))).toBe(1);
  });

  it('measures how far a value lies outside a band, below or above it', () => {
    const b = band(10, 20);
    expect([4, 10, 15, 20, 27].map((v) => distanceToBand(b, v))).toEqual([6, 0, 0, 0, 7]);
    // A missing bound is open on that side.
    expect(distanceToBand({ ...b, bandLow: null }, -100)).toBe(0);
    expect(distanceToBand({ ...b, bandHigh: null }, 1000)).toBe(0);
  });

  it('counts progress in the target’s direction, and for a band as the distance gained', () => {
    expect(progress(increase(0, 100), 10, 12)).toBe(2);
    expect(progress(increase(0, 100), 12, 10)).toBe(-2);
    expect(progress(decrease(100, 0), 10, 7)).toBe(3);
    expect(progress(band(10, 20), 4, 8)).toBe(4); // 6 below, then 2 below
    expect(progress(band(10, 20), 30, 24)).toBe(6); // 10 above, then 4 above
    expect(progress(band(10, 20), 15, 26)).toBe(-6);
  });

  it.each([
    // increase 100 → 200: range 100, tolerance 2
    ['increase', increase(100, 200), 150, 153, 'toward'],
    ['increase', increase(100, 200), 150, 152, 'flat'], // exactly the tolerance
    ['increase', increase(100, 200), 150, 148, 'flat'], // exactly the tolerance, the other way
    ['increase', increase(100, 200), 150, 147, 'away'],
    ['increase', increase(100, 200), 150, 150, 'flat'],
    ['increase below the baseline', increase(100, 200), 20, 60, 'toward'],
    ['increase past the target', increase(100, 200), 250, 230, 'away'],
    // decrease 1200 → 600: range 600, tolerance 12
    ['decrease', decrease(1200, 600), 1200, 1212, 'flat'],
    ['decrease', decrease(1200, 600), 1200, 1213, 'away'],
    ['decrease', decrease(1200, 600), 1200, 1100, 'toward'],
    ['decrease below the target', decrease(1200, 600), 500, 400, 'toward'],
    // band 100–200: width 100, tolerance 2
    ['band, below it and rising', band(100, 200), 50, 60, 'toward'],
    ['band, below it and falling', band(100, 200), 50, 40, 'away'],
    ['band, below it, a small move', band(100, 200), 50, 52, 'flat'],
    ['band, from below into it', band(100, 200), 50, 150, 'toward'],
    ['band, above it and falling', band(100, 200), 300, 280, 'toward'],
    ['band, above it and rising', band(100, 200), 300, 330, 'away'],
    ['band, inside it', band(100, 200), 110, 190, 'flat'],
    ['band, out of it from inside', band(100, 200), 150, 90, 'away'],
    // no range: any move counts
    ['target equal to baseline', increase(5, 5), 5, 6, 'toward'],
    ['target equal to baseline', increase(5, 5), 5, 4, 'away'],
  ] as const)('%s: %d → %d is %s', (_name, kpi, open, close, verdict) => {
    expect(verdictOf(kpi, open, close)).toBe(verdict);
  });

  it('has no data without two finite values', () => {
    const kpi = increase(0, 100);
    for (const [open, close] of [
      [null, 5],
      [5, null],
      [Number.NaN, 5],
      [5, Number.NaN],
      [Number.POSITIVE_INFINITY, 5],
      [5, Number.NEGATIVE_INFINITY],
    ] as const)
      expect(verdictOf(kpi, open, close)).toBe('no-data');
  });

  it('tallies verdicts by kind', () => {
    expect(tallyOf([])).toEqual({ toward: 0, flat: 0, away: 0, 'no-data': 0, 'not-comparable': 0 });
    expect(tallyOf(['toward', 'away', 'toward', 'no-data', 'toward', 'not-comparable'])).toEqual({
      toward: 3,
      flat: 0,
      away: 1,
      'no-data': 1,
      'not-comparable': 1,
    });
  });
});

describe('comparableSince: two values compare only when no change of source lies after the first', () => {
  it.each([
    ['no switch ever', '2025-07-01', null, true],
    ['no switch (undefined)', '2025-07-01', undefined, true],
    ['switched on the day of the first value (already the new way)', '2025-07-01', '2025-07-01', true],
    ['switched before the first value', '2025-07-02', '2025-07-01', true],
    ['switched the day after the first value', '2025-07-01', '2025-07-02', false],
    ['switched months later', '2025-01-31', '2025-06-30', false],
  ])('%s', (_, openDate, lastSwitch, expected) => {
    expect(comparableSince(openDate, lastSwitch)).toBe(expected);
  });
});
