/**
 * Feedback intake from Jira: an admin names JQL sources (e.g. a service desk's requests of one type);
 * the daily trigger and *Fetch now* bring in new matching issues as feedback items linked to their
 * issue, once each; the admin then triages them (KPI or goal, sentiment, iteration). Shapes and limits
 * shared by the UI and the resolvers; the payload schemas are in ./intake-schemas.
 */
import type { Feedback, GoalChoiceLite } from './post-launch';

export const INTAKE_LIMITS = {
  sourcesPerProject: 10,
  jql: 1000,
  /** New items a source brings in per day (UTC); the rest follow the next day. */
  itemsPerDay: 1000,
  /** Issues per search page: Jira's most with fields asked for. */
  pageSize: 100,
  /** Untriaged items per page of the triage list. */
  triagePage: 20,
} as const;

export interface IntakeSource {
  id: string;
  jql: string;
  setBy: string;
  setAt: string;
}

/**
 * Where a source stands. `running`/`retrying`: a fetch is under way; `done`: the last fetch brought in
 * everything that matched; `capped`: it stopped at the day's limit and continues the next day;
 * `failing`: Jira refused the JQL (the message says why), so it is not fetched again until an admin
 * fetches it by hand; `stopped`: Jira did not answer, the next daily run tries again; `idle`: never run.
 */
export const INTAKE_STATES = ['idle', 'running', 'retrying', 'done', 'capped', 'failing', 'stopped'] as const;
export type IntakeRunState = (typeof INTAKE_STATES)[number];

export interface IntakeSourceStatus extends IntakeSource {
  state: IntakeRunState;
  /** When the last fetch started and last moved; null before the first. */
  startedAt: string | null;
  updatedAt: string | null;
  /** Items the current (or last) fetch brought in. */
  added: number;
  /** Items brought in today (UTC), against the daily limit. */
  today: number;
  /** Items ever brought in by this source. */
  total: number;
  /** Jira's message for a failing source, or why a fetch stopped. */
  message: string | null;
}

/** An iteration to triage into (every launch's, newest launch first). */
export interface IterationChoice {
  launchId: string;
  launchName: string;
  iterationId: string;
  name: string;
  start: string;
  end: string;
}

export interface UntriagedItem {
  feedback: Feedback;
  /** The iteration whose dates contain the creation day; null when none does. */
  suggested: { launchId: string; iterationId: string } | null;
}

/** The settings page's intake section: one invoke. */
export interface IntakeView {
  sources: IntakeSourceStatus[];
  untriaged: UntriagedItem[];
  nextCursor: string | null;
  goals: GoalChoiceLite[];
  kpis: Array<{ id: string; goalId: string; name: string }>;
  iterations: IterationChoice[];
  /** Display names of the reporters in `untriaged`. */
  people: Array<{ accountId: string; displayName: string }>;
  /** YYYY-MM-DD (UTC), the server's today. */
  today: string;
}
