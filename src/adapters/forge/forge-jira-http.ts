/** JiraHttp on Forge: `requestJira` as the invoking user or as the app. */
import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraHttp } from '../../ports/jira-http.port';
import { JiraError } from '../../ports/jira.port';

/**
 * Forge's own refusals of a product call (its `NotAllowedError` family, named
 * `REQUEST_EGRESS_ALLOWLIST_ERR`, and `ProxyRequestError`, `PROXY_ERR`): what a Confluence resolver gets
 * when it calls Jira before a site admin has connected Jira to the installation.
 */
function notConnected(error: unknown): JiraError | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  if (name !== 'REQUEST_EGRESS_ALLOWLIST_ERR' && name !== 'PROXY_ERR') return undefined;
  return new JiraError('NOT_CONNECTED', `Forge did not let the app call Jira: ${(error as Error).message}`);
}

// The REST client encodes every path and query parameter itself, so the route can be trusted.
export const forgeJiraHttp: JiraHttp = async ({ method, path, body, as }) => {
  const requester = as === 'user' ? api.asUser() : api.asApp();
  let response: Awaited<ReturnType<typeof requester.requestJira>>;
  try {
    response = await requester.requestJira(assumeTrustedRoute(path), {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw notConnected(error) ?? error;
  }
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
