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
