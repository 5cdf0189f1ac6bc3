/** Payload schemas and resolver keys of post-launch tracking (shapes in ./post-launch). */
import * as z from 'zod/mini';
import { isPlausibleNumber, valueRangeMessage } from '../shared/limits';
import { dateSchema } from '../shared/dates';
import {
  DECISION_KINDS,
  FEEDBACK_CADENCE,
  FEEDBACK_SOURCES,
  ITERATION_PRESETS,
  POST_LAUNCH_LIMITS,
  SENTIMENTS,
  type ChartYear,
  type CreatableIssueType,
  type Decision,
  type DecisionPage,
  type Feedback,
  type FeedbackPage,
  type FeedbackCadence,
  type IterationView,
  type JiraVersionChoice,
  type JqlPreview,
  type KpiChart,
  type KpiSource,
  type LaunchChange,
  type LaunchOverview,
  type LaunchSummary,
  type MeasurementDetail,
  type MeasurementItem,
} from './post-launch';

const id = (label = 'id') =>
  z.string({ error: `Must be ${label === 'id' ? 'an id' : `a ${label} id`}.` }).check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, `Not a valid ${label} id.`));
const versionId = z.string({ error: 'Must be a version id.' }).check(z.regex(/^\d{1,18}$/, 'Not a valid version id.'));
const revision = z.int({ error: 'Revision must be a whole number.' }).check(z.minimum(0, 'Revision must not be negative.'));
const text = (label: string, max: number, required = false) =>
  z
    .string({ error: `${label} must be text.` })
    .check(
      z.trim(),
      z.maxLength(max, `${label} can be at most ${max.toLocaleString('en-US')} characters.`),
      ...(required ? [z.minLength(1, `${label} is required.`)] : []),
    );

/** The one date rule of every date field. */
const day = dateSchema;
const value = z.number({ error: 'Value must be a number.' }).check(z.refine(isPlausibleNumber, valueRangeMessage('Value')));
const cursor = z.optional(z.string().check(z.maxLength(1000, 'Cursor too long.')));
const iterationRef = z.strictObject({ launchId: id('launch'), iterationId: id('iteration') });

export const launchSummarySchema = z.strictObject({ launchId: id('launch') });

export const createLaunchSchema = z.strictObject({
  /** Defaults to the version's name. */
  name: text('Name', POST_LAUNCH_LIMITS.launchName),
  versionId: z.nullable(versionId),
  /** Defaults to the version's release date. */
  date: z.nullable(day('Launch date')),
  preset: z.enum(ITERATION_PRESETS, { error: 'Iterations must be 30-60-90 or none.' }),
  baseRevision: revision,
});

export const deleteLaunchSchema = z.strictObject({ launchId: id('launch'), baseRevision: revision });

export const iterationFieldsSchema = z.strictObject({
  name: text('Name', POST_LAUNCH_LIMITS.iterationName, true),
  start: day('Start'),
  end: day('End'),
  versionId: z.nullable(versionId),
});

export const createIterationSchema = z.strictObject({
  launchId: id('launch'),
  iteration: iterationFieldsSchema,
  baseRevision: revision,
});

export const updateIterationSchema = z.strictObject({
  launchId: id('launch'),
  iterationId: id('iteration'),
  iteration: iterationFieldsSchema,
  baseRevision: revision,
});

export const deleteIterationSchema = z.strictObject({
  launchId: id('launch'),
  iterationId: id('iteration'),
  baseRevision: revision,
  /** Must be true to delete an iteration that has feedback or decisions. */
  confirm: z.optional(z.boolean()),
});

export const loadIterationSchema = iterationRef;

export const decideSchema = z.strictObject({
  launchId: id('launch'),
  iterationId: id('iteration'),
  kind: z.enum(DECISION_KINDS, { error: 'Kind must be decision or next-step.' }),
  text: text('Decision', POST_LAUNCH_LIMITS.decisionText, true),
});

export const decisionsSchema = z.strictObject({ launchId: id('launch'), iterationId: id('iteration'), cursor });

