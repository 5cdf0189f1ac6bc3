/** JiraHttp backed by the simulated Jira site: what the local preview and the tests run against. */
import type { JiraHttp } from '../../src/ports/jira-http.port';
import { handleJiraRequest, type JiraSite } from '../simulated-jira';

/** Calls as `accountId` (null: no signed-in user); `as: 'app'` calls run as the app, as on Forge. */
export function localJiraHttp(site: JiraSite, accountId: string | null): JiraHttp {
  return (request) => handleJiraRequest(site, request, accountId);
}
