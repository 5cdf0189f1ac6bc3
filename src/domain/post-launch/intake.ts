/**
 * Feedback intake's pure rules: which iteration an imported item belongs to by default, whether a
 * source's JQL is bounded to named projects, the query a fetch runs, and the daily allowance.
 */
import { INTAKE_LIMITS } from '../../contract/post-launch/intake';
import type { LaunchBook } from '../../contract/post-launch/post-launch';
import { jqlString } from './kpi-jql';

/**
 * The iteration whose dates (both ends included) contain the UTC day of `createdIso`. Iterations of
 * different launches may overlap: the one that started last wins, then the newer launch (the book lists
 * launches newest first). Null when none contains it, or the instant is unreadable.
 * @example defaultIteration(book, '2025-07-30T23:59:00Z') // the +30 iteration ending 2025-07-30
 */
export function defaultIteration(book: Pick<LaunchBook, 'launches'>, createdIso: string): { launchId: string; iterationId: string } | null {
  const ms = Date.parse(createdIso);
  if (Number.isNaN(ms)) return null;
  const day = new Date(ms).toISOString().slice(0, 10);
  let best: { launchId: string; iterationId: string; start: string } | null = null;
  for (const launch of book.launches)
    for (const it of launch.iterations)
      if (it.start <= day && day <= it.end && (!best || it.start > best.start)) best = { launchId: launch.id, iterationId: it.id, start: it.start };
  return best ? { launchId: best.launchId, iterationId: best.iterationId } : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function projectValues(clause: Record<string, unknown>): string[] | null {
  const field = isRecord(clause.field) ? clause.field.name : undefined;
  if (typeof field !== 'string' || field.toLowerCase() !== 'project') return null;
  const op = typeof clause.operator === 'string' ? clause.operator.toLowerCase() : '';
  if (op !== '=' && op !== 'in') return null;
  const operand = isRecord(clause.operand) ? clause.operand : null;
  if (!operand) return null;
  if (typeof operand.value === 'string') return [operand.value];
  if (!Array.isArray(operand.values)) return null;
  const values = operand.values.map((v) => (isRecord(v) && typeof v.value === 'string' ? v.value : null));
  return values.length > 0 && values.every((v): v is string => v !== null) ? values : null;
}

/**
 * The projects a query (Jira's parsed `structure`) is bounded to: its top level is a `project = X` /
 * `project in (X, …)` clause, or an AND with one among its parts (the narrowest when there are several).
 * Null when it is not bounded that way (an OR at the top may match any project).
 * @example boundingProjects({ where: { field: { name: 'project' }, operator: '=', operand: { value: 'SD' } } }) // ['SD']
 */
export function boundingProjects(structure: unknown): string[] | null {
  const where = isRecord(structure) ? structure.where : undefined;
  if (!isRecord(where)) return null;
  const clauses = Array.isArray(where.clauses) && typeof where.operator === 'string' && where.operator.toLowerCase() === 'and' ? where.clauses : [where];
  let narrowest: string[] | null = null;
  for (const clause of clauses) {
    const values = isRecord(clause) ? projectValues(clause) : null;
    if (values && (!narrowest || values.length < narrowest.length)) narrowest = values;
  }
  return narrowest;
}

/** Whether the query has an ORDER BY (a source's issues are read oldest first, so it may not). */
export const hasOrderBy = (structure: unknown): boolean => isRecord(structure) && structure.orderBy !== undefined;

/**
 * Jira reads a date in JQL in the searching account's time zone, which the app does not know: a search
 * that goes on from an issue starts this much earlier, so that no zone (UTC−12 … UTC+14) makes it miss
 * one. The issues seen again are skipped (each is claimed once).
 */
export const RESUME_MARGIN_MS = 12 * 3600 * 1000;

/**
 * The query a fetch runs: the source's JQL, oldest first (key breaking ties), from the last issue seen
 * on (minus the margin) when there is one.
 * @example intakeSearch('project = SD', null) // '(project = SD) ORDER BY created ASC, key ASC'
 */
export function intakeSearch(jql: string, since: { created: string } | null): string {
  const from = since ? Date.parse(since.created) - RESUME_MARGIN_MS : Number.NaN;
  const bound = Number.isNaN(from) ? '' : ` AND created >= ${jqlString(new Date(from).toISOString().slice(0, 16).replace('T', ' '))}`;
  return `(${jql})${bound} ORDER BY created ASC, key ASC`;
}

/** New items a source may still bring in on `today`, given what it brought in on `day`. */
export const dayAllowance = (day: string | null, dayCount: number, today: string): number =>
  day === today ? Math.max(0, INTAKE_LIMITS.itemsPerDay - dayCount) : INTAKE_LIMITS.itemsPerDay;
