/**
 * The JQL subset the simulated Jira understands: clauses joined by AND and OR (AND binds tighter;
 * parentheses allowed), `=`, `!=`, `IN`, `NOT IN`, `IS [NOT] EMPTY`, and `>`, `<`, `>=`, `<=` on dates,
 * then `ORDER BY field [ASC|DESC], …`.
 * Anything else valid in Jira (NOT, ~, functions, history) is refused with a clear message,
 * so a test never passes on a query the simulator silently misreads.
 */

export type JqlOperator = '=' | '!=' | 'in' | 'not in' | 'is' | 'is not' | JqlComparison;

/** Comparisons: the simulator accepts them on date fields (`resolved`, `created`, `updated`) only. */
export type JqlComparison = '>' | '<' | '>=' | '<=';

export const isComparison = (operator: JqlOperator): operator is JqlComparison => ['>', '<', '>=', '<='].includes(operator);

export interface JqlField {
  /** As written, e.g. `project`, `goalId`, `issue.property[pv.goal].goalId`. */
  name: string;
  property?: { key: string; path: string };
}

export type JqlOperand = { kind: 'value'; value: string } | { kind: 'list'; values: string[] } | { kind: 'empty' };

export interface JqlClause {
  field: JqlField;
  operator: JqlOperator;
  operand: JqlOperand;
}

/** Alternatives joined by OR; each alternative is a conjunction. */
export interface JqlAnyOf {
  anyOf: JqlCondition[][];
}

export type JqlCondition = JqlClause | JqlAnyOf;

export const isAnyOf = (condition: JqlCondition): condition is JqlAnyOf => 'anyOf' in condition;

export interface JqlOrderBy {
  field: string;
  direction?: 'asc' | 'desc';
}

export interface JqlQuery {
  /** A conjunction (plain clauses, or OR groups); empty for a query with no search restriction. */
  where: JqlCondition[];
  orderBy: JqlOrderBy[];
}

export type ParseResult = { ok: true; query: JqlQuery } | { ok: false; error: string };

type TokenType = 'word' | 'string' | 'punct' | 'property' | 'eof';
interface Token {
  type: TokenType;
  text: string;
  /** 1-based character position. */
  at: number;
  property?: { key: string; path: string };
}

class JqlSyntaxError extends Error {}

const PROPERTY = /^issue\.property\[\s*(?:"([^"]*)"|'([^']*)'|([^\]"'\s]+))\s*\](?:\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*))?/i;
const WORD = /^[A-Za-z0-9_.-]+/;
const PUNCT = ['!=', '!~', '>=', '<=', '(', ')', ',', '=', '~', '>', '<'];

function position(at: number): string {
  return `(line 1, character ${at})`;
}

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const rest = jql.slice(i);
    const at = i + 1;
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const property = PROPERTY.exec(rest);
    if (property) {
      const key = property[1] ?? property[2] ?? property[3] ?? '';
      const path = property[4];
      if (!path) {
        throw new JqlSyntaxError(
          `Error in the JQL Query: The property reference '${property[0]}' needs a path, e.g. ${property[0]}.value ${position(at)}`,
        );
      }
      tokens.push({ type: 'property', text: property[0], at, property: { key, path } });
      i += property[0].length;
      continue;
    }
    if (rest[0] === '"' || rest[0] === "'") {
      const quote = rest[0];
      let value = '';
      let j = 1;
      for (; j < rest.length && rest[j] !== quote; j++) {
        if (rest[j] === '\\' && j + 1 < rest.length) j++;
        value += rest[j];
      }
      if (j >= rest.length) {
        throw new JqlSyntaxError(`Error in the JQL Query: The quoted string '${rest.slice(1)}' has not been completed. ${position(at)}`);
      }
      tokens.push({ type: 'string', text: value, at });
      i += j + 1;
      continue;
    }
    const punct = PUNCT.find((p) => rest.startsWith(p));
    if (punct) {
      tokens.push({ type: 'punct', text: punct, at });
      i += punct.length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ type: 'word', text: word[0], at });
      i += word[0].length;
      continue;
    }
    throw new JqlSyntaxError(`Error in the JQL Query: The character '${rest[0]}' is a reserved JQL character. ${position(at)}`);
  }
  tokens.push({ type: 'eof', text: '', at: jql.length + 1 });
  return tokens;
}

