/**
 * The Forge JiraHttp through the real @forge/api, over the platform's own boundary (`__forge_fetch__`):
 * what reaches the product proxy, how answers are read, and how the platform's failures come out.
 */
import { runInvocation, type Invocation, type PlatformFetch } from '../../../devtools/forge-platform/invocation';
import { isConsentRequest } from '../../ports';
import { forgeJiraHttp } from './forge-jira-http';

interface Seen {
  target: Record<string, unknown>;
  path: string;
  init?: RequestInit;
}

function platform(answer: (seen: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch: PlatformFetch = async (_invocation, target, path, init) => {
    seen.push({ target, path, init });
    return answer({ target, path, init });
  };
  const as: Invocation = { accountId: 'user-1', product: 'jira' };
  const within = <T>(fn: () => Promise<T>) => runInvocation(fetch, as, 25_000, fn);
  return { seen, within };
}

const respond = (status: number, text: string | null, headers: Record<string, string> = {}) => () => new Response(text, { status, headers });

it('sends as the user to the Jira proxy, with JSON headers and the body serialised', async () => {
  const p = platform(respond(201, null));
  const response = await p.within(() => forgeJiraHttp({ method: 'PUT', path: '/rest/api/3/issue/PV-1/properties/k', body: { a: 1 }, as: 'user' }));
  expect(p.seen).toHaveLength(1);
  expect(p.seen[0]!.target).toMatchObject({ type: 'fpp', provider: 'user', remote: 'jira' });
  expect(p.seen[0]!.path).toBe('/rest/api/3/issue/PV-1/properties/k');
  expect(p.seen[0]!.init).toMatchObject({ method: 'PUT', body: '{"a":1}' });
  expect(response).toEqual({ status: 201, headers: {}, body: undefined });
});

it('sends as the app without a body, and reads JSON and headers', async () => {
  const p = platform(respond(429, '{"errorMessages":["slow down"]}', { 'Retry-After': '2' }));
  const response = await p.within(() => forgeJiraHttp({ method: 'GET', path: '/rest/api/3/myself', as: 'app' }));
  expect(p.seen[0]!.target).toMatchObject({ type: 'fpp', provider: 'app', remote: 'jira' });
  expect(p.seen[0]!.init).not.toHaveProperty('body');
  expect(response).toMatchObject({ status: 429, headers: { 'retry-after': '2' }, body: { errorMessages: ['slow down'] } });
});

it('hands on a body that is not JSON as text', async () => {
  const p = platform(respond(502, '<html>Bad gateway</html>'));
  expect((await p.within(() => forgeJiraHttp({ method: 'GET', path: '/rest/api/3/myself', as: 'user' }))).body).toBe('<html>Bad gateway</html>');
});

it('lets the consent request (NEEDS_AUTHENTICATION_ERR) out untouched, as Forge needs to show "Allow access"', async () => {
  const p = platform(respond(401, '{}', { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' }));
  const error = await p.within(() => forgeJiraHttp({ method: 'GET', path: '/rest/api/3/myself', as: 'user' })).catch((e: unknown) => e);
  expect(isConsentRequest(error)).toBe(true);
  expect(error).toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
});

it('reports any other proxy error as PROXY_ERROR with its reason, not as "not connected"', async () => {
  const p = platform(respond(502, '{}', { 'forge-proxy-error': 'SOME_PROXY_FAILURE' }));
  const error = await p.within(() => forgeJiraHttp({ method: 'GET', path: '/rest/api/3/myself', as: 'user' })).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'JiraError', code: 'PROXY_ERROR', status: 502 });
  expect((error as Error).message).toContain('SOME_PROXY_FAILURE');
});

it('reports the refusal of a Jira call from a Confluence installation without Jira as NOT_CONNECTED', async () => {
  const { RequestProductNotAllowedError } = jest.requireActual('@forge/api');
  const p = platform(() => {
    throw new RequestProductNotAllowedError('jira', 'confluence');
  });
  const error = await p.within(() => forgeJiraHttp({ method: 'GET', path: '/rest/api/3/project/10000', as: 'user' })).catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'JiraError', code: 'NOT_CONNECTED' });
});
