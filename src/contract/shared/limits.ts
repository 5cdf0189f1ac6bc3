/**
 * Input limits, chosen so that a project's goals and KPIs fit in one storage value (240 KiB)
 * even in the worst case of 4-byte characters, and so that a page stays readable.
 */
export const LIMITS = {
  visionField: 2000,
  horizon: 120,
  goalTitle: 120,
  goalDescription: 1000,
  kpiName: 120,
  kpiUnit: 24,
  maxGoals: 30,
  maxKpis: 60,
  changeNote: 280,
} as const;

/**
 * The largest magnitude a KPI's baseline, target, bounds or measurement may have: one trillion. Beyond
 * it a value is a typo, not a figure (and would print across a card).
 */
export const VALUE_LIMIT = 1e12;

/** A number a KPI can hold: finite and at most VALUE_LIMIT either way. */
export const isPlausibleNumber = (n: number): boolean => Number.isFinite(n) && Math.abs(n) <= VALUE_LIMIT;

/** The refusal every number field shows, e.g. "Target must be between −1,000,000,000,000 and 1,000,000,000,000." */
export const valueRangeMessage = (label: string): string =>
  `${label} must be a number between −1,000,000,000,000 and 1,000,000,000,000.`;
