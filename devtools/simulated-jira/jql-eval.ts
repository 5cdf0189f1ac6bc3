/**
 * Checks a parsed JQL query against the site as one viewer sees it (fields, values, operators) and
 * turns it into a filter and an order. Semantics follow Jira's: `!=` and `NOT IN` never match an
 * empty field, property clauses match any element of an indexed array, and values the viewer
 * cannot see do not exist.
 */
import { isAnyOf, isComparison, isNot, type JqlClause, type JqlCondition, type JqlFunction, type JqlOperand, type JqlQuery } from './jql-parser';
import type { JiraSite, SimIssue, StatusCategoryKey } from './site';
import { findAlias, isIndexed, valuesAtPath } from './property-index';
import { browsableIssues, visibleProjects, type Viewer } from './permissions';

export type ValidationMode = 'strict' | 'warn' | 'none';

export interface CompiledJql {
  errors: string[];
  matches: (issue: SimIssue) => boolean;
  compare: (a: SimIssue, b: SimIssue) => number;
}

type Values = (issue: SimIssue) => string[];

interface FieldSpec {
  /** Jira's display name of the field, used in messages. */
  label: string;
  values: Values;
  supportsEmpty: boolean;
  /** The ids a written value stands for, or null if no such value exists for this viewer. */
  resolve: (value: string) => string[] | null;
  notFound: (value: string) => string;
  /** Date fields: the issue's instant in epoch ms (null when empty), for `>`, `<`, `>=`, `<=`. */
  instant?: (issue: SimIssue) => number | null;
  /** A written value that stands for "no value", e.g. `resolution = Unresolved`. */
  emptyValue?: string;
  /** Functions this field accepts as a value (lower-case name → the ids it stands for). */
  functions?: Record<string, () => string[]>;
}

/** A JQL date value, `yyyy-MM-dd` or `yyyy/MM/dd` with an optional ` HH:mm`, as epoch ms (UTC); null when invalid. */
export function jqlDate(value: string): number | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(ms);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 ? ms : null;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** A JQL period such as `-30d`, `4w 2d`, `-1h 30m` in ms (signed); null when not a period. */
export function jqlPeriod(value: string): number | null {
  const m = /^([-+]?)((?:\d+[wdhm]\s*)+)$/i.exec(value.trim());
  if (!m) return null;
  let ms = 0;
  for (const [, n, unit] of m[2]!.matchAll(/(\d+)([wdhm])/gi)) ms += Number(n) * UNIT_MS[unit!.toLowerCase()]!;
  return m[1] === '-' ? -ms : ms;
}

/** Start of the UTC day, week (Sunday, as Jira's default locale), month or year holding `at`. */
function startOf(unit: string, at: Date): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (unit === 'week') d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  if (unit === 'month') d.setUTCDate(1);
  if (unit === 'year') d.setUTCMonth(0, 1);
  return d;
}

function shift(unit: string, at: Date, by: number): Date {
  const d = new Date(at);
  if (unit === 'day') d.setUTCDate(d.getUTCDate() + by);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * by);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + by);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + by);
  return d;
}

/**
 * `now()`, `startOfDay()`, `endOfMonth(-1)`, `startOfWeek("+1w")`… as epoch ms (UTC); null for another
 * function or a bad argument. A bare number offsets by the function's own unit; a period by itself.
 */
export function jqlDateFunction(fn: JqlFunction, now: Date): number | null {
  const name = fn.name.toLowerCase();
  if (name === 'now') return fn.args.length === 0 ? now.getTime() : null;
  const m = /^(start|end)of(day|week|month|year)$/.exec(name);
  if (!m || fn.args.length > 1) return null;
  const [, edge, unit] = m as unknown as [string, 'start' | 'end', string];
  let base = startOf(unit, now);
  const arg = fn.args[0]?.trim();
  if (arg) {
    if (/^[-+]?\d+$/.test(arg)) base = shift(unit, base, Number(arg));
    else {
      const period = jqlPeriod(arg);
      if (period === null) return null;
      base = startOf(unit, new Date(base.getTime() + period));
    }
  }
  return edge === 'start' ? base.getTime() : shift(unit, base, 1).getTime() - 60_000;
}

/** A date value as Jira reads it: absolute, or a period relative to now. */
function dateValue(value: string, now: Date): number | null {
  const absolute = jqlDate(value);
  if (absolute !== null) return absolute;
  const period = jqlPeriod(value);
  return period === null ? null : now.getTime() + period;
}

