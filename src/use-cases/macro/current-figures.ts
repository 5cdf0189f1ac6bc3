/**
 * Keeps the Confluence macro's figures current. Whatever changes a goal, a KPI value, an iteration or an
 * epic's goal calls `figuresChanged`: at most one refresh is queued per project at a time (a pending
 * marker, claimed write-if-absent), and the queued refresh reads everything then, so a burst of changes
 * costs one refresh. The refresh writes one Jira project property, as the app, under the summary's size
 * budget; the published vision text is never touched (it stays at its published version).
 */
import { FIGURES_PROPERTY } from '../../contract/vision/publishing';
import { buildCurrentFigures } from '../../domain/vision/current-figures';
import { passConsentThrough, type BackgroundJob, type Deps } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { claimFiguresRefresh, releaseFiguresRefresh } from '../../storage/figures-pending';
import { readHead } from '../../storage/visions';
import { HIGHLIGHT_SOURCES, readHighlights } from '../project/project-highlights';
import { requestPortfolioRefresh } from '../portfolio/portfolio-refresh';

export const FIGURES_JOB = 'macro-figures';

export interface FiguresJob extends BackgroundJob {
  type: typeof FIGURES_JOB;
  projectId: string;
  projectKey: string;
}

/**
 * Figures of `project` changed: queue one refresh unless one is pending. Never fails the change that
 * called it (the change is saved; the macro catches up with the next refresh).
 */
export async function figuresChanged(deps: Deps, project: { id: string; key?: string }): Promise<void> {
  try {
    await requestFiguresRefresh(deps, project);
  } catch (error) {
    passConsentThrough(error);
    console.warn('Could not queue a refresh of the macro figures', project.id, error);
  }
}

/**
 * The same, failing when the refresh could not be queued: for a background job, whose retry then
 * queues it (a user's change must not fail for it, so user-facing writes call `figuresChanged`).
 */
export async function requestFiguresRefresh(deps: Deps, project: { id: string; key?: string }): Promise<void> {
  // The portfolio's row changes with the same figures, and exists before a first publish too.
  await requestPortfolioRefresh(deps, project);
  // Before the first publish the macro shows "not published", and the publish writes figures of its own.
  if (!(await readHead(deps, project.id)).current) return;
  if (!(await claimFiguresRefresh(deps, project.id, deps.clock.now().toISOString()))) return;
  const job: FiguresJob = { type: FIGURES_JOB, projectId: project.id, projectKey: project.key ?? '' };
  await deps.queue.push([job]).catch(async (error: unknown) => {
    await releaseFiguresRefresh(deps, project.id);
    throw error;
  });
}

/**
 * The queued refresh (as the app): drops the marker first (a change from now on queues the next
 * refresh), then reads the goal book and the highlights (the alignment tally, KPI latest values, the
 * latest iteration) and writes the figures. Nothing to do before the first publish (the macro shows
 * "not published" then). A write Jira refuses throws, so the queue retries the event.
 */
export async function refreshFigures(deps: Deps, body: BackgroundJob): Promise<void> {
  const projectId = String(body.projectId ?? '');
  if (!/^\d{1,18}$/.test(projectId)) return;
  const project = { id: projectId, key: String(body.projectKey ?? '') };
  await releaseFiguresRefresh(deps, projectId);
  const head = await readHead(deps, projectId);
  if (!head.current) return;
  const [book, highlights] = await Promise.all([readGoalBook(deps, projectId), readHighlights(deps, project, HIGHLIGHT_SOURCES, true)]);
  const figures = buildCurrentFigures(book, highlights, deps.clock.now().toISOString());
  const outcome = await deps.jira.setProjectProperty(projectId, FIGURES_PROPERTY, figures);
  if (outcome === 'not-found') return; // The project is gone, and its properties with it.
  if (outcome !== 'ok') throw new Error(`Jira did not take the current figures of project ${projectId}: ${outcome}`);
}
