/**
 * Background jobs have no user: a queue event or scheduled trigger runs without one, so their Jira
 * calls go as the app. The results they compute are shown only to users who may browse the project.
 */
import type { JiraHttp } from '../../ports/jira-http.port';

export const asApp = (http: JiraHttp): JiraHttp => (request) => http({ ...request, as: 'app' });
