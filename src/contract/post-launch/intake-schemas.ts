/** Payload schemas and resolver keys of feedback intake from Jira (shapes in ./intake). */
import * as z from 'zod/mini';
import { textSchema } from '../shared/text';
import { INTAKE_LIMITS, type IntakeSourceStatus, type IntakeView } from './intake';
import { SENTIMENTS, type Feedback } from './post-launch';

const id = (label: string) =>
  z.string({ error: `Must be a ${label} id.` }).check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, `Not a valid ${label} id.`));
const cursor = z.optional(z.string().check(z.maxLength(1000, 'Cursor too long.')));

export const intakeViewSchema = z.strictObject({ cursor });

export const addSourceSchema = z.strictObject({ jql: textSchema('JQL', INTAKE_LIMITS.jql, true) });

export const removeSourceSchema = z.strictObject({ sourceId: id('source') });

export const fetchSourceSchema = z.strictObject({ sourceId: id('source') });

export const triageSchema = z.strictObject({
  feedbackId: id('feedback'),
  sentiment: z.enum(SENTIMENTS, { error: 'Sentiment must be positive, neutral or negative.' }),
  goalId: z.nullable(id('goal')),
  kpiId: z.nullable(id('KPI')),
  iteration: z.nullable(z.strictObject({ launchId: id('launch'), iterationId: id('iteration') })),
});

export const INTAKE_KEYS = ['intake/view', 'intake/add-source', 'intake/remove-source', 'intake/fetch', 'intake/triage'] as const;

export interface IntakeApi {
  'intake/view': { payload: z.infer<typeof intakeViewSchema>; result: IntakeView };
  'intake/add-source': { payload: z.infer<typeof addSourceSchema>; result: IntakeSourceStatus };
  'intake/remove-source': { payload: z.infer<typeof removeSourceSchema>; result: { removed: string } };
  'intake/fetch': { payload: z.infer<typeof fetchSourceSchema>; result: IntakeSourceStatus };
  'intake/triage': { payload: z.infer<typeof triageSchema>; result: Feedback };
}
