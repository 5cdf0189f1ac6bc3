/**
 * Rules for a project's launches and the iterations after them. Pure: every change takes the book
 * and answers a new one or the rule it breaks; storage and permissions are the use cases' business.
 */
import type { FieldIssue } from '../../contract/shared/result';
import {
  POST_LAUNCH_LIMITS,
  type Iteration,
  type IterationPreset,
  type Launch,
  type LaunchBook,
} from '../../contract/post-launch/post-launch';
import { addDays, daysBetween } from './days';

import type { RuleViolation, Stamp } from '../shared/outcomes';

export type { Stamp } from '../shared/outcomes';
export type LaunchViolation = RuleViolation<{ details: unknown }>;

export type LaunchOutcome = { ok: true; book: LaunchBook } | { ok: false; violation: LaunchViolation };

const L = POST_LAUNCH_LIMITS;

export const emptyLaunchBook = (): LaunchBook => ({ revision: 0, launches: [], updatedBy: null, updatedAt: null });

const done = (book: LaunchBook, stamp: Stamp): LaunchOutcome => ({
  ok: true,
  book: {
    ...book,
    launches: [...book.launches].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),
    revision: book.revision + 1,
    updatedBy: stamp.by,
    updatedAt: stamp.at,
  },
});
const broken = (violation: LaunchViolation): LaunchOutcome => ({ ok: false, violation });
const invalid = (message: string, fields: FieldIssue[]): LaunchOutcome => broken({ kind: 'invalid', message, fields });

export const findLaunch = (book: LaunchBook, launchId: string): Launch | undefined => book.launches.find((l) => l.id === launchId);

export const findIteration = (launch: Launch, iterationId: string): Iteration | undefined =>
  launch.iterations.find((i) => i.id === iterationId);

/** "+30 days", "+60 days", "+90 days": consecutive windows right after the launch day. */
export function presetIterations(launchDate: string, preset: IterationPreset, newId: () => string): Iteration[] {
  if (preset === 'none') return [];
  return [30, 60, 90].map((upTo) => ({
    id: newId(),
    name: `+${upTo} days`,
    start: addDays(launchDate, upTo - 29),
    end: addDays(launchDate, upTo),
    versionId: null,
    versionName: null,
  }));
}

/** The day a launch's last iteration ends; null when it has none. */
export const lastEnd = (launch: Launch): string | null =>
  launch.iterations.reduce<string | null>((max, i) => (max === null || i.end > max ? i.end : max), null);

/**
 * Adds a launch. A version is launched at most once; a planned launch is at most a year ahead.
 * @param today YYYY-MM-DD
 */
export function addLaunch(book: LaunchBook, launch: Launch, today: string, stamp: Stamp): LaunchOutcome {
  if (book.launches.length >= L.maxLaunches)
    return broken({ kind: 'limit', message: `A project can have at most ${L.maxLaunches} launches; delete an old one first.` });
  const fields: FieldIssue[] = [];
  if (launch.versionId !== null) {
    const twin = book.launches.find((l) => l.versionId === launch.versionId);
    if (twin) fields.push({ path: 'versionId', message: `${launch.versionName ?? 'This version'} is already recorded as the launch “${twin.name}”.` });
  }
  if (daysBetween(today, launch.date) > L.launchAheadDays)
    fields.push({ path: 'date', message: `A launch can be planned at most ${L.launchAheadDays} days ahead.` });
  if (fields.length) return invalid('Check the launch.', fields);
  return done({ ...book, launches: [...book.launches, launch] }, stamp);
}

export function removeLaunch(book: LaunchBook, launchId: string, stamp: Stamp): LaunchOutcome {
  if (!findLaunch(book, launchId)) return broken({ kind: 'not-found', message: 'This launch no longer exists.' });
  return done({ ...book, launches: book.launches.filter((l) => l.id !== launchId) }, stamp);
}

export type IterationFields = Pick<Iteration, 'name' | 'start' | 'end' | 'versionId' | 'versionName'>;

/**
 * What is wrong with an iteration's window: it must start after the launch, end on or after its start,
 * end at most two years after the launch, and not overlap another iteration of the launch.
 */
