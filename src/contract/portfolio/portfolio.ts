/**
 * Company goals (site-wide business goals above projects) and the product portfolio (one row per
 * project that uses the app): shapes, payload schemas and resolver keys, for the global page, the admin
 * page and the settings page's "contributes to" choice.
 */
import * as z from 'zod/mini';
import { GOAL_STATUSES, type GoalStatus } from '../vision/vision-basics';
import type { KpiStatusKind } from '../vision/publishing';
import { dateSchema } from '../shared/dates';
import { textSchema as text } from '../shared/text';
import { isPlausibleNumber } from '../shared/limits';

/* ---------- company goals ---------- */

export interface CompanyKpi {
  id: string;
  name: string;
  unit: string;
  /** What the company aims for; null when the KPI is tracked without a number yet. */
  target: number | null;
}

export interface CompanyGoalFields {
  title: string;
  description: string;
  /** The business unit that owns the goal ("Sales", "Customer Service"). */
  businessUnit: string;
  ownerAccountId: string | null;
  /** YYYY-MM-DD */
  targetDate: string | null;
  status: GoalStatus;
  kpis: Array<Omit<CompanyKpi, 'id'> & { id?: string }>;
}

export interface CompanyGoal extends Omit<CompanyGoalFields, 'kpis'> {
  id: string;
  /** The owner's display name when the goal was last saved (so the portfolio needs no Jira call for it). */
  ownerName?: string | null;
  kpis: CompanyKpi[];
  createdAt: string;
  createdBy: string;
}

