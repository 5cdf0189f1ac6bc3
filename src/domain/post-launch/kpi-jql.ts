/**
 * JQL for post-launch tracking: is an automatic KPI's query bounded to its project (read from the
 * structure Jira's `jql/parse` answers), and the query for the output an iteration shipped.
 */
import type { Iteration } from '../../contract/post-launch/post-launch';
import { addDays } from './days';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function operandValues(operand: unknown): string[] | null {
  if (!isRecord(operand)) return null;
  if (typeof operand.value === 'string') return [operand.value];
  if (Array.isArray(operand.values)) {
    const values = operand.values.map((v) => (isRecord(v) && typeof v.value === 'string' ? v.value : null));
    return values.every((v): v is string => v !== null) ? values : null;
  }
  return null;
}

/** A `project = X` or `project in (X, …)` clause naming only this project (by key or id). */
function isProjectClause(clause: Record<string, unknown>, project: { id: string; key: string }): boolean {
  const field = isRecord(clause.field) ? clause.field.name : undefined;
  if (typeof field !== 'string' || field.toLowerCase() !== 'project') return false;
  const op = typeof clause.operator === 'string' ? clause.operator.toLowerCase() : '';
  if (op !== '=' && op !== 'in') return false;
  const values = operandValues(clause.operand);
  return values !== null && values.length > 0 && values.every((v) => v === project.id || v.toUpperCase() === project.key.toUpperCase());
}

/**
 * True when the query (Jira's parsed `structure`) only matches issues of `project`: its top level is a
 * project clause, or an AND with one among its parts.
 * @example boundedToProject({ where: { field: { name: 'project' }, operator: '=', operand: { value: 'PV' } } }, { id: '10000', key: 'PV' }) // true
 */
export function boundedToProject(structure: unknown, project: { id: string; key: string }): boolean {
  const where = isRecord(structure) ? structure.where : undefined;
  const holds = (clause: unknown): boolean => {
    if (!isRecord(clause)) return false;
    if (Array.isArray(clause.clauses)) {
      return typeof clause.operator === 'string' && clause.operator.toLowerCase() === 'and' && clause.clauses.some(holds);
    }
    return isProjectClause(clause, project);
  };
  return holds(where);
}

/** The projects a `project = X` / `project in (X, …)` clause names; null for any other clause. */
function projectClauseValues(clause: Record<string, unknown>): string[] | null {
  const field = isRecord(clause.field) ? clause.field.name : undefined;
  if (typeof field !== 'string' || field.toLowerCase() !== 'project') return null;
  const op = typeof clause.operator === 'string' ? clause.operator.toLowerCase() : '';
  if (op !== '=' && op !== 'in') return null;
  const values = operandValues(clause.operand);
  return values && values.length ? values : null;
}

/**
 * The projects a query (Jira's parsed `structure`) can match issues of, as written (keys, ids or names),
 * or null when it is not bounded by project clauses: a project clause bounds it; an AND is bounded by
 * any of its bounded parts (the tightest, intersected); an OR only when every part is (their union).
 * @example projectBound(parsed('project in (PV, SD) AND issuetype = Bug')) // ['PV', 'SD']
 * @example projectBound(parsed('project = PV OR labels = x')) // null
 */
export function projectBound(structure: unknown): string[] | null {
  const norm = (v: string) => v.toUpperCase();
  const bound = (clause: unknown): Set<string> | null => {
    if (!isRecord(clause)) return null;
    if (Array.isArray(clause.clauses)) {
      const op = typeof clause.operator === 'string' ? clause.operator.toLowerCase() : '';
      const parts = clause.clauses.map(bound);
      if (op === 'and') {
        const bounded = parts.filter((p): p is Set<string> => p !== null);
        if (!bounded.length) return null;
        return bounded.reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
      }
      if (op === 'or') return parts.every((p) => p !== null) ? new Set(parts.flatMap((p) => [...p!])) : null;
      return null;
    }
    const values = projectClauseValues(clause);
    return values ? new Set(values.map(norm)) : null;
  };
  const where = isRecord(structure) ? structure.where : undefined;
  const set = bound(where);
  return set ? [...set].sort() : null;
}

/** A JQL string literal. @example jqlString('a "b"') // '"a \\"b\\""' */
export const jqlString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The done issues an iteration shipped: those of its version when it names one, else those resolved
 * inside its window (the end day included).
 * @example outputJql('PV', { start: '2025-07-01', end: '2025-07-30', versionId: null, … }).jql
 * // 'project = PV AND statusCategory = Done AND resolved >= "2025-07-01" AND resolved < "2025-07-31" ORDER BY resolved DESC'
 */
export function outputJql(projectKey: string, iteration: Pick<Iteration, 'start' | 'end' | 'versionId'>): { jql: string; basis: 'window' | 'version' } {
  if (iteration.versionId !== null) {
    return { jql: `project = ${projectKey} AND fixVersion = ${iteration.versionId} AND statusCategory = Done ORDER BY resolved DESC`, basis: 'version' };
  }
  return {
    jql: `project = ${projectKey} AND statusCategory = Done AND resolved >= ${jqlString(iteration.start)} AND resolved < ${jqlString(addDays(iteration.end, 1))} ORDER BY resolved DESC`,
    basis: 'window',
  };
}
