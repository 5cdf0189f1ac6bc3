/** Admin actions on launches: the versions to pick from, recording a launch, deleting one. */
import { fail, ok, type FieldIssue, type Result } from '../../contract';
import { POST_LAUNCH_LIMITS, type IterationPreset, type JiraVersionChoice, type Launch, type LaunchBook, type LaunchChange } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { addLaunch, findLaunch, presetIterations, removeLaunch } from '../../domain/post-launch/launch-book';
import { summarizeLaunch } from '../../domain/post-launch/launch-digest';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { violationResult } from '../../storage/document-rules';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { computeDigest } from '../../storage/kpi-series';
import {
  CONFLICT_MESSAGE,
  commitLaunchBook,
  deleteLaunchDigest,
  dropUnclaimedDigest,
  loadLaunchDigest,
  readLaunchBook,
  saveLaunchDigest,
} from '../../storage/launches';

export async function listVersions(deps: Deps, caller: Caller): Promise<Result<JiraVersionChoice[]>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const [versions, book] = await Promise.all([deps.jira.projectVersions(project.id), readLaunchBook(deps, project.id)]);
  const launched = new Set(book.launches.map((l) => l.versionId));
  return ok(
    (versions ?? [])
      .filter((v) => !v.archived)
      .map((v) => ({ id: v.id, name: v.name, released: v.released, releaseDate: v.releaseDate, launched: launched.has(v.id) })),
  );
}

export interface CreateLaunchInput {
  name: string;
  versionId: string | null;
  date: string | null;
  preset: IterationPreset;
  baseRevision: number;
}

/**
 * Records a launch: of a Jira version (its release date unless another is given) or a dated one. The
 * KPI baselines are captured now: each KPI's latest measurement on or before the launch day.
 */
export async function createLaunch(deps: Deps, caller: Caller, input: CreateLaunchInput): Promise<Result<LaunchChange>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [book, goalBook] = await Promise.all([readLaunchBook(deps, project.id), readGoalBook(deps, project.id)]);
  if (book.revision !== input.baseRevision)
    return fail('CONFLICT', CONFLICT_MESSAGE, { details: { current: book } });

  const fields: FieldIssue[] = [];
  let name = input.name;
  let date = input.date;
  let versionName: string | null = null;
  if (input.versionId !== null) {
    const versions = (await deps.jira.projectVersions(project.id)) ?? [];
    const version = versions.find((v) => v.id === input.versionId);
    if (!version) {
      fields.push({ path: 'versionId', message: 'This version is not one of the project’s versions.' });
    } else {
      versionName = version.name.slice(0, POST_LAUNCH_LIMITS.versionName);
      name ||= version.name.slice(0, POST_LAUNCH_LIMITS.launchName);
      date ??= version.releaseDate;
      if (date === null) fields.push({ path: 'date', message: `${version.name} has no release date; give the launch date.` });
    }
  } else {
    if (!name) fields.push({ path: 'name', message: 'Name the launch, or pick a version.' });
    if (date === null) fields.push({ path: 'date', message: 'A launch without a version needs its date.' });
  }
  if (fields.length || date === null) return fail('VALIDATION_FAILED', 'Check the launch.', { fields });

  const stamp = { by: accountId, at: deps.clock.now().toISOString() };
  const launch: Launch = {
    id: deps.ids.next(),
    name,
    versionId: input.versionId,
    versionName,
    date,
    createdBy: accountId,
    createdAt: stamp.at,
    iterations: [],
  };
  launch.iterations = presetIterations(date, input.preset, () => deps.ids.next());
  const outcome = addLaunch(book, launch, dayOf(deps.clock.now()), stamp);
  if (!outcome.ok) return violationResult(outcome.violation);

  // The digest first: until the book names the launch, nobody reads it.
  const kpis = kpisInOrder(goalBook);
  const digest = await computeDigest(deps, project.id, launch, kpis, { capture: true });
  await saveLaunchDigest(deps, project.id, launch.id, digest);
  // A commit that fails (or loses) leaves no digest of a launch nobody names behind.
  let committed: Result<LaunchBook>;
  try {
    committed = await commitLaunchBook(deps, project.id, book, input.baseRevision, outcome);
  } catch (error) {
    await dropUnclaimedDigest(deps, project.id, book.revision + 1, launch.id);
    throw error;
  }
  if (!committed.ok) {
    await deleteLaunchDigest(deps, project.id, launch.id);
    return committed;
  }
  return ok({ launchBook: committed.data, selected: summarizeLaunch(launch, digest, kpis, dayOf(deps.clock.now())) });
}

/** Deletes a launch and its digest. Measurements, feedback and decisions stay (they belong to KPIs and the project). */
export async function deleteLaunch(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; baseRevision: number },
): Promise<Result<LaunchChange>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const book = await readLaunchBook(deps, project.id);
  const outcome = removeLaunch(book, input.launchId, { by: accountId, at: deps.clock.now().toISOString() });
  const committed = await commitLaunchBook(deps, project.id, book, input.baseRevision, outcome);
  if (!committed.ok) {
    // A delete that stopped after the book was committed left the launch's digest behind; the admin's
    // retry (refused: the launch is gone) removes it.
    const now = (committed.error.details as { current?: LaunchBook | null } | undefined)?.current ?? book;
    if (!findLaunch(now, input.launchId) && (await loadLaunchDigest(deps, project.id, input.launchId)) !== undefined)
      await deleteLaunchDigest(deps, project.id, input.launchId);
    return committed;
  }
  if (findLaunch(book, input.launchId)) await deleteLaunchDigest(deps, project.id, input.launchId);
  return ok({ launchBook: committed.data, selected: null });
}
