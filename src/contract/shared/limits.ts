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
