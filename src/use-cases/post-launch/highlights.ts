/**
 * Post-launch tracking's project highlights (the project page and the published summary): each KPI's
 * latest measured value, and the verdict of the current launch's latest iteration. 2 storage reads
 * (latest values, launch book), and 2 more (goal book, one digest) once an iteration has started.
 */
import type { IterationHighlight, ProjectHighlights } from '../../contract/vision/publishing';
import type { IterationOutcome, Verdict } from '../../contract/post-launch/post-launch';
import { VERDICT_LABEL } from '../../contract/post-launch/post-launch';
import { dayOf } from '../../domain/post-launch/days';
import { currentLaunch, iterationState } from '../../domain/post-launch/launch-book';
import { iterationOutcome } from '../../domain/post-launch/launch-digest';
import type { Deps } from '../../ports';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { loadLatestValues } from '../../storage/kpi-latest';
import { digestForReading } from '../../storage/kpi-series';
import { readLaunchBook } from '../../storage/launches';

/**
 * An iteration's tally in a few words: every KPI with data moved toward its target → worked; some
 * moved away and none toward → did not work; both, or only flat ones → mixed; no data → too early.
 */
export function iterationHighlight(name: string, outcome: IterationOutcome, names: ReadonlyMap<string, string>, end: string): IterationHighlight {
  const { toward, away, flat } = outcome.tally;
  const measured = toward + away + flat;
  const [verdict, tone]: [string, IterationHighlight['tone']] =
    measured === 0
      ? ['Too early to tell', 'neutral']
      : toward === measured
        ? ['Worked', 'success']
        : toward === 0 && away > 0
          ? ['Did not work', 'danger']
          : ['Mixed', 'warning'];
  const part = (v: Verdict) =>
    outcome.kpis
      .filter((k) => k.verdict === v)
      .map((k) => names.get(k.kpiId))
      .filter(Boolean)
      .join(', ');
  const summary = (['toward', 'flat', 'away', 'no-data', 'not-comparable'] as const)
    .filter((v) => outcome.tally[v] > 0)
    .map((v) => `${VERDICT_LABEL[v]}: ${part(v)}`)
    .join('. ');
  const closes = outcome.kpis.flatMap((k) => (k.close ? [k.close.date] : [])).sort();
  return { name, verdict, tone, summary: summary ? `${summary}.` : 'No KPIs yet.', at: closes[closes.length - 1] ?? end };
}

export async function postLaunchHighlights(deps: Deps, project: { id: string; key: string }): Promise<ProjectHighlights> {
  const [latest, launchBook] = await Promise.all([loadLatestValues(deps, project.id), readLaunchBook(deps, project.id)]);
  const out: ProjectHighlights = {};
  if (latest && Object.keys(latest.values).length)
    out.kpiCurrent = Object.fromEntries(Object.entries(latest.values).map(([kpiId, v]) => [kpiId, { value: v.value, at: v.date }]));
  const today = dayOf(deps.clock.now());
  const launch = currentLaunch(launchBook, today);
  const state = launch ? iterationState(launch, today) : null;
  const iteration = state?.latest ?? null;
  if (!launch || !iteration) return out;
  const kpis = kpisInOrder(await readGoalBook(deps, project.id));
  const digest = await digestForReading(deps, project.id, launch, kpis);
  const names = new Map(kpis.map((k) => [k.id, k.name]));
  out.latestIteration = {
    ...iterationHighlight(`${launch.name} · ${iteration.name}`, iterationOutcome(digest, kpis, iteration), names, iteration.end),
    // An ended iteration with nothing after it is not current: say since when tracking stalled.
    stalledSince: state?.stalledSince ?? null,
  };
  return out;
}
