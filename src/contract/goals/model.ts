/** Shapes that cross the bridge. Both the UI and the back end use them. */
import type { ProjectHighlights, PublishedVision, ReviewFlags, VisionDraft } from '../vision/publishing';
import type { GoalStatus, KpiDirection } from '../vision/vision-basics';
import type { GuidedStart } from '../guided-start/guided-start';

// The leaf shapes live in vision-basics.ts so that publishing.ts can use them without a cycle through this file.
export { GOAL_STATUSES, KPI_DIRECTIONS, type GoalStatus, type KpiDirection, type Vision, type VisionFields } from '../vision/vision-basics';

export interface GoalFields {
  title: string;
  description: string;
  ownerAccountId: string | null;
  status: GoalStatus;
  /** ISO date, YYYY-MM-DD. */
  targetDate: string | null;
}

export interface Goal extends GoalFields {
  id: string;
  /** The company goal (site-wide) this goal contributes to; absent or null when none. */
  companyGoalId?: string | null;
  createdAt: string;
  createdBy: string;
}

export interface KpiFields {
  goalId: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline: number;
  /** Target for `increase` / `decrease`; null for `band`. */
  target: number | null;
  bandLow: number | null;
  bandHigh: number | null;
  /** A percent KPI (unit "%") holds 0–100 unless the admin allows any percent (growth rates, over-delivery). */
  anyPercent?: boolean;
}

export interface Kpi extends KpiFields {
  id: string;
}

/** Goals and KPIs of one project: one stored document, one read. */
export interface GoalBook {
  revision: number;
  goals: Goal[];
  kpis: Kpi[];
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface Person {
  accountId: string;
  displayName: string;
}

export interface ProjectView {
  project: { id: string; key: string };
  canEdit: boolean;
  /** The draft admins edit (with its bets and review cadence); null for readers, who see `published`. */
  vision: VisionDraft | null;
  goalBook: GoalBook;
  /** Display names of the people the page mentions (goal owners, last editors). */
  people: Person[];
  /** The current published version: what everyone reads. */
  published?: PublishedVision | null;
  /** Whether the published vision, or one of its bets, is past its review date. */
  review?: ReviewFlags | null;
  /** What other features add (alignment coverage, latest iteration, KPI measurements); see project-highlights.ts. */
  highlights?: ProjectHighlights;
  /** How far the project has come, step by step (guided start). */
  guidedStart?: GuidedStart;
}

export interface VisionRevisionSummary {
  revision: number;
  updatedBy: string;
  updatedAt: string;
  statement: string;
}

export interface VisionHistoryPage {
  revisions: VisionRevisionSummary[];
  nextCursor: string | null;
}

/**
 * The `details` of NOT_FOUND when an edit's goal or KPI was deleted meanwhile: what is gone and the
 * book as it is now, so the form can keep what was typed and offer to create it again (a KPI only
 * while its goal still exists: `goalExists`).
 */
export interface GoneDetails {
  gone: { kind: 'goal' | 'kpi'; id: string; goalExists: boolean };
  current: GoalBook;
}

/** What deleting a goal would leave behind; the UI asks before it goes ahead. */
export interface GoalDeletionImpact {
  goalId: string;
  kpis: Array<{ id: string; name: string }>;
}
