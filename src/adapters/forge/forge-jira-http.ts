/** JiraHttp on Forge: `requestJira` as the invoking user or as the app. */
import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraHttp } from '../../ports/jira-http.port';
import { JiraError } from '../../ports/jira.port';

/**
 * Forge's own failures of a product call, as @forge/api throws them:
 * - `RequestProductNotAllowedError` ("Request jira is not allowed from confluence context", of the
 *   `NotAllowedError` family named `REQUEST_EGRESS_ALLOWLIST_ERR`): a Confluence module calling a Jira
 *   that is not connected to the installation: NOT_CONNECTED.
 * - `ProxyRequestError` (`PROXY_ERR`, with the proxy's `forge-proxy-error` reason as `errorCode`): PROXY_ERROR.
 * - `NeedsAuthenticationError` is not mapped: it must leave the function (see ports/platform-errors).
 */
function platformFailure(error: unknown): JiraError | undefined {
  const e = error as { name?: unknown; message?: unknown; errorCode?: unknown; status?: unknown } | null;
  if (e?.name === 'REQUEST_EGRESS_ALLOWLIST_ERR') {
    if (/^Request jira is not allowed from \S+ context/i.test(String(e.message)))
      return new JiraError('NOT_CONNECTED', `Forge did not let the app call Jira: ${String(e.message)}`);
    return new JiraError('PROXY_ERROR', `Forge refused the call to Jira: ${String(e.message)}`);
  }
  if (e?.name === 'PROXY_ERR') {
    const status = typeof e.status === 'number' ? e.status : undefined;
    return new JiraError('PROXY_ERROR', `Forge could not pass the call on to Jira (${String(e.errorCode ?? status ?? 'no reason given')}).`, status);
  }
  return undefined;
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
    throw platformFailure(error) ?? error;
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
