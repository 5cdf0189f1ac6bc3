/**
 * The one date rule, fuzzed through every resolver key that takes a date: generated year/month/day
 * triples (month 0 and 13, day 0 and 32, 29–31 February in leap and common years, years around the
 * 2000–2099 range) and malformed strings, sent by a project admin on the seeded project. The oracle is
 * independent of the rule's code (the calendar as `Date.UTC` counts it): a day that does not exist is
 * refused with a field error on that field and writes nothing; a day that exists never gets the rule's
 * refusal.
 */
import fc from 'fast-check';
import type { Result } from '../../src/contract';
import { DATE_SHAPE_MESSAGE, NOT_A_DATE_MESSAGE } from '../../src/contract/shared/dates';
import { IDS } from '../support/post-launch';
import { seeded, settings, type Seeded } from '../support/seeded-project';

const RUNS = Number(process.env.FUZZ_DATE_RUNS ?? 150);
const WRITE_OPS = ['set', 'setIfAbsent', 'delete', 'transact'];

/** Exists in the calendar, years 2000–2099: the day after the month's last is the next month's first. */
const exists = (y: number, m: number, d: number) => y >= 2000 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const triple = fc.record({
  y: fc.oneof(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom(1999, 2000, 2024, 2025, 2028, 2099, 2100, 1900, 2096)),
  m: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 2, 2, 13, 99)),
  d: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constantFrom(0, 29, 30, 31, 32, 99)),
});
const dateInput = fc.oneof(
  { weight: 6, arbitrary: triple.map(({ y, m, d }) => ({ text: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, real: exists(y, m, d) })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('2025-2-3', '2025/02/03', '20250203', '2025-02-03T00:00:00Z', ' 2025-02-03', '2025-02-03 ', '', 'yesterday', '２０２５-０２-０３', '2025-02-3')
      .map((text) => ({ text, real: false })),
  },
);

/** Every date field of every payload: the key, where the field is reported, and the payload with `d` in it. */
const FIELDS: Array<{ key: string; path: string; payload: (d: string, s: Seeded) => unknown }> = [
  { key: 'goal/create', path: 'goal.targetDate', payload: (d) => ({ goal: { title: 'Dated', description: '', ownerAccountId: null, status: 'active', targetDate: d }, baseRevision: 3 }) },
  { key: 'goal/update', path: 'goal.targetDate', payload: (d) => ({ goalId: IDS.goal, goal: { title: 'Dated', description: '', ownerAccountId: null, status: 'active', targetDate: d }, baseRevision: 3 }) },
  {
    key: 'vision/save',
    path: 'bets.0.reviewBy',
    payload: (d) => ({ statement: 'A vision', targetUsers: '', problem: '', valueProposition: '', horizon: '', baseRevision: 1, bets: [{ kind: 'risk', text: 'Churn', ownerAccountId: null, reviewBy: d }] }),
  },
  { key: 'launch/create', path: 'date', payload: (d) => ({ name: 'Dated', versionId: null, date: d, preset: 'none', baseRevision: 1 }) },
  { key: 'iteration/create', path: 'iteration.start', payload: (d) => ({ launchId: IDS.launch, iteration: { name: 'X', start: d, end: '2025-12-31', versionId: null }, baseRevision: 1 }) },
  { key: 'iteration/create', path: 'iteration.end', payload: (d) => ({ launchId: IDS.launch, iteration: { name: 'X', start: '2025-10-01', end: d, versionId: null }, baseRevision: 1 }) },
  {
    key: 'iteration/update',
    path: 'iteration.end',
    payload: (d) => ({ launchId: IDS.launch, iterationId: IDS.it90, iteration: { name: 'X', start: '2025-08-30', end: d, versionId: null }, baseRevision: 1 }),
  },
  { key: 'kpi/measure', path: 'date', payload: (d) => ({ kpiId: IDS.calls, date: d, value: 1000, note: '', baseRevision: 0 }) },
  { key: 'kpi/unmeasure', path: 'date', payload: (d) => ({ kpiId: IDS.calls, date: d, baseRevision: 1 }) },
  { key: 'kpi/measurement', path: 'date', payload: (d) => ({ kpiId: IDS.calls, date: d }) },
];

describe('every date field follows the one date rule', () => {
  let s: Seeded;
  beforeAll(async () => {
    s = await seeded();
  });
  const writes = () => WRITE_OPS.reduce((n, op) => n + (s.app.store.calls[op] ?? 0), 0);

  it.each(FIELDS.map((f) => [`${f.key} ${f.path}`, f] as const))(`%s: ${RUNS} dates`, async (_name, field) => {
    const seen = { real: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(dateInput, async ({ text, real }) => {
        const before = writes();
        const r: Result<unknown> = await s.app.call('admin', field.key as never, field.payload(text, s), settings());
        const ruleMessages = r.ok ? [] : (r.error.fields ?? []).filter((f) => f.path === field.path).map((f) => f.message);
        if (real) {
          seen.real += 1;
          expect(ruleMessages).not.toContain(NOT_A_DATE_MESSAGE);
          expect(ruleMessages).not.toContain(DATE_SHAPE_MESSAGE);
        } else {
          seen.refused += 1;
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.error.code).toBe('VALIDATION_FAILED');
          expect(ruleMessages.some((m) => m === NOT_A_DATE_MESSAGE || m === DATE_SHAPE_MESSAGE)).toBe(true);
          expect(writes()).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
    // Both sides of the rule were tried.
    expect(seen.real).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }, 120_000);

  it('the issue’s own case: 2025-02-30 is refused for a goal’s target date and a bet’s review date, and nothing is written', async () => {
    for (const field of FIELDS.filter((f) => f.key === 'goal/create' || f.key === 'vision/save')) {
      const before = writes();
      const r = await s.app.call('admin', field.key as never, field.payload('2025-02-30', s), settings());
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: [{ path: field.path, message: NOT_A_DATE_MESSAGE }] } });
      expect(writes()).toBe(before);
    }
    // A leap day is a real day: saved (at the goal book's current revision, whatever the fuzzing left).
    const loaded = await s.app.call('admin', 'project/load', {}, settings());
    if (!loaded.ok) throw new Error(loaded.error.message);
    const revision = (loaded.data as { goalBook: { revision: number } }).goalBook.revision;
    const ok = await s.app.call('admin', 'goal/create', { ...(FIELDS[0]!.payload('2028-02-29', s) as object), baseRevision: revision }, settings());
    expect(ok).toMatchObject({ ok: true, data: { goals: expect.arrayContaining([expect.objectContaining({ targetDate: '2028-02-29' })]) } });
  });
});
