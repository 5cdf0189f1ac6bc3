/** The simulated site's front door: one Jira REST call in, Jira's answer out. */
import type { JiraHttpRequest, JiraHttpResponse } from '../../src/ports/jira-http.port';
import { applyLatency, HANG, takeInjectedFailure } from './faults';
import { fail, unauthenticated } from './http';
import { operationKey, routesFor } from './routes';
import type { JiraSite } from './site';

/**
 * Answers `req` as Jira Cloud would. `as: 'user'` runs as `accountId` (null: no user, so 401 where
 * the operation documents it, otherwise Jira's anonymous answer); `as: 'app'` runs as the app's
 * account, which holds every permission.
 */
export async function handleJiraRequest(site: JiraSite, req: JiraHttpRequest, accountId: string | null): Promise<JiraHttpResponse> {
  const url = new URL(req.path, 'http://simulated.invalid');
  const matches = routesFor(url.pathname);
  const match = matches.find((m) => m.route.method === req.method);
  const operation = match ? operationKey(match.route) : `${req.method} ${url.pathname}`;
  site.calls[operation] = (site.calls[operation] ?? 0) + 1;

  await applyLatency(site);
  const injected = takeInjectedFailure(site, operation);
  if (injected === 'hang') return HANG;
  if (injected) return injected;

  if (!match) {
    return matches.length > 0
      ? fail(405, `Method ${req.method} is not allowed for ${url.pathname}.`)
      : fail(404, `The simulated Jira does not implement ${req.method} ${url.pathname}.`);
  }
  const caller = req.as === 'app' ? site.appAccountId : accountId;
  // Unknown or deactivated accounts cannot sign in: where 401 is documented they get it, elsewhere
  // the call runs anonymously.
  const viewer = caller !== null && site.users.get(caller)?.active === true ? caller : null;
  if (viewer === null && match.route.noAccount === 'reject') return unauthenticated();

  // Callers must not be able to mutate site state through the objects they passed or got back.
  const body = req.body === undefined ? undefined : structuredClone(req.body);
  const response = match.route.handler({ method: req.method, params: match.params, query: url.searchParams, body, viewer, site });
  return { ...response, body: response.body === undefined ? undefined : structuredClone(response.body) };
}
