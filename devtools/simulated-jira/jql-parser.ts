/**
 * JQL as Jira reads it: the text is parsed by Atlassian's own grammar (`@atlaskit/jql-ast`, the parser
 * behind Jira's JQL editor), then reduced to the clauses the simulated Jira evaluates: AND, OR, NOT and
 * parentheses; `=`, `!=`, `IN`, `NOT IN`, `IS [NOT] EMPTY`, `>`, `<`, `>=`, `<=`; values, lists and
 * functions; then `ORDER BY field [ASC|DESC], …`.
 * Valid JQL the simulator cannot evaluate (`~`, `WAS`, `CHANGED`, history predicates) is refused with a
 * clear message, so a test never passes on a query the simulator silently misreads.
 */
import { JastBuilder } from '@atlaskit/jql-ast';
import type { Clause, Jast, Operand } from '@atlaskit/jql-ast';

export type JqlOperator = '=' | '!=' | 'in' | 'not in' | 'is' | 'is not' | JqlComparison;

/** Comparisons: the simulator accepts them on date fields (`resolved`, `created`, `updated`) only. */
export type JqlComparison = '>' | '<' | '>=' | '<=';

export const isComparison = (operator: JqlOperator): operator is JqlComparison => ['>', '<', '>=', '<='].includes(operator);

export interface JqlField {
  /** As written, e.g. `project`, `goalId`, `issue.property[pv.goal].goalId`. */
  name: string;
  property?: { key: string; path: string };
}

export interface JqlFunction {
  name: string;
  args: string[];
}

export type JqlOperand =
  | { kind: 'value'; value: string }
  | { kind: 'list'; values: string[] }
  | { kind: 'empty' }
  | { kind: 'function'; fn: JqlFunction };

export interface JqlClause {
  field: JqlField;
  operator: JqlOperator;
  operand: JqlOperand;
}

/** Alternatives joined by OR; each alternative is a conjunction. */
export interface JqlAnyOf {
  anyOf: JqlCondition[][];
}

/** `NOT (…)`: the conjunction it negates. */
export interface JqlNot {
  not: JqlCondition[];
}

export type JqlCondition = JqlClause | JqlAnyOf | JqlNot;

export const isAnyOf = (condition: JqlCondition): condition is JqlAnyOf => 'anyOf' in condition;
export const isNot = (condition: JqlCondition): condition is JqlNot => 'not' in condition;

export interface JqlOrderBy {
  field: string;
  direction?: 'asc' | 'desc';
}

export interface JqlQuery {
  /** A conjunction (plain clauses, OR groups, NOT groups); empty for a query with no search restriction. */
  where: JqlCondition[];
  orderBy: JqlOrderBy[];
}

export type ParseResult = { ok: true; query: JqlQuery } | { ok: false; error: string };

class JqlRefusal extends Error {}

const position = (line: number, column: number): string => `(line ${line}, character ${column + 1})`;

/** Words the grammar's messages use for what it expected, in Jira's phrasing. */
function expected(set: string): string {
  if (set.includes('ORDER') && set.includes('<EOF>')) return "either 'OR' or 'AND'";
  if (set.includes("'='") && set.includes('IN')) {
    return "operator. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'";
  }
  if (set.includes('STRING')) return 'either a value, list or function';
  return set === '<EOF>' ? "'EOF'" : set;
}

const shown = (token: string): string => (token === '<EOF>' ? 'EOF' : token);

/** The grammar's (ANTLR) syntax message, reworded as Jira's `Error in the JQL Query: …`. */
function syntaxMessage(description: string, line: number, column: number): string {
  const at = position(line, column);
  const quoted = /^(?:mismatched|extraneous) input '(["'])(.*)' expecting/s.exec(description);
  if (quoted && !quoted[2]!.endsWith(quoted[1]!)) {
    return `Error in the JQL Query: The quoted string '${quoted[2]}' has not been completed. ${at}`;
  }
  const missing = /^missing (.+) at '(.*)'$/s.exec(description);
  if (missing) return `Error in the JQL Query: Expecting ${expected(missing[1]!)} but got '${shown(missing[2]!)}'. ${at}`;
  const mismatch = /^(?:mismatched|extraneous) input '(.*)' expecting \{?(.+?)\}?$/s.exec(description);
  if (mismatch) return `Error in the JQL Query: Expecting ${expected(mismatch[2]!)} but got '${shown(mismatch[1]!)}'. ${at}`;
  return `Error in the JQL Query: ${description} ${at}`;
}

const unsupported = (what: string): JqlRefusal => new JqlRefusal(`The simulated Jira does not support ${what} in JQL.`);

const OPERATORS: Record<string, JqlOperator> = {
  '=': '=',
  '!=': '!=',
  in: 'in',
  'not in': 'not in',
  is: 'is',
  'is not': 'is not',
  '>': '>',
  '<': '<',
  '>=': '>=',
  '<=': '<=',
};

