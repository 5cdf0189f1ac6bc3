/** The leaf shapes of the model: goal statuses, KPI directions and the vision's texts. Re-exported by model.ts. */
export const GOAL_STATUSES = ['active', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const KPI_DIRECTIONS = ['increase', 'decrease', 'band'] as const;
/** `band`: keep the value between `bandLow` and `bandHigh`. */
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export interface VisionFields {
  statement: string;
  targetUsers: string;
  problem: string;
  valueProposition: string;
  horizon: string;
}

export interface Vision extends VisionFields {
  revision: number;
  updatedBy: string;
  updatedAt: string;
}