/** A decision id: a count-down of the instant, a dash, an id. */
const decisionId = z.string({ error: 'Must be a decision id.' }).check(z.regex(/^\d{13}-[a-zA-Z0-9_-]{1,64}$/, 'Not a valid decision id.'));

/** Creates the Jira issue of a decision (as the caller); a decision that has one answers it unchanged. */
export const createDecisionIssueSchema = z.strictObject({
  launchId: id('launch'),
  iterationId: id('iteration'),
  decisionId,
  issueTypeId: z.string({ error: 'Choose an issue type.' }).check(z.regex(/^\d{1,18}$/, 'Choose an issue type.')),
});

export const measureSchema = z.strictObject({
  kpiId: id('KPI'),
  date: day('Date'),
  value,
  note: text('Note', POST_LAUNCH_LIMITS.measurementNote),
  /** 0 for a day without a value; the current revision to replace one. */
  baseRevision: revision,
  /** Entered on an iteration's page: the date must then lie inside that iteration. */
  iteration: z.optional(iterationRef),
  /** True once the person confirmed a value far outside the KPI's range (answered CONFIRMATION_REQUIRED). */
  confirmed: z.optional(z.boolean({ error: 'Confirmed must be true or false.' })),
});

/** An admin confirms an outlier (e.g. a daily JQL count) so that verdicts count it. */
export const confirmOutlierSchema = z.strictObject({ kpiId: id('KPI'), date: day('Date'), baseRevision: revision });

export const unmeasureSchema = z.strictObject({ kpiId: id('KPI'), date: day('Date'), baseRevision: revision });

export const measurementSchema = z.strictObject({ kpiId: id('KPI'), date: day('Date'), cursor });

export const chartSchema = z.strictObject({ kpiId: id('KPI') });

export const chartYearSchema = z.strictObject({
  kpiId: id('KPI'),
  year: z.int({ error: 'Year must be a whole number.' }).check(z.minimum(2000, 'No data before 2000.'), z.maximum(2099, 'No data after 2099.')),
});

export const setKpiJqlSchema = z.strictObject({
  kpiId: id('KPI'),
  /** null: measure by hand again. */
  jql: z.nullable(text('JQL', POST_LAUNCH_LIMITS.jql, true)),
  /** The JQL the admin saw (null: measured by hand): another admin's change since answers CONFLICT. */
  baseJql: z.nullable(z.string({ error: 'Base JQL must be text.' }).check(z.maxLength(POST_LAUNCH_LIMITS.jql, 'Base JQL too long.'))),
});

/** Counts a JQL now, as the admin, to show what switching the KPI to it would do; writes nothing. */
export const previewJqlSchema = z.strictObject({ kpiId: id('KPI'), jql: text('JQL', POST_LAUNCH_LIMITS.jql, true) });

export const createFeedbackSchema = z.strictObject({
  source: z.enum(FEEDBACK_SOURCES, { error: 'Source must be interview, survey, support, analytics or other.' }),
  text: text('Feedback', POST_LAUNCH_LIMITS.feedbackText, true),
  sentiment: z.enum(SENTIMENTS, { error: 'Sentiment must be positive, neutral or negative.' }),
  goalId: z.nullable(id('goal')),
  kpiId: z.nullable(id('KPI')),
  iteration: z.nullable(iterationRef),
  /** From an epic's issue panel: the item is about that epic (taken from the context, never the payload). */
  aboutEpic: z.optional(z.boolean({ error: 'About the epic must be true or false.' })),
});

/** An admin's triage: what an item is about and how it is classified (its text and author stay). */
export const classifyFeedbackSchema = z.strictObject({
  feedbackId: id('feedback'),
  source: z.enum(FEEDBACK_SOURCES, { error: 'Source must be interview, survey, support, analytics or other.' }),
  sentiment: z.enum(SENTIMENTS, { error: 'Sentiment must be positive, neutral or negative.' }),
  goalId: z.nullable(id('goal')),
  kpiId: z.nullable(id('KPI')),
  iteration: z.nullable(iterationRef),
});

