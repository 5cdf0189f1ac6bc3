/**
 * Forge's product proxy for `requestJira` (`__forge_fetch__` with `{ type: 'fpp', remote: 'jira' }`),
 * answered by the simulated Jira site as the invoking user (`provider: 'user'`) or as the app. It also
 * gives the platform's own answers on demand: a user who has not allowed the app to act for them
 * (`forge-proxy-error: NEEDS_AUTHENTICATION_ERR`, which @forge/api turns into NeedsAuthenticationError),
 * another proxy error, or Jira not connected to an installation that a Confluence module runs in.
 */
import { RequestProductNotAllowedError } from '@forge/api';
import { handleJiraRequest } from '../simulated-jira';
import type { JiraSite } from '../simulated-jira/site';
import type { JiraHttpRequest } from '../../src/ports/jira-http.port';
import type { Invocation } from './invocation';

export interface ProxyConditions {
  /** Accounts that have not yet allowed the app to act for them: their `asUser()` calls need consent. */
  consentPending: Set<string>;
  /** false: Jira is not connected to the installation, so calls from Confluence modules are refused. */
  jiraConnected: boolean;
  /** The next product calls fail with these proxy errors (the `forge-proxy-error` header), one each. */
  proxyErrors: Array<{ reason: string; status: number }>;
}

export interface ProductTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

export async function answerJira(site: JiraSite, conditions: ProxyConditions, invocation: Invocation, target: ProductTarget, path: string, init?: RequestInit): Promise<Response> {
  if (invocation.product === 'confluence' && !(invocation.jiraConnected ?? conditions.jiraConnected)) {
    // What @forge/api names the refusal of a product call from another app's context.
    throw new RequestProductNotAllowedError('jira', 'confluence');
  }
  const asUser = target.provider === 'user';
  const accountId = asUser ? target.accountId ?? invocation.accountId : null;
  if (asUser && accountId && conditions.consentPending.has(accountId)) return proxyError('NEEDS_AUTHENTICATION_ERR', 401);
  const injected = conditions.proxyErrors.shift();
  if (injected) return proxyError(injected.reason, injected.status);
  const method = String(init?.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) return new Response(JSON.stringify({ errorMessages: [`Method ${method} is not allowed`] }), { status: 405 });
  let body: unknown;
  try {
    body = typeof init?.body === 'string' && init.body !== '' ? JSON.parse(init.body) : undefined;
  } catch {
    // Jira's answer to a body that is not JSON: 400 with an ErrorCollection, never a crash.
    return new Response(JSON.stringify({ errorMessages: ['The request body is not valid JSON.'], errors: {} }), { status: 400, headers: { 'content-type': 'application/json;charset=UTF-8' } });
  }
  const request: JiraHttpRequest = { method: method as JiraHttpRequest['method'], path, body, as: asUser ? 'user' : 'app' };
  const answer = await handleJiraRequest(site, request, accountId);
  const text = answer.body === undefined ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return new Response(answer.status === 204 ? null : text, { status: answer.status, headers: answer.headers });
}

function proxyError(reason: string, status: number): Response {
  return new Response(JSON.stringify({ message: reason }), { status, headers: { 'forge-proxy-error': reason, 'content-type': 'application/json' } });
}
