/**
 * Guided start: how far a project has come on the way from "a project" to "a product with a vision",
 * as six steps measured from the app's own data. Pure; everything, `today` included, is given.
 */
import { type GuidedStart, type GuidedStep } from '../../contract/guided-start/guided-start';
import { feedbackOverdue } from '../post-launch/feedback-cadence';

/** What the steps are measured from: figures the project page already reads, plus two small reads. */
export interface GuidedStartFacts {
  /** YYYY-MM-DD. */
  today: string;
  /** The published vision's review state; null before the first publish. */
  review: { dueOn: string; overdue: boolean } | null;
  goals: ReadonlyArray<{ id: string; status: string }>;
  kpis: ReadonlyArray<{ goalId: string }>;
  /** Epics counted and aligned (the alignment tally); null before the first count. */
  coverage: { epics: number; aligned: number } | null;
  /** The current launch's latest started iteration; null without one. */
  iteration: { name: string; stalledSince?: string | null } | null;
  feedback: { newestAt: string | null; cadenceDays: number };
  /** When someone other than a project admin first opened the project's vision; null if never. */
  sharedAt: string | null;
}

/**
 * At least 80% of epics aligned, in whole numbers so that 79.9% is never rounded up to it.
 * @example alignedEnough(800, 1000) // true
 * @example alignedEnough(799, 1000) // false
 * @example alignedEnough(0, 0) // false: no epics counted yet
 */
export function alignedEnough(aligned: number, epics: number): boolean {
  if (epics <= 0) return false;
  // aligned / epics ≥ ALIGNMENT_TARGET (4/5), without floating point.
  return aligned * 5 >= epics * 4;
}

/**
 * Every step with whether it is done and the figures that say why.
 * @example guidedStart({ ...blankFacts, today: '2026-01-01' }).done // 0
 */
export function guidedStart(f: GuidedStartFacts): GuidedStart {
  const active = f.goals.filter((g) => g.status === 'active');
  const measured = new Set(f.kpis.map((k) => k.goalId));
  const withKpi = active.filter((g) => measured.has(g.id)).length;
  const epics = f.coverage?.epics ?? 0;
  const aligned = f.coverage?.aligned ?? 0;
  const heard = feedbackOverdue(f.feedback.newestAt, f.feedback.cadenceDays, f.today);
  const stalledSince = f.iteration?.stalledSince ?? null;
  const steps: GuidedStep[] = [
    { id: 'vision', done: !!f.review && !f.review.overdue, published: !!f.review, dueOn: f.review?.dueOn ?? null, overdue: !!f.review?.overdue },
    { id: 'goals', done: active.length > 0 && withKpi === active.length, goals: active.length, withKpi },
    { id: 'alignment', done: alignedEnough(aligned, epics), epics, aligned, coverage: epics > 0 ? aligned / epics : null },
    { id: 'iterations', done: !!f.iteration && !stalledSince, iteration: f.iteration?.name ?? null, stalledSince },
    { id: 'feedback', done: !heard.overdue, newestAt: f.feedback.newestAt, cadenceDays: f.feedback.cadenceDays, daysSince: heard.daysSince },
    { id: 'shared', done: f.sharedAt !== null, at: f.sharedAt },
  ];
  return { steps, done: steps.filter((s) => s.done).length, of: steps.length };
}

/**
 * The steps again after the page changed what it holds (goals adopted, a vision published), keeping
 * the figures it did not change: the score moves without another load.
 * @example refreshGuidedStart(start, { goals: book.goals, kpis: book.kpis }).done
 */
export function refreshGuidedStart(
  start: GuidedStart,
  changed: { goals?: GuidedStartFacts['goals']; kpis?: GuidedStartFacts['kpis']; review?: GuidedStartFacts['review'] },
): GuidedStart {
  const fresh = guidedStart({
    today: '',
    review: changed.review ?? null,
    goals: changed.goals ?? [],
    kpis: changed.kpis ?? [],
    coverage: null,
    iteration: null,
    feedback: { newestAt: null, cadenceDays: 0 },
    sharedAt: null,
  });
  const take = (id: GuidedStep['id']) => (id === 'goals' && changed.goals) || (id === 'vision' && changed.review !== undefined);
  const steps = start.steps.map((s) => (take(s.id) ? fresh.steps.find((f) => f.id === s.id)! : s));
  return { ...start, steps, done: steps.filter((s) => s.done).length, of: steps.length };
}
