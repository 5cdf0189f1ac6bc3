/**
 * One step of a full pass: a bounded amount of work (at most `MAX_PAGES_PER_STEP` search pages and
 * `STEP_BUDGET_MS`), well inside a queue event's time limit even when Jira is slow. Phases: count
 * (totals for the progress bar, and the JQL and goals frozen for the pass), epics (tally per goal;
 * aligned epic ids stored in small chunks), open child issues (weighting by open issues and story
 * points, looking up the parent in those chunks), then save the snapshot and the trend.
 */
import { GOAL_LINK_PROPERTY } from '../../contract';
import { parseGoalLink } from '../../domain/alignment/alignment';
import { epicsJql, openChildrenJql } from '../../domain/alignment/alignment-jql';
import { emptyTally, passBuckets, tallyChild, tallyEpic, toSnapshot } from '../../domain/alignment/alignment-tally';
import { mergeTrend, newestFirstDate } from '../../domain/alignment/alignment-trend';
import { JiraError, type Deps } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { replaceAlignmentTally } from '../../storage/alignment-tally';
import { freshHierarchy, readHierarchy } from './project-hierarchy';
import type { ScanState } from '../../storage/scans';
import {
  dropAlignedChunks,
  readAlignedIds,
  readTrend,
  writeAlignedChunk,
  writeSnapshot,
  writeTrend,
  type TrendRecord,
} from '../../storage/scan-results';
import { requestFiguresRefresh } from '../macro/current-figures';

/** The trend's shape, for the views that show it. */
export type { TrendRecord };

export const MAX_PAGES_PER_STEP = 30;
export const SEARCH_PAGE = 100;
export const STEP_BUDGET_MS = 40_000;
/** A pass whose page tokens expire more often than this gives up rather than loop. */
const MAX_RESTARTS = 2;

/** Performs step `state.step`; answers the state after it (step + 1). Throws on Jira or storage failures. */
export async function advanceScan(deps: Deps, state: ScanState): Promise<ScanState> {
  const s: ScanState = structuredClone(state);
  s.step = state.step + 1;
  s.status = 'running';
  s.message = null;
  const started = deps.clock.now().getTime();
  const alignedIds: Array<number | string> = [];
  let alignedSet: Set<string> | null = null;
  let pages = 0;

  const withinBudget = () => pages < MAX_PAGES_PER_STEP && deps.clock.now().getTime() - started < STEP_BUDGET_MS;

  while (withinBudget()) {
    if (s.phase === 'counting') {
      const problem = await count(deps, s);
      if (problem) return { ...s, status: 'failed', message: problem, updatedAt: deps.clock.now().toISOString() };
      continue;
    }
    if (s.phase === 'saving') {
      await save(deps, s);
      s.status = 'done';
      break;
    }
    pages += 1;
    let page;
    try {
      const children = s.phase === 'child-issues';
      page = await deps.jira.searchIssues({
        jql: children ? s.jql!.children! : s.jql!.epics,
        fields: children ? ['parent', 'storyPoints'] : [],
        properties: children ? [] : [GOAL_LINK_PROPERTY],
        maxResults: SEARCH_PAGE,
        ...(s.cursor ? { nextPageToken: s.cursor } : {}),
      });
    } catch (error) {
      // Jira refuses a page token that expired (or a query that changed): start the pass over.
      if (error instanceof JiraError && error.status === 400 && s.cursor !== null && s.restarts < MAX_RESTARTS) {
        await dropAlignedChunks(deps, s);
        return { ...startOver(s), updatedAt: deps.clock.now().toISOString() };
      }
      throw error;
    }
    if (s.phase === 'epics') {
      for (const epic of page.issues) {
        if (tallyEpic(s.tally, parseGoalLink(epic.properties[GOAL_LINK_PROPERTY]), s.goals))
          alignedIds.push(/^\d+$/.test(epic.id) ? Number(epic.id) : epic.id);
      }
    } else {
      // Chunks from earlier steps, plus the ids this step found (its chunk is written at its end).
      alignedSet ??= new Set([...(await readAlignedIds(deps, s)), ...alignedIds.map(String)]);
      for (const child of page.issues) tallyChild(s.tally, !!child.parent && alignedSet.has(child.parent.id), child.storyPoints);
    }
    s.cursor = page.nextPageToken;
    if (s.cursor === null) s.phase = s.phase === 'epics' && s.jql!.children ? 'child-issues' : 'saving';
  }

  // The chunk is for later steps' child issues; a pass that finished in this step needs none (writing it
  // after `save` dropped the chunks would leave one behind for every pass that fits in one event).
  if (alignedIds.length > 0 && s.status !== 'done') {
    await writeAlignedChunk(deps, s, state.step, alignedIds);
    s.alignedChunks = [...s.alignedChunks, state.step];
  }
  s.updatedAt = deps.clock.now().toISOString();
  return s;
}

/** Counting: fixes the JQL and goals of the pass, and the totals. Answers a message when it cannot go on. */
async function count(deps: Deps, s: ScanState): Promise<string | null> {
  const hierarchy = await freshHierarchy(deps, s.projectId, await readHierarchy(deps, s.projectId));
  if (!hierarchy) return `Project ${s.projectKey} no longer exists, so it was not scanned.`;
  const book = await readGoalBook(deps, s.projectId);
  s.goals = book.goals.map(({ id, status }) => ({ id, status }));
  if (hierarchy.epicTypeIds.length === 0) {
    s.jql = null;
    s.phase = 'saving';
    return null;
  }
  const epics = epicsJql({ projectId: s.projectId, epicTypeIds: hierarchy.epicTypeIds });
  const children = hierarchy.standardTypeIds.length ? openChildrenJql(s.projectId, hierarchy.standardTypeIds) : null;
  s.jql = { epics, children };
  const [epicsTotal, childIssuesTotal] = await Promise.all([
    deps.jira.countIssues(epics),
    children ? deps.jira.countIssues(children) : Promise.resolve(0),
  ]);
  Object.assign(s, { epicsTotal, childIssuesTotal, phase: 'epics', cursor: null });
  return null;
}

/** Stores the day's snapshot and rolls it into the trend. Only a finished pass gets here. */
async function save(deps: Deps, s: ScanState): Promise<void> {
  const snapshot = toSnapshot(s.tally, s.date, deps.clock.now().toISOString());
  await writeSnapshot(deps, s.projectId, newestFirstDate(s.date), snapshot);
  const trend: TrendRecord = (await readTrend(deps, s.projectId)) ?? { points: [], latest: null };
  await writeTrend(deps, s.projectId, { points: mergeTrend(trend.points, s.date, snapshot.coverage), latest: snapshot });
  // The pass's count replaces the tally every figure reads (a pass begun before tallies kept goal ids has none to give).
  if (s.tally.linked) {
    const epicName = (await readHierarchy(deps, s.projectId))?.epicTypeName;
    await replaceAlignmentTally(deps, s.projectId, { ...passBuckets(s.tally), epicName }, snapshot.takenAt);
    await requestFiguresRefresh(deps, { id: s.projectId, key: s.projectKey });
  }
  await dropAlignedChunks(deps, s);
  s.alignedChunks = [];
  s.epicsTotal = s.tally.epics;
  s.childIssuesTotal = s.tally.openIssues;
}

function startOver(s: ScanState): ScanState {
  return { ...s, phase: 'counting', cursor: null, jql: null, tally: emptyTally(), alignedChunks: [], restarts: s.restarts + 1 };
}
