/** Small helpers shared by the REST client's parts: query strings and checks on Jira's JSON. */
import { JiraError } from '../../ports/jira.port';
import type { JiraHttpResponse } from '../../ports/jira-http.port';

export const enc = encodeURIComponent;

/** `[['a', '1'], ['b', 'x y']]` → `a=1&b=x%20y` */
export function query(params: Array<[string, string]>): string {
  return params.map(([name, value]) => `${enc(name)}=${enc(value)}`).join('&');
}

export function badResponse(what: string, detail: string, status?: number): JiraError {
  return new JiraError('BAD_RESPONSE', `Unexpected answer from Jira for ${what}: ${detail}`, status);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Jira's error messages from an ErrorCollection body, joined; '' when there are none. */
export function errorText(body: unknown): string {
  if (!isRecord(body)) return '';
  const messages = Array.isArray(body.errorMessages) ? body.errorMessages.filter((m) => typeof m === 'string') : [];
  const fields = isRecord(body.errors) ? Object.values(body.errors).filter((m) => typeof m === 'string') : [];
  return [...messages, ...fields].join(' ');
}

/** The error for an answer the caller did not expect: 401 means nobody is signed in. */
export function unexpected(what: string, response: JiraHttpResponse): JiraError {
  if (response.status === 401)
    return new JiraError('UNAUTHENTICATED', `Jira did not accept the caller's credentials for ${what}.`, 401);
  const said = errorText(response.body);
  return badResponse(what, `status ${response.status}${said ? ` (${said})` : ''}`, response.status);
}
