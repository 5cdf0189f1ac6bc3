/**
 * Storage layout of post-launch tracking. Everything that grows with time has its own keys: one key per
 * measurement (its revisions under it), yearly buckets of a KPI's daily values for charts, one key per
 * feedback item (with index copies per iteration, KPI and goal) and per decision; bounded documents
 * (the launch book, the KPI sources, one digest per launch) hold what a page needs in one read.
 * Keys of lists shown newest first count down, so that sorting a page by key puts the newest first
 * (Forge documents no query order).
 */

/** Revisions newest first: 9999999999 − n, zero-padded. */
const newestFirst = (n: number) => String(9_999_999_999 - n).padStart(10, '0');

/** Instants newest first: 9999999999999 − epoch milliseconds, zero-padded (13 digits). */
export const newestFirstInstant = (iso: string) => String(9_999_999_999_999 - Date.parse(iso)).padStart(13, '0');

const project = (p: string) => `project:${p}`;

export const plKeys = {
  /** All launches and their iterations: one document, revisions claimed like the goal book's. */
  launchBook: (p: string) => `${project(p)}:launches`,
  launchBookRevision: (p: string, n: number) => `${project(p)}:launches-rev:${newestFirst(n)}`,
  /** Per launch: baselines, iteration start/close values per KPI, feedback and decision counts. */
  digest: (p: string, launchId: string) => `${project(p)}:launch:${launchId}:digest`,
  /** A KPI's daily values of one calendar year. */
  bucket: (p: string, kpiId: string, year: number) => `${project(p)}:kpi:${kpiId}:year:${year}`,
  bucketPrefix: (p: string, kpiId: string) => `${project(p)}:kpi:${kpiId}:year:`,
  /** A KPI's measurement of one day (current revision) and every revision of it (who and when). */
  measurement: (p: string, kpiId: string, day: string) => `${project(p)}:kpi:${kpiId}:day:${day}`,
  measurementRevision: (p: string, kpiId: string, day: string, n: number) => `${project(p)}:kpi:${kpiId}:day:${day}:rev:${newestFirst(n)}`,
  measurementRevisionPrefix: (p: string, kpiId: string, day: string) => `${project(p)}:kpi:${kpiId}:day:${day}:rev:`,
  /**
   * A note that a measurement write to a day (at a revision) is under way: left before the write changes
   * anything, removed once the derived data is in step (./repair-notes.ts).
   */
  repairNote: (p: string, kpiId: string, day: string, revision: number) => `${project(p)}:kpi-repair:${kpiId}:${day}:${revision}`,
  repairNotePrefix: (p: string, kpiId?: string) => `${project(p)}:kpi-repair:${kpiId === undefined ? '' : `${kpiId}:`}`,
  /** The latest measured value of each KPI of a project (for the project page and the published summary). */
  kpiLatest: (p: string) => `${project(p)}:kpi-latest`,
  /** The automatic (JQL) sources of a project's KPIs: one small document. */
  sources: (p: string) => `${project(p)}:kpi-sources`,
  /** Index of the projects that have automatic KPIs, read by the daily measurement. */
  jqlProject: (p: string) => `jql-kpi-project:${p}`,
  jqlProjectPrefix: 'jql-kpi-project:',
  /** Feedback, newest first: the item, and copies under each thing it is linked to. */
  feedback: (p: string, id: string) => `${project(p)}:feedback:${id}`,
  feedbackPrefix: (p: string) => `${project(p)}:feedback:`,
  feedbackByIteration: (p: string, iterationId: string, id: string) => `${project(p)}:feedback-iteration:${iterationId}:${id}`,
  feedbackByIterationPrefix: (p: string, iterationId: string) => `${project(p)}:feedback-iteration:${iterationId}:`,
  feedbackByKpi: (p: string, kpiId: string, id: string) => `${project(p)}:feedback-kpi:${kpiId}:${id}`,
  feedbackByGoal: (p: string, goalId: string, id: string) => `${project(p)}:feedback-goal:${goalId}:${id}`,
  /** When the project last heard from users (the newest feedback items) and the cadence it expects: one small document. */
  feedbackCadence: (p: string) => `${project(p)}:feedback-cadence`,
  /** Imported feedback no admin has triaged yet (a copy, removed on triage). */
  feedbackUntriaged: (p: string, id: string) => `${project(p)}:feedback-untriaged:${id}`,
  feedbackUntriagedPrefix: (p: string) => `${project(p)}:feedback-untriaged:`,
  /** The project's feedback sources (JQL): one small document. */
  intakeSources: (p: string) => `${project(p)}:intake-sources`,
  /** Where a source's fetching stands (the chain of queue events' truth). */
  intakeState: (p: string, sourceId: string) => `${project(p)}:intake:${sourceId}:state`,
  /** Each step of a fetch, claimed once, so a retried or duplicated event cannot fork the chain. */
  intakeStep: (p: string, sourceId: string, runId: string, step: number) => `${project(p)}:intake:${sourceId}:step:${runId}:${step}`,
  /** An issue a source brought in, claimed once for good: the item is never brought in twice. */
  intakeIssue: (p: string, sourceId: string, issueId: string) => `${project(p)}:intake:${sourceId}:issue:${issueId}`,
  /** Index of the projects that have feedback sources, read by the daily intake. */
  intakeProject: (p: string) => `intake-project:${p}`,
  intakeProjectPrefix: 'intake-project:',
  /** Decisions and next steps of an iteration, newest first. */
  decision: (p: string, iterationId: string, id: string) => `${project(p)}:decision:${iterationId}:${id}`,
  decisionPrefix: (p: string, iterationId: string) => `${project(p)}:decision:${iterationId}:`,
  /** The one claim on making a decision's Jira issue (write-if-absent): one decision, one issue. */
  decisionIssueClaim: (p: string, decisionId: string) => `${project(p)}:decision-issue:${decisionId}`,
  /** Taking over a claim whose attempt ended without an issue: one taker per stale attempt. */
  decisionIssueTakeover: (p: string, decisionId: string, token: string) => `${project(p)}:decision-issue:${decisionId}:after:${token}`,
  /** A short-lived claim on revision `rev` of a document updated with compare-and-set. */
  claim: (key: string, rev: number) => `claim:${key}#${rev}`,
};