export const feedbackCadenceSchema = z.strictObject({
  cadenceDays: z
    .int({ error: 'The cadence must be a whole number of days.' })
    .check(
      z.minimum(FEEDBACK_CADENCE.minDays, `The cadence must be at least ${FEEDBACK_CADENCE.minDays} day.`),
      z.maximum(FEEDBACK_CADENCE.maxDays, `The cadence can be at most ${FEEDBACK_CADENCE.maxDays} days.`),
    ),
});

export const listFeedbackSchema = z.strictObject({ iteration: z.optional(iterationRef), cursor });

export const deleteFeedbackSchema = z.strictObject({ feedbackId: id('feedback') });

/** Resolver keys of post-launch tracking (all answered by the Jira resolver). */
export const POST_LAUNCH_KEYS = [
  'launch/overview',
  'launch/summary',
  'launch/versions',
  'launch/create',
  'launch/delete',
  'iteration/create',
  'iteration/update',
  'iteration/delete',
  'iteration/load',
  'iteration/decide',
  'iteration/decisions',
  'iteration/issue-types',
  'iteration/create-issue',
  'kpi/chart',
  'kpi/chart-year',
  'kpi/measure',
  'kpi/unmeasure',
  'kpi/measurement',
  'kpi/set-jql',
  'kpi/preview-jql',
  'kpi/confirm-outlier',
  'feedback/create',
  'feedback/list',
  'feedback/delete',
  'feedback/classify',
  'feedback/cadence',
] as const;

export interface PostLaunchApi {
  'launch/overview': { payload: Record<string, never>; result: LaunchOverview };
  'launch/summary': { payload: z.infer<typeof launchSummarySchema>; result: LaunchSummary };
  'launch/versions': { payload: Record<string, never>; result: JiraVersionChoice[] };
  'launch/create': { payload: z.infer<typeof createLaunchSchema>; result: LaunchChange };
  'launch/delete': { payload: z.infer<typeof deleteLaunchSchema>; result: LaunchChange };
  'iteration/create': { payload: z.infer<typeof createIterationSchema>; result: LaunchChange };
  'iteration/update': { payload: z.infer<typeof updateIterationSchema>; result: LaunchChange };
  'iteration/delete': { payload: z.infer<typeof deleteIterationSchema>; result: LaunchChange };
  'iteration/load': { payload: z.infer<typeof loadIterationSchema>; result: IterationView };
  'iteration/decide': { payload: z.infer<typeof decideSchema>; result: Decision };
  'iteration/decisions': { payload: z.infer<typeof decisionsSchema>; result: DecisionPage };
  'iteration/issue-types': { payload: Record<string, never>; result: CreatableIssueType[] };
  'iteration/create-issue': { payload: z.infer<typeof createDecisionIssueSchema>; result: Decision };
  'kpi/chart': { payload: z.infer<typeof chartSchema>; result: KpiChart };
  'kpi/chart-year': { payload: z.infer<typeof chartYearSchema>; result: ChartYear };
  'kpi/measure': { payload: z.infer<typeof measureSchema>; result: MeasurementItem };
  'kpi/unmeasure': { payload: z.infer<typeof unmeasureSchema>; result: MeasurementItem };
  'kpi/measurement': { payload: z.infer<typeof measurementSchema>; result: MeasurementDetail };
  'kpi/set-jql': { payload: z.infer<typeof setKpiJqlSchema>; result: KpiSource | null };
  'kpi/preview-jql': { payload: z.infer<typeof previewJqlSchema>; result: JqlPreview };
  'kpi/confirm-outlier': { payload: z.infer<typeof confirmOutlierSchema>; result: MeasurementItem };
  'feedback/create': { payload: z.infer<typeof createFeedbackSchema>; result: Feedback };
  'feedback/list': { payload: z.infer<typeof listFeedbackSchema>; result: FeedbackPage };
  'feedback/delete': { payload: z.infer<typeof deleteFeedbackSchema>; result: { deleted: string } };
  'feedback/classify': { payload: z.infer<typeof classifyFeedbackSchema>; result: Feedback };
  'feedback/cadence': { payload: z.infer<typeof feedbackCadenceSchema>; result: FeedbackCadence };
}