function toField(clause: Clause & { clauseType: 'terminal' }): JqlField {
  const field = clause.field;
  const [property] = field.properties ?? [];
  if (!property) return { name: field.value };
  const key = property.key?.value ?? '';
  const path = (property.path ?? []).map((segment) => segment.value.replace(/^\./, '')).join('.');
  const name = `${field.text}[${property.key?.text ?? ''}]${(property.path ?? []).map((segment) => segment.text).join('')}`;
  if (!path) throw new JqlRefusal(`Error in the JQL Query: The property reference '${name}' needs a path, e.g. ${name}.value`);
  return { name, property: { key, path } };
}

function toOperand(operand: Operand | undefined): JqlOperand {
  if (!operand) throw new JqlRefusal('Error in the JQL Query: Expecting either a value, list or function.');
  switch (operand.operandType) {
    case 'value':
      return { kind: 'value', value: operand.value };
    case 'keyword':
      return { kind: 'empty' };
    case 'function':
      return { kind: 'function', fn: { name: operand.function.value, args: operand.arguments.map((a) => a.value) } };
    case 'list':
      return {
        kind: 'list',
        values: operand.values.map((v) => {
          if (v.operandType !== 'value') throw unsupported('functions inside a list');
          return v.value;
        }),
      };
  }
}

function toCondition(clause: Clause): JqlCondition[] {
  switch (clause.clauseType) {
    case 'compound': {
      const parts = clause.clauses.map(toCondition);
      return clause.operator.value === 'and' ? parts.flat() : [{ anyOf: parts }];
    }
    case 'not':
      return [{ not: toCondition(clause.clause) }];
    case 'terminal': {
      const written = clause.operator?.value ?? '';
      const operator = OPERATORS[written.toLowerCase()];
      if (!operator) throw unsupported(`the operator '${written.toUpperCase()}'`);
      if (clause.predicates.length > 0) throw unsupported('history predicates');
      return [{ field: toField(clause), operator, operand: toOperand(clause.operand ?? undefined) }];
    }
  }
}

function toQuery(jast: Jast): JqlQuery {
  const query = jast.query;
  return {
    where: query?.where ? toCondition(query.where) : [],
    orderBy: (query?.orderBy?.fields ?? []).map((f) => {
      const direction = f.direction?.value.toLowerCase() as 'asc' | 'desc' | undefined;
      return { field: f.field.value, ...(direction ? { direction } : {}) };
    }),
  };
}

/** Paging re-sends the same query; the grammar takes a few ms a parse, so recent answers are kept. */
const recent = new Map<string, ParseResult>();
const RECENT_LIMIT = 200;

export function parseJql(jql: string): ParseResult {
  const known = recent.get(jql);
  if (known) return known;
  const result = parseUncached(jql);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(jql, result);
  return result;
}

function parseUncached(jql: string): ParseResult {
  const jast = new JastBuilder().build(jql);
  const [first] = jast.errors;
  if (first) {
    const error = first as Error & { line?: number; charPositionInLine?: number; description?: string };
    if (error.line === undefined) return { ok: false, error: `Error in the JQL Query: ${error.message}` };
    return { ok: false, error: syntaxMessage(error.description ?? error.message, error.line, error.charPositionInLine ?? 0) };
  }
  try {
    return { ok: true, query: toQuery(jast) };
  } catch (error) {
    if (error instanceof JqlRefusal) return { ok: false, error: error.message };
    throw error;
  }
}

/** The query's syntax tree in the shape of Jira's `ParsedJqlQuery.structure`. */
export function jqlStructure(query: JqlQuery): Record<string, unknown> {
  const structure: Record<string, unknown> = {};
  if (query.where.length > 0) structure.where = conjunctionStructure(query.where);
  if (query.orderBy.length > 0) {
    structure.orderBy = {
      fields: query.orderBy.map((o) => ({ field: { name: o.field }, ...(o.direction ? { direction: o.direction } : {}) })),
    };
  }
  return structure;
}

function conjunctionStructure(conditions: JqlCondition[]): Record<string, unknown> {
  const clauses = conditions.map(conditionStructure);
  return clauses.length === 1 ? clauses[0]! : { operator: 'and', clauses };
}

function operandStructure(operand: JqlOperand): Record<string, unknown> {
  switch (operand.kind) {
    case 'value':
      return { value: operand.value };
    case 'list':
      return { values: operand.values.map((value) => ({ value })) };
    case 'empty':
      return { keyword: 'empty' };
    case 'function':
      return { function: operand.fn.name, arguments: operand.fn.args };
  }
}

function conditionStructure(condition: JqlCondition): Record<string, unknown> {
  if (isAnyOf(condition)) return { operator: 'or', clauses: condition.anyOf.map(conjunctionStructure) };
  if (isNot(condition)) return { operator: 'not', clauses: [conjunctionStructure(condition.not)] };
  const clause = condition;
  return {
    field: {
      name: clause.field.name,
      ...(clause.field.property
        ? { property: [{ entity: 'issue', key: clause.field.property.key, path: clause.field.property.path }] }
        : {}),
    },
    operator: clause.operator,
    operand: operandStructure(clause.operand),
  };
}
