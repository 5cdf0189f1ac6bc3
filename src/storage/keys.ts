/**
 * Storage keys. Forge KVS allows `[a-zA-Z0-9:._\s-#]` up to 500 characters. Revision keys count down
 * from a large number, so that sorting a page by key puts the newest first (Forge documents no query order).
 */
const newestFirst = (revision: number) => String(9_999_999_999 - revision).padStart(10, '0');

export const storageKeys = {
  vision: (projectId: string) => `project:${projectId}:vision`,
  visionRevision: (projectId: string, revision: number) => `project:${projectId}:vision-rev:${newestFirst(revision)}`,
  visionRevisionPrefix: (projectId: string) => `project:${projectId}:vision-rev:`,
  /** Published versions of the vision, each claimed once (numbers counting down). */
  publishedVersion: (projectId: string, version: number) => `project:${projectId}:vision-pub:${newestFirst(version)}`,
  publishedVersionPrefix: (projectId: string) => `project:${projectId}:vision-pub:`,
  /** The newest published version and the latest few, copied after each claim (vision-state.ts). */
  publishedHead: (projectId: string) => `project:${projectId}:vision-latest`,
  goalBook: (projectId: string) => `project:${projectId}:goals`,
  goalBookRevision: (projectId: string, revision: number) => `project:${projectId}:goals-rev:${newestFirst(revision)}`,
  /** Projects that use the app, for the daily snapshot: `registry:project:{id}`. */
  registeredProject: (projectId: string) => `registry:project:${projectId}`,
  registeredProjectPrefix: 'registry:project:',
  /** The project's epic-level and standard-level issue type ids, refreshed daily. */
  epicTypes: (projectId: string) => `project:${projectId}:epic-types`,
  /** The current full pass (progress and running tallies). */
  scan: (projectId: string) => `project:${projectId}:scan`,
  /** Each step of a pass, claimed once (write-if-absent), so a duplicated event cannot fork the chain. */
  scanStep: (projectId: string, runId: string, step: number) => `project:${projectId}:scan-step:${runId}:${step}`,
  /** Aligned epic ids found by one step of a pass (numbers), read back to weight child issues. */
  scanAligned: (projectId: string, runId: string, step: number) => `project:${projectId}:scan:aligned:${runId}:${step}`,
  /** One snapshot per day, newest first. */
  snapshot: (projectId: string, newestFirstDate: string) => `project:${projectId}:snapshot:${newestFirstDate}`,
  /** Coverage per day and the latest snapshot, in one small value. */
  trend: (projectId: string) => `project:${projectId}:trend`,
  /** Epics per goal id now: the one source of every alignment figure (compare-and-set). */
  alignmentTally: (projectId: string) => `project:${projectId}:alignment-tally`,
  /** Set while a refresh of the macro's current figures is queued (short-lived; coalesces changes). */
  figuresPending: (projectId: string) => `project:${projectId}:figures-pending`,
  /** When someone other than a project admin first opened the project's vision (guided start), written once. */
  visionShared: (projectId: string) => `project:${projectId}:vision-shared`,
  /** A caller's project permissions, cached briefly so paging a list asks Jira once. */
  permissions: (projectId: string, accountId: string) => `project:${projectId}:perm:${accountId}`,
};

/**
 * Keys that only cache what can be asked again (permission answers, a project's epic types, the head of
 * the published versions), note a measurement write under way (repair notes, storage/repair-notes.ts), or
 * index projects for the daily jobs (`registry:project:`, `jql-kpi-project:`): writing them changes nothing
 * anyone sees or edits. A failure after such a write still changed nothing.
 * @example isCacheKey(storageKeys.permissions('10000', 'a1')) // true
 */
export const isCacheKey = (key: string): boolean =>
  /^project:\d+:(perm:|epic-types$|vision-latest$|kpi-repair:)|^registry:project:|^jql-kpi-project:|^intake-project:/.test(key);

