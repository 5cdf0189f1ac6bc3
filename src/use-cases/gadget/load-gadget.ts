/**
 * What a dashboard gadget shows for the project it is configured with, in one invoke: the viewer's
 * permission on that project (1 Jira call, as the viewer: only people who may browse it see anything),
 * then the published vision (2 reads), the goal book (1), the highlights (2 to 6, project-highlights.ts)
 * and the newest feedback (1). Writes nothing.
 */
import { ok, type Result } from '../../contract/shared/result';
import type { GadgetKpiTally, GadgetView } from '../../contract/gadget/gadget';
import { kpiStatus } from '../../domain/goals/kpi-status';
import { feedbackOverdue } from '../../domain/post-launch/feedback-cadence';
import { projectPagePath } from '../../domain/shared/jira-links';
import { dayOf, reviewFlags } from '../../domain/vision/vision-review';
import type { Caller, Deps } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { readFeedbackCadence } from '../../storage/feedback-cadence';
import { readVisionState } from '../../storage/visions';
import { authorize } from '../shared/authorize';
import { readHighlights } from '../project/project-highlights';

export async function loadGadget(deps: Deps, caller: Caller): Promise<Result<GadgetView>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const [state, book, highlights, feedback] = await Promise.all([
    readVisionState(deps, project.id),
    readGoalBook(deps, project.id),
    readHighlights(deps, project),
    readFeedbackCadence(deps, project.id),
  ]);
  const today = dayOf(deps.clock.now());
  const published = state.published;
  const review = published ? reviewFlags(published, published.publishedAt, today) : null;
  const activeGoals = new Set(book.goals.filter((g) => g.status === 'active').map((g) => g.id));
  const kpis: GadgetKpiTally = { total: 0, onTrack: 0, achieved: 0, offTrack: 0, noData: 0 };
  for (const k of book.kpis.filter((x) => activeGoals.has(x.goalId))) {
    kpis.total += 1;
    const s = kpiStatus(k, highlights.kpiCurrent?.[k.id]);
    if (s === 'on-track') kpis.onTrack += 1;
    else if (s === 'achieved') kpis.achieved += 1;
    else if (s === 'off-track') kpis.offTrack += 1;
    else kpis.noData += 1;
  }
  const heard = feedbackOverdue(feedback.newestAt, feedback.cadenceDays, today);
  return ok({
    project,
    projectPagePath: projectPagePath({ key: project.key, typeKey: null }, deps.app ?? null),
    vision: published ? { statement: published.statement, version: published.version } : null,
    coverage: highlights.coverage ?? null,
    kpis,
    iteration: highlights.latestIteration ?? null,
    flags: {
      reviewDue: review?.overdue ? review.dueOn : null,
      notHeardFrom: heard.overdue ? { daysSince: heard.daysSince, cadenceDays: feedback.cadenceDays } : null,
      stalledSince: highlights.latestIteration?.stalledSince ?? null,
    },
  });
}
