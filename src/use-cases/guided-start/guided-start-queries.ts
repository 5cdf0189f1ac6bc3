/**
 * Guided start for one project. The project page and settings page get it inside `project/load`, from
 * what that load reads anyway (the feedback cadence among the highlights) plus 1 read (the "shared" marker); `readGuidedStart`
 * reads everything itself, for callers that have nothing loaded (e.g. a portfolio row).
 */
import type { GuidedStart } from '../../contract/guided-start/guided-start';
import type { GoalBook } from '../../contract/goals/model';
import type { ProjectHighlights, PublishedVision } from '../../contract/vision/publishing';
import { guidedStart } from '../../domain/guided-start/guided-start';
import { dayOf, reviewFlags } from '../../domain/vision/vision-review';
import type { Deps } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { readFeedbackCadence } from '../../storage/feedback-cadence';
import { markVisionShared, readVisionShared } from '../../storage/vision-shared';
import { readVisionState } from '../../storage/visions';
import { readHighlights } from '../project/project-highlights';

/** What a project load has already read. */
export interface LoadedFacts {
  published: Pick<PublishedVision, 'publishedAt' | 'reviewCadenceDays' | 'bets'> | null;
  book: Pick<GoalBook, 'goals' | 'kpis'>;
  highlights: ProjectHighlights;
}

/**
 * The steps from loaded figures, plus 1 read (2 when the highlights lack the feedback cadence). `visitor`: the caller is not a project admin, so this
 * visit shares the vision; the first such visit writes the marker (1 write, once per project).
 */
export async function guidedStartFrom(deps: Deps, projectId: string, loaded: LoadedFacts, visitor: boolean): Promise<GuidedStart> {
  const now = deps.clock.now();
  // The highlights carry the feedback cadence when they were read with it: no second read then.
  const known = loaded.highlights.feedback;
  const [feedback, stored] = await Promise.all([known ? Promise.resolve(known) : readFeedbackCadence(deps, projectId), readVisionShared(deps, projectId)]);
  let shared = stored;
  if (!shared && visitor) {
    // A marker that cannot be written now is written on a later visit: the page still loads.
    shared = await markVisionShared(deps, projectId, now.toISOString()).catch((error: unknown) => {
      console.warn('Could not note that the vision was shared', error);
      return null;
    });
  }
  const today = dayOf(now);
  const { published, book, highlights } = loaded;
  return guidedStart({
    today,
    review: published ? reviewFlags(published, published.publishedAt, today) : null,
    goals: book.goals,
    kpis: book.kpis,
    coverage: highlights.coverage ?? null,
    iteration: highlights.latestIteration ?? null,
    feedback,
    sharedAt: shared?.at ?? null,
  });
}

/**
 * Guided start of a project, read from scratch: the vision (2 reads), the goal book (1), the highlights
 * (2 to 6, project-highlights.ts), newest feedback (1) and the marker (1). Writes nothing. The caller
 * has checked that its user may browse the project.
 * @example const { done, of } = await readGuidedStart(deps, '10000') // e.g. 3 of 6
 */
export async function readGuidedStart(deps: Deps, projectId: string): Promise<GuidedStart> {
  const [state, book, highlights] = await Promise.all([
    readVisionState(deps, projectId),
    readGoalBook(deps, projectId),
    // The highlight sources read by project id; the key is not used to read storage.
    readHighlights(deps, { id: projectId, key: '' }),
  ]);
  return guidedStartFrom(deps, projectId, { published: state.published, book, highlights }, false);
}
