/**
 * One HTTP call to the site's Jira REST API. The Forge adapter sends it with `requestJira`,
 * the local adapter with the simulated Jira site; the REST client above it is shared.
 */
export interface JiraHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with its query string, each parameter already encoded, e.g. `/rest/api/3/myself`. */
  path: string;
  body?: unknown;
  /** `user`: as the invoking user (Jira checks permissions); `app`: as the app. */
  as: 'user' | 'app';
}

export interface JiraHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

export type JiraHttp = (request: JiraHttpRequest) => Promise<JiraHttpResponse>;
