/**
 * `alignment/report`: the live headline (three Jira calls: permissions and two counts), with the
 * latest complete snapshot, the trend and the progress of a pass from storage (four reads, however
 * long the history).
 */
import { ok, type AlignmentReport, type Result } from '../../contract';
import { goalChoices, linkableGoalIds } from '../../domain/alignment/alignment';
import { trendForReport } from '../../domain/alignment/alignment-trend';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { countHeadline } from './headline';
import { freshHierarchy, readHierarchy } from './project-hierarchy';
import { readScan, toProgress } from '../../storage/scans';
import { readTrend } from '../../storage/scan-results';

export async function loadReport(deps: Deps, caller: Caller): Promise<Result<AlignmentReport>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const [book, cached, scan, trend] = await Promise.all([
    readGoalBook(deps, project.id),
    readHierarchy(deps, project.id),
    readScan(deps, project.id),
    readTrend(deps, project.id),
  ]);
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
