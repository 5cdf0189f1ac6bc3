/** The retry policy, with an injected sleep that records delays instead of waiting. */
import type { JiraHttpResponse } from '../../ports/jira-http.port';
import { JiraError } from '../../ports/jira.port';
import { backoffMs, retryAfterMs, sendWithRetry } from './retry';

const reply = (status: number, headers: Record<string, string> = {}): JiraHttpResponse => ({ status, headers, body: {} });

/** A sender answering the given responses in turn, counting attempts. */
function scripted(...responses: JiraHttpResponse[]) {
  const sent = { count: 0 };
  const send = async () => responses[Math.min(sent.count++, responses.length - 1)]!;
  return { send, sent };
}

function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

it('retries a 429 after the Retry-After delay', async () => {
  const { send, sent } = scripted(reply(429, { 'Retry-After': '3' }), reply(200));
  const { delays, sleep } = recorder();
  expect((await sendWithRetry(send, 'x', { sleep })).status).toBe(200);
  expect(sent.count).toBe(2);
  expect(delays).toEqual([3000]);
});

it('retries a 503 with exponential backoff and full jitter when there is no Retry-After', async () => {
  const { send } = scripted(reply(503), reply(503), reply(503), reply(200));
  const { delays, sleep } = recorder();
  expect((await sendWithRetry(send, 'x', { sleep, random: () => 0.5 })).status).toBe(200);
  expect(delays).toEqual([250, 500, 1000]);
  const top = recorder();
  await sendWithRetry(scripted(reply(503), reply(503), reply(200)).send, 'x', { sleep: top.sleep, random: () => 0.999 });
  expect(top.delays).toEqual([499, 999]);
});

it('caps the backoff at 10 s', () => {
  expect(backoffMs(1, () => 0.999999)).toBe(499);
  expect(backoffMs(6, () => 0.999999)).toBe(9999);
  expect(backoffMs(12, () => 0.999999)).toBe(9999);
  expect(backoffMs(3, () => 0)).toBe(0);
});

it('gives up after 4 attempts with RATE_LIMITED or UNAVAILABLE', async () => {
  const limited = scripted(reply(429, { 'retry-after': '1' }));
  const { delays, sleep } = recorder();
  const error = await sendWithRetry(limited.send, 'the users', { sleep }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(JiraError);
  expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  expect((error as Error).message).toContain('the users');
  expect(limited.sent.count).toBe(4);
  expect(delays).toEqual([1000, 1000, 1000]);

  const down = scripted(reply(503));
  await expect(sendWithRetry(down.send, 'x', { sleep, random: () => 0 })).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
  expect(down.sent.count).toBe(4);
});

it('honours maxAttempts', async () => {
  const { send, sent } = scripted(reply(503));
  await expect(sendWithRetry(send, 'x', { sleep: async () => {}, maxAttempts: 2 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  expect(sent.count).toBe(2);
});

it('stops at once when Retry-After asks for longer than the cap', async () => {
  const { send, sent } = scripted(reply(429, { 'retry-after': '60' }));
  const { delays, sleep } = recorder();
  await expect(sendWithRetry(send, 'x', { sleep })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  expect(sent.count).toBe(1);
  expect(delays).toEqual([]);
});

it.each([400, 401, 403, 404, 409])('does not retry a %i; the caller interprets it', async (status) => {
  const { send, sent } = scripted(reply(status), reply(200));
  const { delays, sleep } = recorder();
  expect((await sendWithRetry(send, 'x', { sleep })).status).toBe(status);
  expect(sent.count).toBe(1);
  expect(delays).toEqual([]);
});

it.each([500, 502, 504])('turns a %i into UNAVAILABLE without retrying', async (status) => {
  const { send, sent } = scripted(reply(status), reply(200));
  await expect(sendWithRetry(send, 'x', { sleep: async () => {} })).rejects.toMatchObject({ code: 'UNAVAILABLE', status });
  expect(sent.count).toBe(1);
});

it('turns a transport failure into UNAVAILABLE', async () => {
  const send = async (): Promise<JiraHttpResponse> => {
    throw new TypeError('fetch failed');
  };
  await expect(sendWithRetry(send, 'x')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('fetch failed') });
});

describe('retryAfterMs', () => {
  it('reads seconds or an HTTP date, case-insensitively', () => {
    expect(retryAfterMs({ 'retry-after': '2' })).toBe(2000);
    expect(retryAfterMs({ 'Retry-After': '0.5' })).toBe(500);
    const now = Date.parse('2025-11-01T12:00:00Z');
    expect(retryAfterMs({ 'retry-after': 'Sat, 01 Nov 2025 12:00:04 GMT' }, now)).toBe(4000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterMs({})).toBeUndefined();
  });
});

describe('onRetry', () => {
  it('tells the listener before each wait: what, status, attempt and delay', async () => {
    const { send } = scripted(reply(429, { 'Retry-After': '2' }), reply(503), reply(200));
    const { sleep } = recorder();
    const notices: unknown[] = [];
    await sendWithRetry(send, 'the epics', { sleep, random: () => 0.5, onRetry: (n) => void notices.push(n) });
    expect(notices).toEqual([
      { what: 'the epics', status: 429, attempt: 1, maxAttempts: 4, delayMs: 2000 },
      { what: 'the epics', status: 503, attempt: 2, maxAttempts: 4, delayMs: 500 },
    ]);
  });

  it('is not told when the retries are over, and a failing listener does not stop the retries', async () => {
    const { send, sent } = scripted(reply(429), reply(429), reply(429), reply(429), reply(429));
    const { sleep } = recorder();
    let told = 0;
    const listener = async () => {
      told += 1;
      throw new Error('store down');
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(sendWithRetry(send, 'x', { sleep, onRetry: listener })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    warn.mockRestore();
    expect(sent.count).toBe(4);
    expect(told).toBe(3);
  });
});

it('gives up at once when a wait would outlast the deadline', async () => {
  const { send, sent } = scripted(reply(429, { 'Retry-After': '1' }), reply(429, { 'Retry-After': '5' }), reply(200));
  const { delays, sleep } = recorder();
  let now = 1_000;
  const error = await sendWithRetry(send, 'x', { sleep: async (ms) => { now += ms; await sleep(ms); }, now: () => now, deadline: 5_000 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(JiraError);
  expect(error).toMatchObject({ code: 'RATE_LIMITED' });
  expect(sent.count).toBe(2);
  expect(delays).toEqual([1000]);
});

describe('a Jira that does not answer', () => {
  const never = () => new Promise<JiraHttpResponse>(() => undefined);

  it('fails the call as UNAVAILABLE after the time limit, once (a hung call is not retried)', async () => {
    let sent = 0;
    const started = Date.now();
    const error = await sendWithRetry(() => (sent++, never()), 'the users', { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'JiraError', code: 'UNAVAILABLE', message: expect.stringContaining('did not answer the users') });
    expect(sent).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('never waits past the deadline, whatever the time limit', async () => {
    const now = Date.now();
    const error = await sendWithRetry(never, 'x', { timeoutMs: 60_000, deadline: now + 40 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(Date.now() - now).toBeLessThan(1_000);
    const late = await sendWithRetry(never, 'x', { deadline: now - 1 }).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('No time was left') });
  });

  it('answers normally when the answer comes in time', async () => {
    const { send } = scripted(reply(200));
    expect((await sendWithRetry(send, 'x', { timeoutMs: 1_000 })).status).toBe(200);
  });
});
