/** Calendar days as `YYYY-MM-DD` strings (UTC), the unit of measurements, launches and iterations. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. @example dayNumber('1970-01-02') // 1 */
export const dayNumber = (day: string): number =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;

/** @example fromDayNumber(1) // '1970-01-02' */
export const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** @example addDays('2025-06-30', 1) // '2025-07-01' */
export const addDays = (day: string, days: number): string => fromDayNumber(dayNumber(day) + days);

/** The UTC day of an instant. @example dayOf(new Date('2025-07-01T23:00:00Z')) // '2025-07-01' */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

export const yearOf = (day: string): number => Number(day.slice(0, 4));

/** Every calendar year from the year of `from` to the year of `to`, both included. */
export function yearsBetween(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) years.push(y);
  return years;
}

/** Days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
