/**
 * Payload schemas for every resolver key, shared by the UI (inline validation) and the
 * resolvers (the gate: nothing unparsed reaches a use case). `zod/mini` keeps the UI bundle small.
 */
import * as z from 'zod/mini';
import { GOAL_STATUSES, KPI_DIRECTIONS } from '../goals/model';
import { LIMITS, isPlausibleNumber, valueRangeMessage } from './limits';
import { betsSchema, cadenceSchema } from '../vision/publishing';
import { dateSchema } from './dates';
import { textSchema as text } from './text';
import type { FieldIssue } from './result';

/** The one date rule (see ./dates): every date field of every payload uses it. */
export { dateSchema, isRealDate, DATE_YEARS } from './dates';


const id = z.string({ error: 'Must be an id.' }).check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Not a valid id.'));
const revision = z.int({ error: 'Revision must be a whole number.' }).check(z.minimum(0, 'Revision must not be negative.'));
const finite = (label: string) =>
  z.number({ error: `${label} must be a number.` }).check(z.refine(isPlausibleNumber, valueRangeMessage(label)));

export const emptyPayload = z.strictObject({});

export const visionFieldsSchema = z.strictObject({
  statement: text('Vision statement', LIMITS.visionField, true),
  targetUsers: text('Target users', LIMITS.visionField),
  problem: text('Problem', LIMITS.visionField),
  valueProposition: text('Value proposition', LIMITS.visionField),
  horizon: text('Horizon', LIMITS.horizon),
});

export const saveVisionSchema = z.strictObject({
  ...visionFieldsSchema.shape,
  baseRevision: revision,
  /** Assumptions, risks and technology bets; kept as they are when left out. */
  bets: z.optional(betsSchema),
  /** Days between reviews of the published vision; kept as it is when left out. */
  reviewCadenceDays: z.optional(cadenceSchema),
});

export const historySchema = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(500))),
});

export const goalFieldsSchema = z.strictObject({
  title: text('Title', LIMITS.goalTitle, true),
  description: text('Description', LIMITS.goalDescription),
  ownerAccountId: z.nullable(z.string().check(z.regex(/^[a-zA-Z0-9:_-]{1,128}$/, 'Not a valid account id.'))),
  status: z.enum(GOAL_STATUSES, { error: 'Status must be active, achieved or dropped.' }),
  targetDate: z.nullable(dateSchema('Target date')),
});

export const createGoalSchema = z.strictObject({ goal: goalFieldsSchema, baseRevision: revision });
export const updateGoalSchema = z.strictObject({ goalId: id, goal: goalFieldsSchema, baseRevision: revision });
export const deleteGoalSchema = z.strictObject({
  goalId: id,
  baseRevision: revision,
  /** Must be true to delete a goal that still has KPIs; without it the answer lists them. */
  confirm: z.optional(z.boolean()),
});

export const kpiFieldsSchema = z.strictObject({
  goalId: id,
  name: text('Name', LIMITS.kpiName, true),
  unit: text('Unit', LIMITS.kpiUnit),
  direction: z.enum(KPI_DIRECTIONS, { error: 'Direction must be increase, decrease or band.' }),
  baseline: finite('Baseline'),
  target: z.nullable(finite('Target')),
  bandLow: z.nullable(finite('Lower bound')),
  bandHigh: z.nullable(finite('Upper bound')),
  /** A percent KPI (unit "%") holds 0–100 unless this is true (e.g. a growth rate of −20% or 150%). */
  anyPercent: z.optional(z.boolean({ error: 'Any percent must be true or false.' })),
});

export const createKpiSchema = z.strictObject({ kpi: kpiFieldsSchema, baseRevision: revision });
export const updateKpiSchema = z.strictObject({ kpiId: id, kpi: kpiFieldsSchema, baseRevision: revision });
export const deleteKpiSchema = z.strictObject({ kpiId: id, baseRevision: revision });

/** Turns zod issues into field issues the UI can put next to its inputs. */
export const toFieldIssues = (
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string; keys?: string[] }>,
): FieldIssue[] =>
  issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message:
      i.code === 'unrecognized_keys' && i.keys
        ? `Unknown field: ${i.keys.join(', ')}.`
        : // zod's own "Invalid input" (a check without a message of ours) in a sentence the catalogue translates.
          i.message === 'Invalid input'
          ? 'This value is not valid here.'
          : i.message,
  }));
