/**
 * Checks requests and responses against Jira's OpenAPI description (the subset in
 * test/fixtures/jira-openapi). A status code the operation does not document counts as drift.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import subset from './fixtures/jira-openapi/jira-subset.json';
import type { JiraHttpRequest, JiraHttpResponse } from '../src/ports/jira-http.port';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
  security?: Array<Record<string, string[]>>;
  'x-atlassian-oauth2-scopes'?: Array<{ scheme: string; scopes: string[]; state: string }>;
}

const spec = subset as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } };
const DOC_ID = 'jira-openapi';

/**
 * Jira's description puts `additionalProperties: false` beside `anyOf` on schemas that declare no
 * properties of their own (e.g. JqlQueryClause). In JSON Schema that rejects every property, so
 * Jira's own answers would fail; the flag is dropped on such schemas only.
 */
function patchedSchemas(): Record<string, Json> {
  const schemas = structuredClone(spec.components.schemas);
  for (const schema of Object.values(schemas)) {
    const composed = 'anyOf' in schema || 'oneOf' in schema || 'allOf' in schema;
    if (schema.additionalProperties === false && !('properties' in schema) && composed) delete schema.additionalProperties;
  }
  return schemas;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: { schemas: patchedSchemas() } });

/** Points local refs at the components document added above. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : rebase(v)]),
    );
  }
  return schema;
}

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: Json): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rebase(schema) as Json);
    compiled.set(key, validate);
  }
  return validate;
}

export interface OperationMatch {
  template: string;
  method: string;
  operation: Operation;
}

/** The documented operation for a request path (with or without query string). */
export function findOperation(method: string, path: string): OperationMatch | undefined {
  const pathname = path.split('?')[0]!;
  const candidates = Object.keys(spec.paths)
    .filter((template) => {
      const want = template.split('/');
      const got = pathname.split('/');
      return want.length === got.length && want.every((s, i) => (s.startsWith('{') ? got[i] !== '' : s === got[i]));
    })
    // Literal segments win: /project/search before /project/{projectIdOrKey}.
    .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  for (const template of candidates) {
    const operation = spec.paths[template]![method.toLowerCase()];
    if (operation) return { template, method: method.toUpperCase(), operation };
  }
  return undefined;
}

const errorsText = (validate: ValidateFunction): string =>
  (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`).join('; ');

/** Problems with a request: unknown operation, undocumented query parameters, body not matching. */
export function requestProblems(request: JiraHttpRequest): string[] {
  const match = findOperation(request.method, request.path);
  if (!match) return [`${request.method} ${request.path.split('?')[0]} is not an operation in the Jira OpenAPI subset`];
  const problems: string[] = [];
  const documented = new Set((match.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  for (const name of new Set(query.keys())) {
    if (!documented.has(name)) problems.push(`query parameter '${name}' is not documented for ${match.method} ${match.template}`);
  }
  for (const p of match.operation.parameters ?? []) {
    if (p.in === 'query' && p.required && !query.has(p.name)) problems.push(`required query parameter '${p.name}' is missing`);
  }
  const schema = match.operation.requestBody?.content?.['application/json']?.schema;
  if (schema && Object.keys(schema).length > 0 && request.body !== undefined) {
    const validate = validator(`${match.method} ${match.template} request`, schema);
    if (!validate(request.body)) problems.push(`request body: ${errorsText(validate)}`);
  }
  return problems;
}

/** Problems with a response to `request`: undocumented status, or a body not matching its schema. */
export function responseProblems(request: Pick<JiraHttpRequest, 'method' | 'path'>, response: JiraHttpResponse): string[] {
  const match = findOperation(request.method, request.path);
  if (!match) return [`${request.method} ${request.path.split('?')[0]} is not an operation in the Jira OpenAPI subset`];
  const documented = match.operation.responses[String(response.status)];
  if (!documented) {
    const known = Object.keys(match.operation.responses).join(', ');
    return [`status ${response.status} is not documented for ${match.method} ${match.template} (documented: ${known})`];
  }
  if (response.status === 204) return response.body === undefined ? [] : ['a 204 response must have no body'];
  const schema = documented.content?.['application/json']?.schema;
  // Many error responses document no body schema: any body is accepted there.
  if (!schema || Object.keys(schema).length === 0) return [];
  const validate = validator(`${match.method} ${match.template} ${response.status}`, schema);
  return validate(response.body) ? [] : [`${response.status} body: ${errorsText(validate)}`];
}

/** Throws, with the details, when the response breaks Jira's documented contract. */
export function expectJiraContract(request: JiraHttpRequest, response: JiraHttpResponse): void {
  const problems = [...requestProblems(request), ...responseProblems(request, response)];
  if (problems.length > 0) {
    throw new Error(
      `${request.method} ${request.path} (as ${request.as}) → ${response.status} breaks the Jira contract:\n  ${problems.join('\n  ')}\n` +
        `body: ${JSON.stringify(response.body)?.slice(0, 800)}`,
    );
  }
}

/** The OAuth scopes each operation needs (classic, "Current" state) and its granular alternative. */
export function operationScopes(): Array<{ operation: string; classic: string[]; granular: string[] }> {
  return Object.entries(spec.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const entries = op['x-atlassian-oauth2-scopes'] ?? [];
      return {
        operation: `${method.toUpperCase()} ${template}`,
        classic: entries.find((e) => e.state === 'Current')?.scopes ?? [],
        granular: entries.find((e) => e.state === 'Beta')?.scopes ?? [],
      };
    }),
  );
}