/** A date field (resolved, created, updated): its values are epoch-ms strings, so `=` compares instants. */
function dateField(label: string, instant: (issue: SimIssue) => string | undefined, now: Date): FieldSpec {
  const at = (issue: SimIssue): number | null => {
    const iso = instant(issue);
    return iso === undefined ? null : Date.parse(iso);
  };
  return {
    label,
    values: (issue) => {
      const ms = at(issue);
      return ms === null ? [] : [String(ms)];
    },
    supportsEmpty: true,
    resolve: (value) => {
      const ms = dateValue(value, now);
      return ms === null ? null : [String(ms)];
    },
    notFound: (value) =>
      `Date value '${value}' for field '${label}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    instant: at,
  };
}

const CATEGORY_NAMES: Record<string, StatusCategoryKey> = {
  'to do': 'new',
  new: 'new',
  '2': 'new',
  'in progress': 'indeterminate',
  indeterminate: 'indeterminate',
  '4': 'indeterminate',
  done: 'done',
  '3': 'done',
};

function issueKeyOrder(issue: SimIssue): [string, number] {
  const dash = issue.key.lastIndexOf('-');
  return [issue.key.slice(0, dash), Number(issue.key.slice(dash + 1))];
}

function systemField(site: JiraSite, viewer: Viewer, name: string): FieldSpec | undefined {
  const projects = visibleProjects(site, viewer);
  const issues = () => browsableIssues(site, viewer);
  const now = site.now();
  const issueRef = (label: string): Pick<FieldSpec, 'resolve' | 'notFound'> => ({
    resolve: (value) => {
      const upper = value.toUpperCase();
      const found = issues().find((i) => i.key === upper || i.id === value);
      return found ? [found.id] : null;
    },
    notFound: (value) => `An issue with key '${value}' does not exist for field '${label}'.`,
  });
  switch (name.toLowerCase()) {
    case 'project':
      return {
        label: 'project',
        values: (issue) => [issue.projectId],
        supportsEmpty: false,
        resolve: (value) => {
          const lower = value.toLowerCase();
          const found = projects.find((p) => p.id === value || p.key.toLowerCase() === lower || p.name.toLowerCase() === lower);
          return found ? [found.id] : null;
        },
        notFound: (value) => `The value '${value}' does not exist for the field 'project'.`,
      };
    case 'issuetype':
    case 'type':
      return {
        label: 'issuetype',
        values: (issue) => [issue.issueTypeId],
        supportsEmpty: false,
        resolve: (value) => {
          const lower = value.toLowerCase();
          const ids = projects.flatMap((p) => p.issueTypes).filter((t) => t.id === value || t.name.toLowerCase() === lower);
          return ids.length > 0 ? ids.map((t) => t.id) : null;
        },
        notFound: (value) => `The value '${value}' does not exist for the field 'issuetype'.`,
      };
    case 'statuscategory':
      return {
        label: 'statusCategory',
        values: (issue) => [issue.statusCategory],
        supportsEmpty: false,
        resolve: (value) => {
          const key = CATEGORY_NAMES[value.toLowerCase()];
          return key ? [key] : null;
        },
        notFound: (value) => `The value '${value}' does not exist for the field 'statusCategory'.`,
      };
    case 'parent':
      return {
        label: 'parent',
        values: (issue) => (issue.parentId ? [issue.parentId] : []),
        supportsEmpty: true,
        ...issueRef('parent'),
      };
    case 'key':
    case 'issuekey':
    case 'id':
      return { label: 'key', values: (issue) => [issue.id], supportsEmpty: false, ...issueRef('key') };
    case 'fixversion':
      return {
        label: 'fixVersion',
        values: (issue) => issue.fixVersionIds,
        supportsEmpty: true,
        resolve: (value) => {
          const lower = value.toLowerCase();
          const ids = projects.flatMap((p) => p.versions).filter((v) => v.id === value || v.name.toLowerCase() === lower);
          return ids.length > 0 ? ids.map((v) => v.id) : null;
        },
        notFound: (value) => `The value '${value}' does not exist for the field 'fixVersion'.`,
      };
    case 'resolved':
    case 'resolutiondate':
      return dateField('resolved', (issue) => issue.resolved, now);
    case 'created':
    case 'createddate':
      return dateField('created', (issue) => issue.created, now);
    case 'updated':
    case 'updateddate':
      return dateField('updated', (issue) => issue.updated, now);
    case 'status': {
      // Names compare case-insensitively; a name no issue of the site has does not exist.
      const known = new Set(['to do', 'in progress', 'done', ...site.issues.map((i) => i.statusName.toLowerCase())]);
      return {
        label: 'status',
        values: (issue) => [issue.statusName.toLowerCase()],
        supportsEmpty: false,
        resolve: (value) => (known.has(value.toLowerCase()) ? [value.toLowerCase()] : null),
        notFound: (value) => `The value '${value}' does not exist for the field 'status'.`,
      };
    }
    case 'labels':
    case 'label':
      // Any label may be searched for; one no issue carries simply matches nothing.
      return { label: 'labels', values: (issue) => issue.labels ?? [], supportsEmpty: true, resolve: (value) => [value], notFound: () => '' };
    case 'reporter':
      return {
        label: 'reporter',
        values: (issue) => (issue.reporterAccountId ? [issue.reporterAccountId] : []),
        supportsEmpty: true,
        resolve: (value) => {
          const lower = value.toLowerCase();
          const user = [...site.users.values()].find(
            (u) => u.accountId === value || u.displayName.toLowerCase() === lower || u.emailAddress?.toLowerCase() === lower,
          );
          return user ? [user.accountId] : null;
        },
        notFound: (value) => `The value '${value}' does not exist for the field 'reporter'.`,
        functions: { currentuser: () => (viewer === null ? [] : [viewer]) },
      };
    case 'request type':
    case 'customer request type':
    case 'requesttype': {
      // Request types exist once some request the viewer may browse has one.
      const names = () => new Set(issues().flatMap((i) => (i.requestType ? [i.requestType.toLowerCase()] : [])));
      return {
        label: 'Request Type',
        values: (issue) => (issue.requestType ? [issue.requestType.toLowerCase()] : []),
        supportsEmpty: true,
        resolve: (value) => (names().has(value.toLowerCase()) ? [value.toLowerCase()] : null),
        notFound: (value) => `The value '${value}' does not exist for the field 'Request Type'.`,
      };
    }
    case 'resolution':
      // The simulated site has one resolution, Done, set on every resolved issue.
      return {
        label: 'resolution',
        values: (issue) => (issue.resolved ? ['done'] : []),
        supportsEmpty: true,
        resolve: (value) => (['done', 'unresolved'].includes(value.toLowerCase()) ? [value.toLowerCase()] : null),
        notFound: (value) => `The value '${value}' does not exist for the field 'resolution'.`,
        emptyValue: 'unresolved',
      };
    default:
      return undefined;
  }
}

function propertyField(site: JiraSite, label: string, key: string, path: string): FieldSpec {
  const indexed = isIndexed(site, key, path);
  return {
    label,
    values: (issue) => (indexed && issue.properties.has(key) ? valuesAtPath(issue.properties.get(key), path).map(String) : []),
    supportsEmpty: true,
    resolve: (value) => [value],
    notFound: () => '',
  };
}

function fieldFor(site: JiraSite, viewer: Viewer, clause: JqlClause): FieldSpec | undefined {
  const { name, property } = clause.field;
  if (property) return propertyField(site, name, property.key, property.path);
  const system = systemField(site, viewer, name);
  if (system) return system;
  const alias = findAlias(site, name);
  return alias ? propertyField(site, name, alias.propertyKey, alias.path) : undefined;
}

const unknownFunction = (fn: JqlFunction, label: string): string =>
  `The simulated Jira does not support the function '${fn.name}()' with the arguments (${fn.args.join(', ')}) for field '${label}'.`;

function operandValues(operand: JqlOperand): string[] {
  return operand.kind === 'value' ? [operand.value] : operand.kind === 'list' ? operand.values : [];
}

function compileClause(
  site: JiraSite,
  viewer: Viewer,
  clause: JqlClause,
  report: (message: string) => void,
): (issue: SimIssue) => boolean {
  const field = fieldFor(site, viewer, clause);
  if (!field) {
    report(`Field '${clause.field.name}' does not exist or you do not have permission to view it.`);
    return () => false;
  }
  if (isComparison(clause.operator)) {
    const operator = clause.operator;
    const instant = field.instant;
    if (!instant) {
      report(`The operator '${operator}' is not supported by the '${field.label}' field.`);
      return () => false;
    }
    const operand = clause.operand;
    const now = site.now();
    const bound =
      operand.kind === 'value' ? dateValue(operand.value, now) : operand.kind === 'function' ? jqlDateFunction(operand.fn, now) : null;
    if (bound === null) {
      if (operand.kind === 'function') report(unknownFunction(operand.fn, field.label));
      else report(field.notFound(operand.kind === 'value' ? operand.value : ''));
      return () => false;
    }
    return (issue) => {
      const at = instant(issue);
      if (at === null) return false;
      return operator === '>' ? at > bound : operator === '>=' ? at >= bound : operator === '<' ? at < bound : at <= bound;
    };
  }
  const wantsEmpty = clause.operand.kind === 'empty';
  if (wantsEmpty && !field.supportsEmpty) {
    report(`The field '${field.label}' does not support searching for EMPTY values.`);
    return () => false;
  }
  const negated = clause.operator === '!=' || clause.operator === 'not in' || clause.operator === 'is not';
  if (wantsEmpty) {
    return (issue) => (field.values(issue).length === 0) !== negated;
  }
  const wanted = new Set<string>();
  if (clause.operand.kind === 'function') {
    const fn = clause.operand.fn;
    const instant = field.instant ? jqlDateFunction(fn, site.now()) : null;
    const ids = instant !== null ? [String(instant)] : field.functions?.[fn.name.toLowerCase()]?.();
    if (!ids) {
      report(unknownFunction(fn, field.label));
      return () => false;
    }
    for (const id of ids) wanted.add(id);
  }
  for (const value of operandValues(clause.operand)) {
    const resolved = field.resolve(value);
    if (resolved === null) {
      report(field.notFound(value));
      continue;
    }
    for (const id of resolved) wanted.add(id);
  }
  const emptyWanted = field.emptyValue !== undefined && wanted.has(field.emptyValue);
  return (issue) => {
    const values = field.values(issue);
    // `!=` and `NOT IN` never match an empty field; a value standing for empty (Unresolved) does.
    if (values.length === 0) return emptyWanted && !negated;
    const hit = values.some((v) => wanted.has(v));
    return hit !== negated;
  };
}

const SORTABLE: Record<string, (a: SimIssue, b: SimIssue) => number> = {
  created: (a, b) => a.created.localeCompare(b.created),
  updated: (a, b) => a.updated.localeCompare(b.updated),
  // Unresolved issues sort last, as in Jira's ascending order.
  resolved: (a, b) => (a.resolved ?? '\uffff').localeCompare(b.resolved ?? '\uffff'),
  key: (a, b) => {
    const [pa, na] = issueKeyOrder(a);
    const [pb, nb] = issueKeyOrder(b);
    return pa.localeCompare(pb) || na - nb;
  },
};

/**
 * Validates and compiles `query` for `viewer`; with `none`, validation problems are ignored, as in
 * Jira's `jql/parse`. An invalid clause matches nothing.
 */
export function compileJql(site: JiraSite, viewer: Viewer, query: JqlQuery, mode: ValidationMode = 'strict'): CompiledJql {
  const errors: string[] = [];
  const report = (message: string): void => {
    if (mode !== 'none') errors.push(message);
  };
  const compileAll = (conditions: JqlCondition[]): Array<(issue: SimIssue) => boolean> =>
    conditions.map((condition) => {
      if (isNot(condition)) {
        const negated = compileAll(condition.not);
        return (issue) => !negated.every((f) => f(issue));
      }
      if (!isAnyOf(condition)) return compileClause(site, viewer, condition, report);
      const alternatives = condition.anyOf.map(compileAll);
      return (issue) => alternatives.some((all) => all.every((f) => f(issue)));
    });
  const filters = compileAll(query.where);
  const orders = query.orderBy.map((item) => {
    const compare = SORTABLE[item.field.toLowerCase()];
    if (!compare) {
      report(`Not able to sort using field '${item.field}'.`);
      return () => 0;
    }
    return item.direction === 'desc' ? (a: SimIssue, b: SimIssue) => compare(b, a) : compare;
  });
  return {
    errors,
    matches: (issue) => filters.every((f) => f(issue)),
    // Unordered queries come back by issue id, which is creation order.
    compare: (a, b) => {
      for (const order of orders) {
        const result = order(a, b);
        if (result !== 0) return result;
      }
      return Number(a.id) - Number(b.id);
    },
  };
}

/** The issues `viewer` can browse that match, in order. */
export function runJql(site: JiraSite, viewer: Viewer, compiled: CompiledJql): SimIssue[] {
  return browsableIssues(site, viewer)
    .filter((issue) => compiled.matches(issue))
    .sort(compiled.compare);
}
