/** The Forge JiraHttp, with @forge/api mocked: what it sends to requestJira and how it reads answers. */
const requestJira = jest.fn();
const asUser = jest.fn(() => ({ requestJira }));
const asApp = jest.fn(() => ({ requestJira }));

jest.mock('@forge/api', () => ({
  __esModule: true,
  default: { asUser: () => asUser(), asApp: () => asApp() },
  assumeTrustedRoute: (path: string) => ({ value: path }),
}));

import { forgeJiraHttp } from './forge-jira-http';

function answer(status: number, text: string, headers: Record<string, string> = {}) {
  return {
    status,
    text: async () => text,
    headers: { forEach: (fn: (value: string, name: string) => void) => Object.entries(headers).forEach(([k, v]) => fn(v, k)) },
  };
}

beforeEach(() => jest.clearAllMocks());

it('sends as the user, with JSON headers and the body serialised', async () => {
  requestJira.mockResolvedValue(answer(201, ''));
  const response = await forgeJiraHttp({ method: 'PUT', path: '/rest/api/3/issue/PV-1/properties/k', body: { a: 1 }, as: 'user' });
  expect(asUser).toHaveBeenCalledTimes(1);
  expect(asApp).not.toHaveBeenCalled();
  expect(requestJira).toHaveBeenCalledWith(
    { value: '/rest/api/3/issue/PV-1/properties/k' },
    { method: 'PUT', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{"a":1}' },
  );
  expect(response).toEqual({ status: 201, headers: {}, body: undefined });
});

it('sends as the app without a body, and reads JSON and headers', async () => {
  requestJira.mockResolvedValue(answer(429, '{"errorMessages":["slow down"]}', { 'Retry-After': '2' }));
  const response = await forgeJiraHttp({ method: 'GET', path: '/rest/api/3/myself', as: 'app' });
  expect(asApp).toHaveBeenCalledTimes(1);
  expect(requestJira.mock.calls[0][1]).not.toHaveProperty('body');
  expect(response).toEqual({ status: 429, headers: { 'retry-after': '2' }, body: { errorMessages: ['slow down'] } });
});

it('hands on a body that is not JSON as text', async () => {
  requestJira.mockResolvedValue(answer(502, '<html>Bad gateway</html>'));
  expect((await forgeJiraHttp({ method: 'GET', path: '/rest/api/3/myself', as: 'user' })).body).toBe('<html>Bad gateway</html>');
});

it("reports Forge's refusal to call Jira (no Jira connected to a Confluence installation) as NOT_CONNECTED", async () => {
  const refusal = Object.assign(new Error('Request jira is not allowed from confluence context.'), { name: 'REQUEST_EGRESS_ALLOWLIST_ERR' });
  requestJira.mockRejectedValueOnce(refusal);
  await expect(forgeJiraHttp({ method: 'GET', path: '/rest/api/3/project/10000', as: 'user' })).rejects.toMatchObject({ name: 'JiraError', code: 'NOT_CONNECTED' });
  const proxy = Object.assign(new Error('Forge platform failed to process runtime HTTP request - 403 - X'), { name: 'PROXY_ERR' });
  requestJira.mockRejectedValueOnce(proxy);
  await expect(forgeJiraHttp({ method: 'GET', path: '/rest/api/3/project/10000', as: 'user' })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  const other = new Error('socket hang up');
  requestJira.mockRejectedValueOnce(other);
  await expect(forgeJiraHttp({ method: 'GET', path: '/rest/api/3/project/10000', as: 'user' })).rejects.toBe(other);
});
