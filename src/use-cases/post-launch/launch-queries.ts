/**
 * What the post-launch section shows when it opens (the launches, the current launch's summary and the
 * KPI sources), another launch's summary, and the versions a launch can be of.
 */
import { fail, ok, type GoalBook, type Result } from '../../contract';
import type { JiraVersionChoice, LaunchOverview, LaunchSummary } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { currentLaunch, findLaunch } from '../../domain/post-launch/launch-book';
import { summarizeLaunch } from '../../domain/post-launch/launch-digest';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { digestForReading } from '../../storage/kpi-series';
import { readSources } from '../../storage/kpi-sources';
import { sourcesForViewer } from './kpi-source-scope';
import { readLaunchBook } from '../../storage/launches';
import type { StorageDeps } from '../../storage/storage-deps';

/** 4 storage reads (launch book, goal book, KPI sources, one digest), however long the history. */
export async function loadLaunchOverview(deps: Deps, caller: Caller): Promise<Result<LaunchOverview>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const today = dayOf(deps.clock.now());
  const [launchBook, goalBook, sources] = await Promise.all([
    readLaunchBook(deps, project.id),
    readGoalBook(deps, project.id),
    readSources(deps, project.id, project.key),
  ]);
  const kpis = kpisInOrder(goalBook);
  const launch = currentLaunch(launchBook, today);
  const selected = launch ? summarizeLaunch(launch, await digestForReading(deps, project.id, launch, kpis), kpis, today) : null;
  const live = new Set(kpis.map((k) => k.id));
  return ok({
    project,
    canEdit: permissions.canAdminister,
    today,
    launchBook,
    kpis,
    goals: goalBook.goals.map(({ id, title, status }) => ({ id, title, status })),
    selected,
    // A source spanning projects this viewer may not browse shows its counts only (one Jira call, only then).
    sources: await sourcesForViewer(deps, Object.values(sources.sources).filter((s) => live.has(s.kpiId))),
  });
}

/** Another launch's summary: 3 storage reads. */
export async function loadLaunchSummary(deps: Deps, caller: Caller, input: { launchId: string }): Promise<Result<LaunchSummary>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const [launchBook, goalBook] = await Promise.all([readLaunchBook(deps, project.id), readGoalBook(deps, project.id)]);
  const launch = findLaunch(launchBook, input.launchId);
  if (!launch) return fail('NOT_FOUND', 'This launch no longer exists.');
  const kpis = kpisInOrder(goalBook);
  return ok(summarizeLaunch(launch, await digestForReading(deps, project.id, launch, kpis), kpis, dayOf(deps.clock.now())));
}

/**
 * The current launch's summary, for other features (e.g. the published vision summary's "latest verdict"):
 * 3 storage reads, or 2 with the goal book the caller already holds. Null before the first launch.
 */
export async function currentLaunchSummary(
  deps: StorageDeps & Pick<Deps, 'clock'>,
  projectId: string,
  goalBook?: GoalBook,
): Promise<LaunchSummary | null> {
  const today = dayOf(deps.clock.now());
  const [launchBook, book] = await Promise.all([readLaunchBook(deps, projectId), goalBook ?? readGoalBook(deps, projectId)]);
  const launch = currentLaunch(launchBook, today);
  if (!launch) return null;
  const kpis = kpisInOrder(book);
  return summarizeLaunch(launch, await digestForReading(deps, projectId, launch, kpis), kpis, today);
}

/** The project’s Jira versions a launch can be of (not archived), each marked when a launch is of it already. */
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
