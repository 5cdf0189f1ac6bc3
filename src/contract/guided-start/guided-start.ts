/**
 * Guided start: the steps that make a Jira project a product with a long-term vision, each measured
 * from the app's own data. Shapes shared by the project page, the settings page and the portfolio.
 */
import * as z from 'zod/mini';

export const GUIDED_STEP_IDS = ['vision', 'goals', 'alignment', 'iterations', 'feedback', 'shared'] as const;
export type GuidedStepId = (typeof GUIDED_STEP_IDS)[number];

/** Epics aligned with a goal, as a share of all epics, that the alignment step asks for. */
export const ALIGNMENT_TARGET = 0.8;

export type GuidedStep =
  /** A published vision that is not past its review date. */
  | { id: 'vision'; done: boolean; published: boolean; dueOn: string | null; overdue: boolean }
  /** Active goals, each with at least one KPI (a baseline and a target make it measurable). */
  | { id: 'goals'; done: boolean; goals: number; withKpi: number }
  /** At least 80% of the project's epics tied to a goal. */
  | { id: 'alignment'; done: boolean; epics: number; aligned: number; coverage: number | null }
  /** A launch whose iterations are tracked: one has started and tracking has not stalled. */
  | { id: 'iterations'; done: boolean; iteration: string | null; stalledSince: string | null }
  /** Feedback from users heard within the cadence. */
  | { id: 'feedback'; done: boolean; newestAt: string | null; cadenceDays: number; daysSince: number | null }
  /** The vision seen beyond its admins: the project page visited by someone who is not a project admin. */
  | { id: 'shared'; done: boolean; at: string | null };

export interface GuidedStart {
  steps: GuidedStep[];
  done: number;
  of: number;
  /** Where the steps are done, relative to the site URL (the project page and settings page set them). */
  links?: { settings: string; projectPage: string };
}

/** An example KPI an admin adopts in one click: a goal with one KPI, written through the goal book. */
export interface KpiExample {
  id: (typeof KPI_EXAMPLE_IDS)[number];
  goal: string;
  kpi: string;
  unit: string;
  direction: 'increase' | 'decrease';
  baseline: number;
  target: number;
}

/* ---------- resolver keys ---------- */

export const KPI_EXAMPLE_IDS = ['adoption', 'self-service', 'satisfaction'] as const;

export const adoptExampleSchema = z.strictObject({
  exampleId: z.enum(KPI_EXAMPLE_IDS, { error: 'No such example.' }),
  baseRevision: z.int({ error: 'Revision must be a whole number.' }).check(z.minimum(0, 'Revision must not be negative.')),
});

/** Answered with the goal book (declared in ../keys.ts, which knows its shape). */
export const GUIDED_START_KEYS = ['guided/adopt-example'] as const;
