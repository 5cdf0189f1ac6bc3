/**
 * What an empty project starts from: an elevator-pitch template for the vision, and example goals with
 * one KPI each that an admin adopts in one click (and then edits: the figures are placeholders).
 */
import type { KpiExample } from '../../contract/guided-start/guided-start';
import type { GoalFields, KpiFields } from '../../contract/goals/model';

/** The elevator pitch, with the blanks in angle brackets. */
export const ELEVATOR_PITCH =
  'For <target users> who <need>, <product> is a <category> that <benefit>. Unlike <alternative>, our product <differentiator>.';

export const KPI_EXAMPLES: readonly KpiExample[] = [
  { id: 'adoption', goal: 'Grow adoption', kpi: 'Weekly active users', unit: 'users', direction: 'increase', baseline: 0, target: 500 },
  { id: 'self-service', goal: 'Let users help themselves', kpi: 'Support requests per month', unit: 'requests', direction: 'decrease', baseline: 200, target: 100 },
  { id: 'satisfaction', goal: 'Keep users satisfied', kpi: 'Satisfaction score', unit: '%', direction: 'increase', baseline: 60, target: 80 },
];

export const kpiExample = (id: string): KpiExample | undefined => KPI_EXAMPLES.find((e) => e.id === id);

/**
 * The goal and KPI an example adds, for the goal book's own rules (addGoal, addKpi) to check.
 * @example exampleFields(KPI_EXAMPLES[0], 'g1').kpi.goalId // 'g1'
 */
export function exampleFields(e: KpiExample, goalId: string): { goal: GoalFields; kpi: KpiFields } {
  return {
    goal: { title: e.goal, description: '', ownerAccountId: null, status: 'active', targetDate: null },
    kpi: { goalId, name: e.kpi, unit: e.unit, direction: e.direction, baseline: e.baseline, target: e.target, bandLow: null, bandHigh: null },
  };
}
