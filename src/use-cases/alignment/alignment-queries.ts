/** What the issue panel and the alignment report show: `panel/load`, `alignment/report` and `alignment/unaligned`. */
import { ALIGNMENT_PAGE_SIZE, fail, GOAL_LINK_PROPERTY, ok, type AlignmentReport, type IssuePanelView, type Result, type UnalignedPage } from '../../contract';
import { goalChoices, linkableGoalIds } from '../../domain/alignment/alignment';
import { unalignedJql } from '../../domain/alignment/alignment-jql';
import { mergeTrend, trendForReport, utcDate } from '../../domain/alignment/alignment-trend';
import { figuresOf } from '../../domain/alignment/alignment-figures';
import { readAlignmentTally } from '../../storage/alignment-tally';
import { JiraError, type Caller, type Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { iterationVerdictForEpic } from '../post-launch/epic-verdict';
import { readGoalBook } from '../../storage/books';
import { readTrend } from '../../storage/scan-results';
import { readScan, toProgress } from '../../storage/scans';
import { readVisionState } from '../../storage/visions';
import { authorizeListing } from './cached-authorize';
import { countHeadline } from './headline';
import { panelAccess } from './panel-access';
import { readPanelIssue } from './panel-issue';
import { DECISION_PROPERTY } from '../../domain/post-launch/decision-issue';
import { decisionOrigin } from '../post-launch/decision-issue';
import { panelFigures, panelView } from './panel-view';
import { freshHierarchy, readHierarchy } from './project-hierarchy';
import { unalignedRow } from './unaligned-row';

/**
 * `panel/load`: the goal an issue serves, through its epic. One permission call, one to three issue
 * reads (the issue, its epic, a subtask's epic), four storage reads (goal book; the published vision:
 * its draft and current version; the alignment tally), and for a shipped epic the iteration verdict (two more reads).
 */
export async function loadPanel(deps: Deps, caller: Caller): Promise<Result<IssuePanelView>> {
  const access = await panelAccess(deps, caller);
  if (!access.ok) return access;
  const read = await readPanelIssue(deps, access.data.issue.id);
  if (!read || !read.issue.project) return fail('NO_ACCESS', "You can't see this issue, or it no longer exists.");
  const project = read.issue.project;
  // The epic's goals live in the epic's project (usually the same one).
  const goalsOf = read.epic?.project?.id ?? project.id;
  const [goalBook, vision, tally] = await Promise.all([
    readGoalBook(deps, goalsOf),
    readVisionState(deps, project.id),
    readAlignmentTally(deps, goalsOf),
  ]);
  const view = panelView(read, project, goalBook, vision.published?.statement ?? null, access.data.permissions.canEdit);
  // Outcome, not just output: the verdict of the iteration the epic shipped in.
  const epic = read.epic;
  const iterationVerdict =
    epic && (epic.resolved || (epic.fixVersionIds ?? []).length)
      ? await iterationVerdictForEpic(
          deps,
          goalsOf,
          // Credited only with the KPIs of the goal the epic serves.
          { resolutionDate: epic.resolved ?? null, fixVersionIds: epic.fixVersionIds ?? [], goalId: view.goal?.id ?? null },
          goalBook,
        )
      : null;
  const fromDecision = await decisionOrigin(deps, project.id, read.issue.properties[DECISION_PROPERTY]);
  return ok({ ...view, iterationVerdict, figures: panelFigures(tally, goalBook, view.goal?.id ?? null), ...(fromDecision ? { fromDecision } : {}) });
}

/**
 * `alignment/report`: every figure from the stored tally (one Jira call: permissions; four storage reads:
 * goal book, tally, scan, trend), so the headline, epics per goal and the trend's last
 * point are the same numbers the tile, the issue panel and the macro show. Before the first full pass
 * there is no tally: the headline is then counted live by Jira (two more calls, and the hierarchy cache).
 */
export async function loadReport(deps: Deps, caller: Caller): Promise<Result<AlignmentReport>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const [book, scan, trend, tally] = await Promise.all([
    readGoalBook(deps, project.id),
    readScan(deps, project.id),
    readTrend(deps, project.id),
    readAlignmentTally(deps, project.id),
  ]);
  const base = {
    project,
    scan: scan ? toProgress(scan, deps.clock.now()) : null,
    canEdit: permissions.canEditIssues,
    goalChoices: goalChoices(book),
    canRescan: permissions.canAdminister,
  };
  if (tally) {
    const figures = figuresOf(tally, book.goals);
    const { perGoal, asOf, countedAt: _counted, epicName, ...headline } = figures;
    const snapshot = trend?.latest ?? null;
    return ok({
      ...base,
      headline: { ...headline, asOf },
      latest: snapshot ? { ...snapshot, ...headline, perGoal } : null,
      trend: trendForReport(mergeTrend(trend?.points ?? [], utcDate(deps.clock.now()), figures.coverage)),
      snapshotStale: false,
      epicName,
    });
  }
  const hierarchy = await freshHierarchy(deps, project.id, await readHierarchy(deps, project.id));
  const headline = await countHeadline(deps, project.id, hierarchy?.epicTypeIds ?? [], linkableGoalIds(book));
  const latest = trend?.latest ?? null;
  return ok({
    ...base,
    headline,
    latest,
    trend: trendForReport(trend?.points ?? []),
    snapshotStale: !!latest && !!book.updatedAt && book.updatedAt > latest.takenAt,
    epicName: hierarchy?.epicTypeName ?? 'Epic',
  });
}

/**
 * `alignment/unaligned`: the epics not tied to an active or achieved goal, newest first, one search
 * page per call. Jira filters (JQL on the property alias); each row's flag comes from the property
 * value the search returns. Listing them all costs one permission call and one search per page.
 */
export async function listUnaligned(deps: Deps, caller: Caller, input: { cursor?: string }): Promise<Result<UnalignedPage>> {
  const cursor = input.cursor || undefined;
  const auth = await authorizeListing(deps, caller, cursor !== undefined);
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const [book, cached] = await Promise.all([readGoalBook(deps, project.id), readHierarchy(deps, project.id)]);
  const hierarchy = await freshHierarchy(deps, project.id, cached);
  const canEdit = permissions.canEditIssues;
  if (!hierarchy || hierarchy.epicTypeIds.length === 0) return ok({ epics: [], nextCursor: null, canEdit });

  const jql = unalignedJql({ projectId: project.id, epicTypeIds: hierarchy.epicTypeIds }, linkableGoalIds(book));
  let page;
  try {
    page = await deps.jira.searchIssues({
      jql,
      fields: ['summary', 'issuetype', 'status', 'created'],
      properties: [GOAL_LINK_PROPERTY],
      maxResults: ALIGNMENT_PAGE_SIZE,
      ...(cursor ? { nextPageToken: cursor } : {}),
    });
  } catch (error) {
    // The cursor belongs to a query that no longer applies (goals changed) or has expired.
    if (cursor && error instanceof JiraError && error.status === 400)
      return fail('CONFLICT', 'The list changed while you were paging through it; reload it from the top.');
    throw error;
  }
  return ok({ epics: page.issues.flatMap((e) => unalignedRow(e, book) ?? []), nextCursor: page.nextPageToken, canEdit });
}