/** Every company goal of the site: one stored document, one read. */
export interface CompanyGoalBook {
  revision: number;
  goals: CompanyGoal[];
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A group Jira knows, by its id (names can change) and its name when it was chosen. */
export interface NamedGroup {
  groupId: string;
  name: string;
}

/** Who may edit company goals besides Jira administrators: named by a Jira administrator. */
export interface CompanyGoalEditors {
  revision: number;
  accountIds: string[];
  groups: NamedGroup[];
  updatedBy: string | null;
  updatedAt: string | null;
}

/** What the admin page shows: the editors, with names for the named people. */
export interface CompanyGoalEditorsView {
  editors: CompanyGoalEditors;
  people: Array<{ accountId: string; displayName: string }>;
}

export interface PrincipalMatches {
  people: Array<{ accountId: string; displayName: string }>;
  groups: NamedGroup[];
}

/** What the settings page's goal form needs: the company goals a project goal may contribute to. */
export interface CompanyGoalChoices {
  goals: Array<Pick<CompanyGoal, 'id' | 'title' | 'businessUnit' | 'status'>>;
}

/* ---------- portfolio ---------- */

export interface KpiTally {
  onTrack: number;
  offTrack: number;
  noData: number;
}

/** A project goal that contributes to a company goal, with its KPIs' status counted. */
export interface Contribution {
  goalId: string;
  title: string;
  companyGoalId: string;
  kpis: KpiTally;
}

/**
 * One project's figures as the portfolio shows them: written by the writes that change them (a
 * background refresh), never computed on load. Days, not flags, so "overdue" is judged on the day read.
 */
export interface PortfolioRow {
  projectId: string;
  projectKey: string;
  /** The published vision version; null before the first publish. */
  visionVersion: number | null;
  publishedAt: string | null;
  /** YYYY-MM-DD the published vision is due for review; null before the first publish. */
  reviewDueOn: string | null;
  /** Epics aligned, 0..100; null before the first alignment pass or without epics. */
  alignedPercent: number | null;
  epics: number | null;
  kpis: KpiTally;
  /** The latest iteration's verdict in words and tone; null without one. */
  verdict: { name: string; verdict: string; tone: 'success' | 'warning' | 'danger' | 'neutral' } | null;
  /** ISO instant of the newest feedback; null without any. */
  newestFeedbackAt: string | null;
  /** How often the project means to hear from its users, in days (absent on rows written before it was kept). */
  feedbackCadenceDays?: number;
  /** The guided start's steps done; null where it is not measured. */
  guidedStart: { done: number; of: number } | null;
  contributions: Contribution[];
  /** When the row was last written. */
  asOf: string;
}

export interface CompanyGoalRollup {
  goal: CompanyGoal;
  /** Contributing project goals, only from projects the viewer may browse. */
  contributions: Array<Contribution & { projectId: string; projectKey: string }>;
  kpis: KpiTally;
}

export interface PortfolioView {
  /** Each with the path of its project page in Jira (relative to the site). */
  rows: Array<PortfolioRow & { href: string }>;
  companyGoals: CompanyGoalRollup[];
  companyGoalBook: CompanyGoalBook;
  canEditCompanyGoals: boolean;
  /** YYYY-MM-DD the server judged overdue reviews by. */
  today: string;
  /** Display names of company goal owners. */
  people: Array<{ accountId: string; displayName: string }>;
}

/** Maps a KPI status onto the portfolio's three counts ("achieved" counts as on track). */
export const tallyKind = (s: KpiStatusKind): keyof KpiTally => (s === 'off-track' ? 'offTrack' : s === 'no-data' ? 'noData' : 'onTrack');

/* ---------- payload schemas ---------- */

export const COMPANY_LIMITS = { title: 200, description: 2000, businessUnit: 120, kpis: 10, kpiName: 120, unit: 20, goals: 200, editors: 100 } as const;

const id = z.string({ error: 'Must be an id.' }).check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Not a valid id.'));
const revision = z.int({ error: 'Revision must be a whole number.' }).check(z.minimum(0, 'Revision must not be negative.'));
const accountId = z.string({ error: 'Must be an account id.' }).check(z.regex(/^[a-zA-Z0-9:_-]{1,128}$/, 'Not a valid account id.'));
const groupId = z.string({ error: 'Must be a group id.' }).check(z.regex(/^[a-zA-Z0-9_-]{1,128}$/, 'Not a valid group id.'));

export const companyKpiSchema = z.strictObject({
  id: z.optional(id),
  name: text('KPI name', COMPANY_LIMITS.kpiName, true),
  unit: text('Unit', COMPANY_LIMITS.unit),
  target: z.nullable(z.number({ error: 'Target must be a number.' }).check(z.refine(isPlausibleNumber, 'Target is out of range.'))),
});

export const companyGoalFieldsSchema = z.strictObject({
  title: text('Title', COMPANY_LIMITS.title, true),
  description: text('Description', COMPANY_LIMITS.description),
  businessUnit: text('Business unit', COMPANY_LIMITS.businessUnit),
  ownerAccountId: z.nullable(accountId),
  targetDate: z.nullable(dateSchema('Target date')),
  status: z.enum(GOAL_STATUSES, { error: 'Status must be active, achieved or dropped.' }),
  kpis: z.array(companyKpiSchema).check(z.maxLength(COMPANY_LIMITS.kpis, `At most ${COMPANY_LIMITS.kpis} company KPIs.`)),
});

export const createCompanyGoalSchema = z.strictObject({ goal: companyGoalFieldsSchema, baseRevision: revision });
export const updateCompanyGoalSchema = z.strictObject({ goalId: id, goal: companyGoalFieldsSchema, baseRevision: revision });
export const deleteCompanyGoalSchema = z.strictObject({ goalId: id, baseRevision: revision });
export const setEditorsSchema = z.strictObject({
  accountIds: z.array(accountId, { error: 'People must be a list.' }).check(z.maxLength(COMPANY_LIMITS.editors, `At most ${COMPANY_LIMITS.editors} people.`)),
  groups: z
    .array(z.strictObject({ groupId, name: text('Group name', 255, true) }, { error: 'Each group needs an id and a name.' }), { error: 'Groups must be a list.' })
    .check(z.maxLength(COMPANY_LIMITS.editors, `At most ${COMPANY_LIMITS.editors} groups.`)),
  baseRevision: revision,
});
export const findPrincipalsSchema = z.strictObject({ query: text('Search', 100) });
/** A project goal contributes to one company goal, or (null) to none. */
export const contributeSchema = z.strictObject({ goalId: id, companyGoalId: z.nullable(id), baseRevision: revision });

export const PORTFOLIO_KEYS = [
  'portfolio/load',
  'company-goal/choices',
  'company-goal/create',
  'company-goal/update',
  'company-goal/delete',
  'company-goal/editors',
  'company-goal/set-editors',
  'company-goal/find-principals',
  'goal/contribute',
] as const;

export interface PortfolioApi {
  'portfolio/load': { payload: Record<string, never>; result: PortfolioView };
  'company-goal/choices': { payload: Record<string, never>; result: CompanyGoalChoices };
  'company-goal/create': { payload: z.infer<typeof createCompanyGoalSchema>; result: CompanyGoalBook };
  'company-goal/update': { payload: z.infer<typeof updateCompanyGoalSchema>; result: CompanyGoalBook };
  'company-goal/delete': { payload: z.infer<typeof deleteCompanyGoalSchema>; result: CompanyGoalBook };
  'company-goal/editors': { payload: Record<string, never>; result: CompanyGoalEditorsView };
  'company-goal/set-editors': { payload: z.infer<typeof setEditorsSchema>; result: CompanyGoalEditorsView };
  'company-goal/find-principals': { payload: z.infer<typeof findPrincipalsSchema>; result: PrincipalMatches };
  'goal/contribute': { payload: z.infer<typeof contributeSchema>; result: import('../goals/model').GoalBook };
}