export function iterationIssues(launch: Launch, fields: IterationFields, exceptId?: string, prefix = 'iteration.'): FieldIssue[] {
  const at = (f: string) => `${prefix}${f}`;
  const issues: FieldIssue[] = [];
  if (fields.start <= launch.date)
    issues.push({ path: at('start'), message: `An iteration starts after its launch (${launch.date}).` });
  if (fields.end < fields.start) issues.push({ path: at('end'), message: 'The end must not be before the start.' });
  if (daysBetween(launch.date, fields.end) > L.iterationReachDays)
    issues.push({ path: at('end'), message: `An iteration ends at most ${L.iterationReachDays} days after its launch.` });
  if (issues.length) return issues;
  const clash = launch.iterations.find((i) => i.id !== exceptId && i.start <= fields.end && fields.start <= i.end);
  if (clash) issues.push({ path: at('start'), message: `Overlaps “${clash.name}” (${clash.start} to ${clash.end}).` });
  return issues;
}

function withLaunch(book: LaunchBook, launchId: string, change: (launch: Launch) => Launch): LaunchBook {
  return { ...book, launches: book.launches.map((l) => (l.id === launchId ? change(l) : l)) };
}

const byStart = (its: Iteration[]) => [...its].sort((a, b) => a.start.localeCompare(b.start));

export function addIteration(book: LaunchBook, launchId: string, iteration: Iteration, stamp: Stamp): LaunchOutcome {
  const launch = findLaunch(book, launchId);
  if (!launch) return broken({ kind: 'not-found', message: 'This launch no longer exists.' });
  if (launch.iterations.length >= L.maxIterationsPerLaunch)
    return broken({ kind: 'limit', message: `A launch can have at most ${L.maxIterationsPerLaunch} iterations.` });
  const issues = iterationIssues(launch, iteration);
  if (issues.length) return invalid('Check the iteration’s dates.', issues);
  return done(withLaunch(book, launchId, (l) => ({ ...l, iterations: byStart([...l.iterations, iteration]) })), stamp);
}

export function updateIteration(book: LaunchBook, launchId: string, iterationId: string, fields: IterationFields, stamp: Stamp): LaunchOutcome {
  const launch = findLaunch(book, launchId);
  if (!launch) return broken({ kind: 'not-found', message: 'This launch no longer exists.' });
  if (!findIteration(launch, iterationId)) return broken({ kind: 'not-found', message: 'This iteration no longer exists.' });
  const issues = iterationIssues(launch, fields, iterationId);
  if (issues.length) return invalid('Check the iteration’s dates.', issues);
  return done(
    withLaunch(book, launchId, (l) => ({
      ...l,
      iterations: byStart(l.iterations.map((i) => (i.id === iterationId ? { ...i, ...fields } : i))),
    })),
    stamp,
  );
}

/** Deleting an iteration that holds feedback or decisions needs `confirmed`; they stay in storage, unlinked. */
export function removeIteration(
  book: LaunchBook,
  launchId: string,
  iterationId: string,
  confirmed: boolean,
  holds: { feedback: number; decisions: number },
  stamp: Stamp,
): LaunchOutcome {
  const launch = findLaunch(book, launchId);
  const iteration = launch && findIteration(launch, iterationId);
  if (!launch || !iteration) return broken({ kind: 'not-found', message: 'This iteration no longer exists.' });
  if (!confirmed && holds.feedback + holds.decisions > 0) {
    const parts = [
      holds.feedback ? `${holds.feedback} feedback item${holds.feedback === 1 ? '' : 's'}` : '',
      holds.decisions ? `${holds.decisions} decision${holds.decisions === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    return broken({
      kind: 'needs-confirmation',
      message: `“${iteration.name}” has ${parts.join(' and ')}. Deleting it unlinks them from the iteration.`,
      details: { iterationId, ...holds },
    });
  }
  return done(withLaunch(book, launchId, (l) => ({ ...l, iterations: l.iterations.filter((i) => i.id !== iterationId) })), stamp);
}

/** The launch people care about today: the latest one on or before today, else the next one planned. */
export function currentLaunch(book: LaunchBook, today: string): Launch | null {
  const past = book.launches.filter((l) => l.date <= today).sort((a, b) => b.date.localeCompare(a.date));
  if (past.length) return past[0]!;
  const planned = book.launches.filter((l) => l.date > today).sort((a, b) => a.date.localeCompare(b.date));
  return planned[0] ?? null;
}

/** The iteration running on `today`, else the latest one that has started; null before the first. */
export function currentIteration(launch: Launch, today: string): Iteration | null {
  const running = launch.iterations.find((i) => i.start <= today && today <= i.end);
  if (running) return running;
  const started = launch.iterations.filter((i) => i.start <= today).sort((a, b) => b.start.localeCompare(a.start));
  return started[0] ?? null;
}
