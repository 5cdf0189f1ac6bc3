/** JiraHttp on Forge: `requestJira` as the invoking user or as the app. */
import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraHttp } from '../../ports/jira-http.port';

// The REST client encodes every path and query parameter itself, so the route can be trusted.
export const forgeJiraHttp: JiraHttp = async ({ method, path, body, as }) => {
  const requester = as === 'user' ? api.asUser() : api.asApp();
  const response = await requester.requestJira(assumeTrustedRoute(path), {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text();
  let parsed: unknown;
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (an HTML error page, say): hand the text on; the client treats it as a bad answer.
      parsed = text;
    }
  }
  return { status: response.status, headers, body: parsed };
};
