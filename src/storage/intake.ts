/**
 * Feedback intake's storage: the project's sources (one small document, compare-and-set), the index of
 * projects that have sources (read by the daily intake), one state record per source (where its chain
 * of queue events stands; each step claimed once, as alignment scans do), and one claim per source and
 * issue, written once for good, so that an issue is never brought in twice however often a fetch runs.
 */
import type { IntakeRunState, IntakeSource } from '../contract/post-launch/intake';
import type { QueryPage } from '../ports';
import { casUpdate } from './claims/compare-and-set';
import { plKeys } from './post-launch-keys';
import type { StorageDeps } from './storage-deps';

export interface IntakeSourcesDoc {
  rev: number;
  projectKey: string;
  sources: IntakeSource[];
}

export const emptyIntakeSources = (projectKey: string): IntakeSourcesDoc => ({ rev: 0, projectKey, sources: [] });

export const readIntakeSources = async (deps: StorageDeps, projectId: string, projectKey: string): Promise<IntakeSourcesDoc> =>
  (await deps.store.get<IntakeSourcesDoc>(plKeys.intakeSources(projectId))) ?? emptyIntakeSources(projectKey);

/** Compare-and-set of the sources document: `change` answers null to leave it as it is. Answers the stored document. */
export const updateIntakeSources = (
  deps: StorageDeps,
  projectId: string,
  projectKey: string,
  change: (current: IntakeSourcesDoc) => IntakeSourcesDoc | null,
): Promise<IntakeSourcesDoc> => casUpdate(deps.store, plKeys.intakeSources(projectId), () => emptyIntakeSources(projectKey), change);

export interface IntakeProject {
  projectId: string;
  projectKey: string;
}

export const indexIntakeProject = (deps: StorageDeps, project: { id: string; key: string }): Promise<void> =>
  deps.store.set<IntakeProject>(plKeys.intakeProject(project.id), { projectId: project.id, projectKey: project.key });

export const unindexIntakeProject = (deps: StorageDeps, projectId: string): Promise<void> => deps.store.delete(plKeys.intakeProject(projectId));

/** One page (20) of the index, in no assumed order. */
export const listIntakeProjects = (deps: StorageDeps, cursor: string | undefined): Promise<QueryPage<IntakeProject>> =>
  deps.store.query<IntakeProject>(plKeys.intakeProjectPrefix, { cursor, limit: 20 });

/** An issue seen in a search, as the position a later search goes on from. */
export interface IntakePosition {
  created: string;
  key: string;
}

export interface IntakeState {
  projectId: string;
  projectKey: string;
  sourceId: string;
  /** The fetch under way (or the last); null before the first. */
  runId: string | null;
  reason: 'daily' | 'manual';
  /** Steps done in this fetch; the next event performs step `step`. */
  step: number;
  state: IntakeRunState;
  /** The query of the current search (page tokens are bound to it); null between searches. */
  search: string | null;
  /** Jira's nextPageToken within `search`; kept across days while a search is capped. */
  cursor: string | null;
  /** The last issue handled, in the search's order (created, then key): where the next search starts. */
  since: IntakePosition | null;
  /** The UTC day `dayCount` counts for. */
  day: string | null;
  dayCount: number;
  /** Items this fetch brought in. */
  added: number;
  total: number;
  startedAt: string | null;
  updatedAt: string | null;
  message: string | null;
  /** Times this fetch started its search again because Jira refused a page token (expired after 7 days). */
  restarts: number;
}

export const blankIntakeState = (projectId: string, projectKey: string, sourceId: string): IntakeState => ({
  projectId,
  projectKey,
  sourceId,
  runId: null,
  reason: 'daily',
  step: 0,
  state: 'idle',
  search: null,
  cursor: null,
  since: null,
  day: null,
  dayCount: 0,
  added: 0,
  total: 0,
  startedAt: null,
  updatedAt: null,
  message: null,
  restarts: 0,
});

export const readIntakeState = (deps: StorageDeps, projectId: string, sourceId: string): Promise<IntakeState | undefined> =>
  deps.store.get<IntakeState>(plKeys.intakeState(projectId, sourceId));

export const writeIntakeState = (deps: StorageDeps, s: IntakeState): Promise<void> => deps.store.set(plKeys.intakeState(s.projectId, s.sourceId), s);

export const deleteIntakeState = (deps: StorageDeps, projectId: string, sourceId: string): Promise<void> =>
  deps.store.delete(plKeys.intakeState(projectId, sourceId));

/** Step claims outlive any fetch, then expire. */
const STEP_CLAIM_TTL_SECONDS = 2 * 24 * 3600;

export type IntakeStepCommit = { outcome: 'committed' | 'rolled-forward'; state: IntakeState } | { outcome: 'lost' };

/**
 * Claims step `next.step - 1` → `next.step` of a fetch and makes it current. Losing the claim means
 * another delivery of the event did this step: if it stopped before updating the record, the record
 * is rolled forward to its result (the caller continues the chain for it); otherwise the caller stops.
 */
export async function commitIntakeStep(deps: StorageDeps, next: IntakeState): Promise<IntakeStepCommit> {
  const { store } = deps;
  const stepKey = plKeys.intakeStep(next.projectId, next.sourceId, next.runId ?? '-', next.step);
  const key = plKeys.intakeState(next.projectId, next.sourceId);
  if (await store.setIfAbsent(stepKey, next, { ttlSeconds: STEP_CLAIM_TTL_SECONDS })) {
    await store.set(key, next);
    return { outcome: 'committed', state: next };
  }
  const [winner, current] = await Promise.all([store.get<IntakeState>(stepKey), store.get<IntakeState>(key)]);
  if (winner && current && current.runId === winner.runId && current.step < winner.step) {
    await store.set(key, winner);
    return { outcome: 'rolled-forward', state: winner };
  }
  return { outcome: 'lost' };
}

/** Changes the status of the fetch at `expected`'s step, unless it has moved on meanwhile. */
export async function updateIntakeStatus(
  deps: StorageDeps,
  expected: Pick<IntakeState, 'projectId' | 'sourceId' | 'runId' | 'step'>,
  change: Partial<Pick<IntakeState, 'state' | 'message' | 'updatedAt'>>,
): Promise<void> {
  const current = await readIntakeState(deps, expected.projectId, expected.sourceId);
  if (!current || current.runId !== expected.runId || current.step !== expected.step) return;
  await writeIntakeState(deps, { ...current, ...change });
}

/** Who brought an issue in: the fetch and step that claimed it, and the item's id. */
export interface IssueClaim {
  feedbackId: string;
  runId: string;
  step: number;
}

/** Claims an issue for a source, for good: false with the standing claim when it was claimed before. */
export async function claimIssue(
  deps: StorageDeps,
  projectId: string,
  sourceId: string,
  issueId: string,
  claim: IssueClaim,
): Promise<{ won: true } | { won: false; claim: IssueClaim | undefined }> {
  const key = plKeys.intakeIssue(projectId, sourceId, issueId);
  if (await deps.store.setIfAbsent(key, claim)) return { won: true };
  return { won: false, claim: await deps.store.get<IssueClaim>(key) };
}
