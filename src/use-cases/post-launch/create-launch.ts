import { fail, ok, type FieldIssue, type Result } from '../../contract';
import { POST_LAUNCH_LIMITS, type IterationPreset, type Launch, type LaunchBook, type LaunchChange } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { addLaunch, presetIterations } from '../../domain/post-launch/launch-book';
import { summarizeLaunch } from '../../domain/post-launch/launch-digest';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { violationResult } from '../../storage/document-rules';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { computeDigest } from '../../storage/kpi-series';
import { CONFLICT_MESSAGE, commitLaunchBook, deleteLaunchDigest, dropUnclaimedDigest, readLaunchBook, saveLaunchDigest } from '../../storage/launches';
import { figuresChanged } from '../macro/current-figures';

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
  await figuresChanged(deps, project);
  return ok({ launchBook: committed.data, selected: summarizeLaunch(launch, digest, kpis, dayOf(deps.clock.now())) });
}
