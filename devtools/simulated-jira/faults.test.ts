/** Fault injection, latency and the per-operation call counter. */
import { DEMO_USERS, handleJiraRequest, resetCalls, seedDemoSite, type JiraSite } from '.';
import type { JiraHttpRequest } from '../../src/ports/jira-http.port';

const myself: JiraHttpRequest = { method: 'GET', path: '/rest/api/3/myself', as: 'user' };
const bulk: JiraHttpRequest = { method: 'GET', path: `/rest/api/3/user/bulk?accountId=${DEMO_USERS.admin}`, as: 'user' };
let site: JiraSite;

beforeEach(() => {
  site = seedDemoSite();
});

const call = (request: JiraHttpRequest) => handleJiraRequest(site, request, DEMO_USERS.member);

it('fails the next calls as queued, with Retry-After when given, then recovers', async () => {
  site.faults = { failNext: [{ status: 429, retryAfterSeconds: 2, count: 2 }, { status: 503, count: 1 }] };
  const first = await call(myself);
  expect(first).toEqual({
    status: 429,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'retry-after': '2' },
    body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
  });
  expect((await call(myself)).status).toBe(429);
  const third = await call(myself);
  expect(third.status).toBe(503);
  expect(third.headers['retry-after']).toBeUndefined();
  expect((await call(myself)).status).toBe(200);
  expect(site.faults.failNext).toEqual([]);
});

it('can target one operation', async () => {
  site.faults = { failNext: [{ status: 500, count: 1, operation: 'GET /rest/api/3/user/bulk' }] };
  expect((await call(myself)).status).toBe(200);
  expect((await call(bulk)).status).toBe(500);
  expect((await call(bulk)).status).toBe(200);
});

it('applies to app calls too, before any permission check', async () => {
  site.faults = { failNext: [{ status: 503, count: 1 }] };
  expect((await handleJiraRequest(site, { ...myself, as: 'app' }, null)).status).toBe(503);
});

it('counts calls per operation (failed ones included) until reset', async () => {
  site.faults = { failNext: [{ status: 429, count: 1 }] };
  await call(myself);
  await call(myself);
  await call(bulk);
  await call({ method: 'GET', path: '/rest/api/3/project/PV', as: 'user' });
  await call({ method: 'GET', path: '/rest/api/3/project/MOB', as: 'user' });
  expect(site.calls).toEqual({
    'GET /rest/api/3/myself': 2,
    'GET /rest/api/3/user/bulk': 1,
    'GET /rest/api/3/project/{projectIdOrKey}': 2,
  });
  resetCalls(site);
  expect(site.calls).toEqual({});
});

it('adds latency', async () => {
  jest.useFakeTimers();
  try {
    site.faults = { latencyMs: 250 };
    let done = false;
    const pending = call(myself).then(() => {
      done = true;
    });
    await jest.advanceTimersByTimeAsync(249);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);
  } finally {
    jest.useRealTimers();
  }
});

it('can let some calls through before failing', async () => {
  site.faults = { failNext: [{ status: 503, count: 2, after: 2 }] };
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await call(myself)).status);
  expect(statuses).toEqual([200, 200, 503, 503, 200]);
});

it("can hang a call (status 'hang'): it never answers, and the next one does", async () => {
  site.faults = { failNext: [{ status: 'hang', count: 1, operation: 'GET /rest/api/3/myself' }] };
  const first = await Promise.race([call(myself), new Promise((resolve) => setTimeout(() => resolve('no answer'), 50))]);
  expect(first).toBe('no answer');
  expect((await call(myself)).status).toBe(200);
  expect(site.calls['GET /rest/api/3/myself']).toBe(2);
});
