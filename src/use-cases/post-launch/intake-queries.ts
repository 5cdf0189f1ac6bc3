/**
 * The settings page's intake section: the sources with where each stands, a page of items waiting for
 * triage (with the iteration each defaults to), and what they can be triaged into. Admins only.
 * Storage: sources, one state per source (≤ 10), one query page, the goal and launch books.
 */
import { ok, type Result } from '../../contract';
import type { IntakeView, IterationChoice } from '../../contract/post-launch/intake';
import { dayOf } from '../../domain/post-launch/days';
import { defaultIteration } from '../../domain/post-launch/intake';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { kpisInOrder, readGoalBook } from '../../storage/books';
import { listUntriagedPage } from '../../storage/feedback';
import { readIntakeSources, readIntakeState } from '../../storage/intake';
import { readLaunchBook } from '../../storage/launches';
import { statusOf } from './intake-sources';

export async function loadIntake(deps: Deps, caller: Caller, input: { cursor?: string }): Promise<Result<IntakeView>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const [doc, page, goalBook, launchBook] = await Promise.all([
    readIntakeSources(deps, project.id, project.key),
    listUntriagedPage(deps, project.id, input.cursor),
    readGoalBook(deps, project.id),
    readLaunchBook(deps, project.id),
  ]);
  const states = await Promise.all(doc.sources.map((s) => readIntakeState(deps, project.id, s.id)));
  const today = dayOf(deps.clock.now());
  const reporters = [...new Set(page.items.map((f) => f.by).filter((by) => by !== ''))];
  const people = reporters.length ? await deps.jira.usersByIds(reporters) : [];
  const iterations: IterationChoice[] = launchBook.launches.flatMap((l) =>
    l.iterations.map((it) => ({ launchId: l.id, launchName: l.name, iterationId: it.id, name: it.name, start: it.start, end: it.end })),
  );
  return ok({
    sources: doc.sources.map((s, i) => statusOf(s, states[i], today)),
    untriaged: page.items.map((feedback) => ({ feedback, suggested: defaultIteration(launchBook, feedback.at) })),
    nextCursor: page.nextCursor,
    goals: goalBook.goals.map((g) => ({ id: g.id, title: g.title, status: g.status })),
    kpis: kpisInOrder(goalBook).map((k) => ({ id: k.id, goalId: k.goalId, name: k.name })),
    iterations,
    people: people.map((p) => ({ accountId: p.accountId, displayName: p.displayName })),
    today,
  });
}