const posOf = (token: Token): string => position(token.at);

const unsupported = (what: string, token: Token): JqlSyntaxError =>
  new JqlSyntaxError(`The simulated Jira does not support ${what} in JQL ${position(token.at)}.`);

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }
  private next(): Token {
    return this.tokens[Math.min(this.index++, this.tokens.length - 1)]!;
  }
  private isWord(token: Token, ...words: string[]): boolean {
    return token.type === 'word' && words.includes(token.text.toLowerCase());
  }
  private isPunct(token: Token, text: string): boolean {
    return token.type === 'punct' && token.text === text;
  }
  private shown(token: Token): string {
    return token.type === 'eof' ? 'EOF' : token.text;
  }

  parse(): JqlQuery {
    const where = !this.isWord(this.peek(), 'order') && this.peek().type !== 'eof' ? this.disjunction() : [];
    const orderBy = this.orderBy();
    const end = this.peek();
    if (end.type !== 'eof') {
      if (this.isPunct(end, ')')) throw new JqlSyntaxError(`Error in the JQL Query: Expecting 'EOF' but got ')'. ${posOf(end)}`);
      throw new JqlSyntaxError(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${end.text}'. ${posOf(end)}`);
    }
    return { where, orderBy };
  }

  /** `a AND b OR c` → one OR group of conjunctions; without OR, the conjunction itself. */
  private disjunction(): JqlCondition[] {
    const alternatives = [this.conjunction()];
    while (this.isWord(this.peek(), 'or')) {
      this.next();
      alternatives.push(this.conjunction());
    }
    return alternatives.length === 1 ? alternatives[0]! : [{ anyOf: alternatives }];
  }

  private conjunction(): JqlCondition[] {
    const into: JqlCondition[] = [];
    for (;;) {
      this.clauseOrGroup(into);
      if (!this.isWord(this.peek(), 'and')) return into;
      this.next();
    }
  }

  private clauseOrGroup(into: JqlCondition[]): void {
    const token = this.peek();
    if (this.isPunct(token, '(')) {
      this.next();
      into.push(...this.disjunction());
      const close = this.next();
      if (!this.isPunct(close, ')')) {
        throw new JqlSyntaxError(`Error in the JQL Query: Expecting ')' but got '${this.shown(close)}'. ${posOf(close)}`);
      }
      return;
    }
    if (this.isWord(token, 'not')) throw unsupported("'NOT'", token);
    into.push(this.clause());
  }

  private clause(): JqlClause {
    const token = this.next();
    let field: JqlField;
    if (token.type === 'property') field = { name: token.text, property: token.property };
    else if (token.type === 'word' || token.type === 'string') field = { name: token.text };
    else throw new JqlSyntaxError(`Error in the JQL Query: Expecting a field name but got '${this.shown(token)}'. ${posOf(token)}`);
    if (token.type === 'word' && this.isWord(token, 'and', 'or', 'order', 'in', 'is', 'empty', 'null')) {
      throw new JqlSyntaxError(`Error in the JQL Query: '${token.text}' is a reserved JQL word. ${posOf(token)}`);
    }
    if (this.isPunct(this.peek(), '(')) throw unsupported(`functions ('${token.text}()')`, token);
    const operator = this.operator();
    return { field, operator, operand: this.operand(operator) };
  }

  private operator(): JqlOperator {
    const token = this.next();
    if (this.isPunct(token, '=') || this.isPunct(token, '!=')) return token.text as JqlOperator;
    if (this.isWord(token, 'in')) return 'in';
    if (this.isWord(token, 'not') && this.isWord(this.peek(), 'in')) {
      this.next();
      return 'not in';
    }
    if (this.isWord(token, 'is')) {
      if (this.isWord(this.peek(), 'not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (token.type === 'punct' && ['>', '<', '>=', '<='].includes(token.text)) return token.text as JqlComparison;
    if (token.type === 'punct' && ['~', '!~'].includes(token.text)) {
      throw unsupported(`the operator '${token.text}'`, token);
    }
    if (this.isWord(token, 'was', 'changed')) throw unsupported(`the operator '${token.text.toUpperCase()}'`, token);
    throw new JqlSyntaxError(
      `Error in the JQL Query: Expecting operator but got '${this.shown(token)}'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. ${posOf(token)}`,
    );
  }

  private operand(operator: JqlOperator): JqlOperand {
    if (operator === 'is' || operator === 'is not') {
      const token = this.next();
      if (this.isWord(token, 'empty', 'null')) return { kind: 'empty' };
      throw new JqlSyntaxError(`Error in the JQL Query: Expecting 'EMPTY' or 'NULL' but got '${this.shown(token)}'. ${posOf(token)}`);
    }
    if (operator === 'in' || operator === 'not in') {
      const open = this.next();
      if (!this.isPunct(open, '(')) {
        throw new JqlSyntaxError(`Error in the JQL Query: Expecting '(' but got '${this.shown(open)}'. ${posOf(open)}`);
      }
      const values = [this.value()];
      while (this.isPunct(this.peek(), ',')) {
        this.next();
        values.push(this.value());
      }
      const close = this.next();
      if (!this.isPunct(close, ')')) {
        throw new JqlSyntaxError(`Error in the JQL Query: Expecting ')' but got '${this.shown(close)}'. ${posOf(close)}`);
      }
      return { kind: 'list', values };
    }
    if (isComparison(operator)) {
      const token = this.peek();
      const value = this.value();
      // Jira reads "-7d", "4w 2d" as a period before now; the simulator has no notion of "now" in JQL.
      if (/^[-+]?\d+[wdhm]/i.test(value)) throw unsupported(`relative dates ('${value}') with the operator '${operator}'`, token);
      return { kind: 'value', value };
    }
    if (this.isWord(this.peek(), 'empty', 'null')) {
      this.next();
      return { kind: 'empty' };
    }
    return { kind: 'value', value: this.value() };
  }

  private value(): string {
    const token = this.next();
    if (token.type === 'string') return token.text;
    if (token.type === 'word' && !this.isWord(token, 'and', 'or', 'order', 'in', 'is', 'not')) {
      if (this.isPunct(this.peek(), '(')) throw unsupported(`functions ('${token.text}()')`, token);
      return token.text;
    }
    throw new JqlSyntaxError(
      `Error in the JQL Query: Expecting either a value, list or function but got '${this.shown(token)}'. ${posOf(token)}`,
    );
  }

  private orderBy(): JqlOrderBy[] {
    if (!this.isWord(this.peek(), 'order')) return [];
    this.next();
    const by = this.next();
    if (!this.isWord(by, 'by')) throw new JqlSyntaxError(`Error in the JQL Query: Expecting 'by' but got '${this.shown(by)}'. ${posOf(by)}`);
    const items: JqlOrderBy[] = [];
    do {
      if (items.length > 0) this.next();
      const field = this.next();
      if (field.type !== 'word' && field.type !== 'string' && field.type !== 'property') {
        throw new JqlSyntaxError(`Error in the JQL Query: Expecting a field name but got '${this.shown(field)}'. ${posOf(field)}`);
      }
      const item: JqlOrderBy = { field: field.text };
      if (this.isWord(this.peek(), 'asc', 'desc')) item.direction = this.next().text.toLowerCase() as 'asc' | 'desc';
      items.push(item);
    } while (this.isPunct(this.peek(), ','));
    return items;
  }
}

export function parseJql(jql: string): ParseResult {
  try {
    return { ok: true, query: new Parser(tokenize(jql)).parse() };
  } catch (error) {
    if (error instanceof JqlSyntaxError) return { ok: false, error: error.message };
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

function conditionStructure(condition: JqlCondition): Record<string, unknown> {
  if (isAnyOf(condition)) return { operator: 'or', clauses: condition.anyOf.map(conjunctionStructure) };
  const clause = condition;
  return {
    field: {
      name: clause.field.name,
      ...(clause.field.property
        ? { property: [{ entity: 'issue', key: clause.field.property.key, path: clause.field.property.path }] }
        : {}),
    },
    operator: clause.operator,
    operand:
      clause.operand.kind === 'value'
        ? { value: clause.operand.value }
        : clause.operand.kind === 'list'
          ? { values: clause.operand.values.map((value) => ({ value })) }
          : { keyword: 'empty' },
  };
}
