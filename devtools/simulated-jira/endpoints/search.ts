/** GET/POST search/jql, POST search/approximate-count, POST jql/parse. */
import type { JiraHttpResponse } from '../../../src/ports/jira-http.port';
import { fail, listParam, ok, today, type Handler, type SimRequest } from '../http';
import { compileJql, runJql, type CompiledJql, type ValidationMode } from '../jql-eval';
import { jqlStructure, parseJql } from '../jql-parser';
import { issueJson } from '../representations';
import { selectFields } from './issues';

const DEFAULT_PAGE = 50;
/** Jira returns up to 5000 issues a page for ids/keys only, fewer when fields are requested. */
const MAX_PAGE_IDS_ONLY = 5000;
const MAX_PAGE_WITH_FIELDS = 100;
const MAX_PROPERTIES = 5;

const SEARCH_BODY_KEYS = ['expand', 'fields', 'fieldsByKeys', 'jql', 'maxResults', 'nextPageToken', 'properties', 'reconcileIssues'];

interface SearchParams {
  jql: string;
  nextPageToken?: string;
  maxResults?: number;
  fields: string[];
  properties: string[];
}

/** Jira rejects request bodies with fields its bean does not know. */
function unknownKeys(body: Record<string, unknown>, allowed: string[]): JiraHttpResponse | undefined {
  const unknown = Object.keys(body).find((k) => !allowed.includes(k));
  return unknown === undefined ? undefined : fail(400, `Unrecognized field "${unknown}".`);
}

function asObject(body: unknown): Record<string, unknown> | null {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}

/** Parses and validates for searching: bounded, no errors. Returns the compiled query or the 400. */
function boundedQuery(req: SimRequest, jql: string): { compiled: CompiledJql } | { response: JiraHttpResponse } {
  const parsed = parseJql(jql);
  if (!parsed.ok) return { response: fail(400, parsed.error) };
  if (parsed.query.where.length === 0) {
    return { response: fail(400, 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.') };
  }
  const compiled = compileJql(req.site, req.viewer, parsed.query);
  if (compiled.errors.length > 0) return { response: fail(400, ...compiled.errors) };
  return { compiled };
}

/** Jira's OpenAPI: "This token will expire in 7 days." */
const TOKEN_LIFETIME_MS = 7 * 24 * 3600 * 1000;

// The token binds the offset to the query it was issued for, and when; base64url keeps it opaque.
function pageToken(jql: string, offset: number, issuedAt: number): string {
  return Buffer.from(JSON.stringify({ o: offset, q: jql, t: issuedAt })).toString('base64url');
}

function readPageToken(token: string, jql: string, now: number): number | null {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown; t?: unknown };
    if (typeof decoded.t !== 'number' || now - decoded.t > TOKEN_LIFETIME_MS) return null;
    return decoded.q === jql && Number.isInteger(decoded.o) && (decoded.o as number) >= 0 ? (decoded.o as number) : null;
  } catch {
    return null;
  }
}

function search(req: SimRequest, params: SearchParams): JiraHttpResponse {
  const bounded = boundedQuery(req, params.jql);
  if ('response' in bounded) return bounded.response;
  if (params.properties.length > MAX_PROPERTIES) return fail(400, `A maximum of ${MAX_PROPERTIES} properties can be requested.`);
  const fields = selectFields(params.fields, 'id');
  const requested = params.maxResults ?? DEFAULT_PAGE;
  if (!Number.isInteger(requested) || requested < 1) return fail(400, "The 'maxResults' parameter must be a positive integer.");
  const pageSize = Math.min(requested, fields.size === 0 && params.properties.length === 0 ? MAX_PAGE_IDS_ONLY : MAX_PAGE_WITH_FIELDS);
  let offset = 0;
  if (params.nextPageToken !== undefined) {
    const read = readPageToken(params.nextPageToken, params.jql, req.site.now().getTime());
    if (read === null) return fail(400, 'The provided next page token is invalid or expired.');
    offset = read;
  }
  const all = runJql(req.site, req.viewer, bounded.compiled);
  const page = all.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= all.length;
  return ok({
    issues: page.map((issue) => issueJson(req.site, issue, { fields, properties: params.properties, today: today(req.site) })),
    ...(isLast ? {} : { nextPageToken: pageToken(params.jql, offset + page.length, req.site.now().getTime()) }),
    isLast,
  });
}

export const searchGet: Handler = (req) => {
  const maxResults = req.query.get('maxResults');
  return search(req, {
    jql: req.query.get('jql') ?? '',
    nextPageToken: req.query.get('nextPageToken') ?? undefined,
    maxResults: maxResults === null ? undefined : /^\d+$/.test(maxResults) ? Number(maxResults) : NaN,
    fields: listParam(req.query, 'fields'),
    properties: listParam(req.query, 'properties'),
  });
};

export const searchPost: Handler = (req) => {
  const body = asObject(req.body);
  if (!body) return fail(400, 'The request body must be a JSON object.');
  const unknown = unknownKeys(body, SEARCH_BODY_KEYS);
  if (unknown) return unknown;
  const list = (v: unknown): string[] | null =>
    v === undefined ? [] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.flatMap((x: string) => x.split(',')).map((x) => x.trim()).filter(Boolean) : null;
  const fields = list(body.fields);
  const properties = list(body.properties);
  if (fields === null || properties === null) return fail(400, "'fields' and 'properties' must be arrays of strings.");
  if (body.jql !== undefined && typeof body.jql !== 'string') return fail(400, "'jql' must be a string.");
  if (body.nextPageToken !== undefined && body.nextPageToken !== null && typeof body.nextPageToken !== 'string') {
    return fail(400, "'nextPageToken' must be a string.");
  }
  if (body.maxResults !== undefined && typeof body.maxResults !== 'number') return fail(400, "'maxResults' must be a number.");
  return search(req, {
    jql: (body.jql as string | undefined) ?? '',
    nextPageToken: (body.nextPageToken as string | null | undefined) ?? undefined,
    maxResults: body.maxResults as number | undefined,
    fields,
    properties,
  });
};

export const approximateCount: Handler = (req) => {
  const body = asObject(req.body);
  if (!body) return fail(400, 'The request body must be a JSON object.');
  const unknown = unknownKeys(body, ['jql']);
  if (unknown) return unknown;
  if (typeof body.jql !== 'string') return fail(400, 'JQL query is required.');
  const bounded = boundedQuery(req, body.jql);
  if ('response' in bounded) return bounded.response;
  return ok({ count: runJql(req.site, req.viewer, bounded.compiled).length });
};

export const parseQueries: Handler = (req) => {
  // Jira documents `validation` as required, defaulting to strict.
  const mode = (req.query.get('validation') ?? 'strict') as ValidationMode;
  if (!['strict', 'warn', 'none'].includes(mode)) return fail(400, `Invalid validation mode '${mode}'.`);
  const body = asObject(req.body);
  const queries = body?.queries;
  if (!Array.isArray(queries) || queries.length === 0 || !queries.every((q) => typeof q === 'string' && q !== '')) {
    return fail(400, "'queries' must be a non-empty list of non-empty strings.");
  }
  return ok({
    queries: (queries as string[]).map((query) => {
      const parsed = parseJql(query);
      if (!parsed.ok) return { query, errors: [parsed.error] };
      const errors = [...new Set(compileJql(req.site, req.viewer, parsed.query, mode).errors)];
      // strict: no structure once validation fails; warn: errors and the structure.
      if (errors.length > 0 && mode === 'strict') return { query, errors };
      return { query, structure: jqlStructure(parsed.query), ...(errors.length > 0 ? { errors } : {}) };
    }),
  });
};
