/**
 * The one date rule for every date field (goal target date, bet review date, launch date, iteration
 * dates, measurement dates, imported records): a real calendar day written YYYY-MM-DD, years
 * 2000–2099. Re-exported by ./schemas; it lives in its own file because ../vision/publishing (bets)
 * needs it and ./schemas imports publishing, so defining it there would make an import cycle.
 */
import * as z from 'zod/mini';

/** The years a date may fall in (the pattern in `isRealDate` says the same: 20xx). */
export const DATE_YEARS = { min: 2000, max: 2099 } as const;

/**
 * True for a day that exists in the calendar, within {@link DATE_YEARS} (the calendar's own leap-year
 * rule: the day must survive a round trip through a UTC date unchanged).
 * @example isRealDate('2028-02-29') // true
 * @example isRealDate('2025-02-29') // false
 * @example isRealDate('2025-02-30') // false
 */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^20\d\d-\d\d-\d\d$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const DATE_SHAPE_MESSAGE = 'Use a date like 2027-06-30.';
export const NOT_A_DATE_MESSAGE = `Not a real calendar date (years ${DATE_YEARS.min}–${DATE_YEARS.max}).`;

/**
 * The schema of a date field: one message for the wrong shape, another for a day that does not exist.
 * @example dateSchema('Target date').safeParse('2025-02-30').success // false: "Not a real calendar date …"
 */
export const dateSchema = (label = 'Date') =>
  z
    .string({ error: `${label} must be a date.` })
    .check(
      z.refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { error: DATE_SHAPE_MESSAGE, abort: true }),
      z.refine(isRealDate, NOT_A_DATE_MESSAGE),
    );
