/**
 * `alignment/report`: the live headline (three Jira calls: permissions and two counts), with the
 * latest complete snapshot, the trend and the progress of a pass from storage (four reads, however
 * long the history).
 */
import { ok, type AlignmentReport, type GoalBook, type Result } from '../../contract';
import { goalChoices, linkableGoalIds } from '../../domain/alignment/alignment';
import { trendForReport } from '../../domain/alignment/alignment-trend';
import { emptyGoalBook } from '../../domain/goals/goal-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { storageKeys } from '../../storage/keys';
import { countHeadline } from './headline';
import { freshHierarchy, readHierarchy } from './project-hierarchy';
import { toProgress, type ScanState } from '../../storage/scans';
import type { TrendRecord } from './scan-work';

export async function loadReport(deps: Deps, caller: Caller): Promise<Result<AlignmentReport>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const [stored, cached, scan, trend] = await Promise.all([
    deps.store.get<GoalBook>(storageKeys.goalBook(project.id)),
    readHierarchy(deps, project.id),
    deps.store.get<ScanState>(storageKeys.scan(project.id)),
    deps.store.get<TrendRecord>(storageKeys.trend(project.id)),
  ]);
  const book = stored ?? emptyGoalBook();
  const hierarchy = await freshHierarchy(deps, project.id, cached);
  const headline = await countHeadline(deps, project.id, hierarchy?.epicTypeIds ?? [], linkableGoalIds(book));
  const latest = trend?.latest ?? null;
  return ok({
    project,
    headline,
    latest,
    trend: trendForReport(trend?.points ?? []),
    scan: scan ? toProgress(scan, deps.clock.now()) : null,
    canEdit: permissions.canEditIssues,
    goalChoices: goalChoices(book),
    canRescan: permissions.canAdminister,
    snapshotStale: !!latest && !!book.updatedAt && book.updatedAt > latest.takenAt,
  });
}
