/**
 * Keeps each project's portfolio row current. Every write that changes a project's figures already
 * calls `figuresChanged` (goals, KPI values, iterations, epic goals, launches); publishing, feedback and
 * a project's first vision draft call `portfolioChanged` too. Like the macro's figures, at most one
 * refresh is queued per project at a time (a pending marker, claimed write-if-absent), and the queued
 * refresh reads everything then. Unlike them it runs before a project's first publish as well: the
 * portfolio lists unpublished projects.
 */
import { passConsentThrough, type BackgroundJob, type Deps } from '../../ports';
import { buildRow } from '../../domain/portfolio/portfolio-row';
import { readGoalBook } from '../../storage/books';
import { readFeedbackCadence } from '../../storage/feedback-cadence';
import { claimPortfolioRefresh, releasePortfolioRefresh, savePortfolioRow, readPortfolioRow } from '../../storage/portfolio-rows';
import { readRegisteredProject } from '../../storage/registry';
import { readHead } from '../../storage/visions';
import { readHighlights } from '../project/project-highlights';
import { guidedStartFrom } from '../guided-start/guided-start-queries';

export const PORTFOLIO_JOB = 'portfolio-row';

/** A project's figures changed: queue one row refresh unless one is pending; never fails the change. */
export async function portfolioChanged(deps: Deps, project: { id: string; key?: string }): Promise<void> {
  try {
    await requestPortfolioRefresh(deps, project);
  } catch (error) {
    passConsentThrough(error);
    console.warn('Could not queue a refresh of the portfolio row', project.id, error);
  }
}

/** The same, failing when it could not be queued (for background jobs, whose retry then queues it). */
export async function requestPortfolioRefresh(deps: Deps, project: { id: string; key?: string }): Promise<void> {
  if (!(await claimPortfolioRefresh(deps, project.id, deps.clock.now().toISOString()))) return;
  await deps.queue.push([{ type: PORTFOLIO_JOB, projectId: project.id, projectKey: project.key ?? '' }]).catch(async (error: unknown) => {
    await releasePortfolioRefresh(deps, project.id);
    throw error;
  });
}

/** The project's key: from the job, else its row or its registration (a change that did not know it). */
async function keyOf(deps: Deps, projectId: string, given: string): Promise<string> {
  if (/^[A-Z][A-Z0-9_]{0,254}$/.test(given)) return given;
  return (await readPortfolioRow(deps, projectId))?.projectKey ?? (await readRegisteredProject(deps, projectId))?.projectKey ?? '';
}

/**
 * The queued refresh (as the app): drops the marker first (a change from now on queues the next), then
 * reads the published head, the goal book, the highlights, the newest feedback and the guided start, and
 * writes the row.
 */
export async function refreshPortfolioRow(deps: Deps, body: BackgroundJob): Promise<void> {
  const projectId = String(body.projectId ?? '');
  if (!/^\d{1,18}$/.test(projectId)) return;
  await releasePortfolioRefresh(deps, projectId);
  const key = await keyOf(deps, projectId, String(body.projectKey ?? ''));
  if (!key) return; // Not a project that uses the app.
  const project = { id: projectId, key };
  const [head, goalBook, highlights] = await Promise.all([readHead(deps, projectId), readGoalBook(deps, projectId), readHighlights(deps, project, undefined, true)]);
  // The highlights carry the feedback cadence (strict: its source cannot have been left out).
  const feedback = highlights.feedback ?? (await readFeedbackCadence(deps, projectId));
  // The guided start from what was just read, plus its own 2 reads (newest feedback, the "shared" marker).
  const guided = await guidedStartFrom(deps, projectId, { published: head.current ?? null, book: goalBook, highlights }, false);
  const row = buildRow({
    project,
    published: head.current,
    goalBook,
    highlights,
    newestFeedbackAt: feedback.newestAt,
    feedbackCadenceDays: feedback.cadenceDays,
    guidedStart: { done: guided.done, of: guided.of },
    asOf: deps.clock.now().toISOString(),
  });
  await savePortfolioRow(deps, row);
}
