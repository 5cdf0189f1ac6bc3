/** Request parsing and Jira-style responses shared by the endpoint handlers. */
import type { JiraHttpResponse } from '../../src/ports/jira-http.port';
import type { JiraSite } from './site';
import type { Viewer } from './permissions';

export interface SimRequest {
  method: string;
  /** Decoded path parameters, by the name in the route template. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The account the call runs as: the user's, the app's, or null (anonymous). */
  viewer: Viewer;
  site: JiraSite;
}

export type Handler = (req: SimRequest) => JiraHttpResponse;

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };

export function ok(body: unknown, status = 200): JiraHttpResponse {
  return { status, headers: { ...JSON_HEADERS }, body };
}

export function empty(status: number): JiraHttpResponse {
  return { status, headers: {}, body: undefined };
}

/** Jira's ErrorCollection body. */
export function fail(status: number, ...errorMessages: string[]): JiraHttpResponse {
  return { status, headers: { ...JSON_HEADERS }, body: { errorMessages, errors: {} } };
}

export const unauthenticated = (): JiraHttpResponse =>
  fail(401, 'You are not authenticated. Authentication required to perform this operation.');

export const projectNotFound = (idOrKey: string): JiraHttpResponse =>
  fail(404, `No project could be found with ${/^\d+$/.test(idOrKey) ? 'id' : 'key'} '${idOrKey}'.`);

export const issueNotFound = (): JiraHttpResponse =>
  fail(404, 'Issue does not exist or you do not have permission to see it.');

/** A query parameter given as a comma-separated list and/or repeated. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** An integer query parameter: its default when absent, null when it is not a non-negative integer. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

export const today = (site: JiraSite): string => site.now().toISOString().slice(0, 10);
