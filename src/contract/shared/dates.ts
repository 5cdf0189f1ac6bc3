/**
 * The one date rule for every date field (goal target date, bet review date, launch date, iteration
 * dates, measurement dates, imported records): a real calendar day written YYYY-MM-DD, years
 * 2000–2099. Re-exported by ./schemas; it lives in its own file because ../vision/publishing (bets)
 * needs it and ./schemas imports publishing, so defining it there would make an import cycle.
 */
import * as z from 'zod/mini';

export const DATE_YEARS = { min: 2000, max: 2099 } as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * True for a day that exists in the calendar, within {@link DATE_YEARS}.
 * @example isRealDate('2028-02-29') // true
 * @example isRealDate('2025-02-29') // false
 * @example isRealDate('2025-02-30') // false
 */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < DATE_YEARS.min || year > DATE_YEARS.max || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
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
