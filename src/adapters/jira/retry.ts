/**
 * Retry policy for Jira calls. 429 and 503 are retried, waiting as long as Retry-After says or,
 * without it, an exponential backoff with full jitter; other failures are not retried.
 */
import type { JiraHttpResponse } from '../../ports/jira-http.port';
import { JiraError, type RetryListener } from '../../ports/jira.port';
import { passConsentThrough } from '../../ports/platform-errors';

export interface RetryOptions {
  /** Waits `ms`; injected in tests so nothing really waits. */
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1), for the jitter. */
  random?: () => number;
  /** Attempts in all, the first one included. */
  maxAttempts?: number;
  /** Told before each wait, so a long job can show that it is retrying; its failures are ignored. */
  onRetry?: RetryListener;
  /**
   * Epoch ms after which no wait may end: a wait that would outlast it gives up at once, so the
   * retries of one invocation cannot outlive its time limit (25 s for a resolver).
   */
  deadline?: number;
  /** Epoch ms now; injected in tests. */
  now?: () => number;
  /**
   * How long one call may take before it counts as failed (default 10 s), and never past `deadline`:
   * a Jira that hangs ends as UNAVAILABLE instead of outliving the invocation. Not retried.
   */
  timeoutMs?: number;
}

export const RETRY_DEFAULTS = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000, timeoutMs: 10_000 } as const;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  if (!entry) return undefined;
  const value = entry[1].trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: uniform in [0, min(cap, base · 2^(attempt-1))). */
export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(RETRY_DEFAULTS.maxDelayMs, RETRY_DEFAULTS.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

function giveUp(status: number, what: string, attempts: number): JiraError {
  return status === 429
    ? new JiraError('RATE_LIMITED', `Jira is rate limiting ${what} (429 after ${attempts} attempt(s)).`, 429)
    : new JiraError('UNAVAILABLE', `Jira is unavailable for ${what} (${status} after ${attempts} attempt(s)).`, status);
}

/** `send()`, or UNAVAILABLE once `ms` have passed without an answer. */
async function withTimeout(send: () => Promise<JiraHttpResponse>, ms: number, what: string): Promise<JiraHttpResponse> {
  if (ms <= 0) throw new JiraError('UNAVAILABLE', `No time was left to ask Jira for ${what}.`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JiraError('UNAVAILABLE', `Jira did not answer ${what} within ${Math.ceil(ms / 1000)} s.`)), ms);
  });
  try {
    return await Promise.race([send(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends until the answer is not a retryable one, at most `maxAttempts` times. A Retry-After longer
 * than the backoff cap ends the retries at once: waiting that long would outlive a Forge invocation.
 * Returns any non-5xx, non-429 response for the caller to interpret.
 */
export async function sendWithRetry(
  send: () => Promise<JiraHttpResponse>,
  what: string,
  options: RetryOptions = {},
): Promise<JiraHttpResponse> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = Math.max(1, options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts);
  const now = options.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    let response: JiraHttpResponse;
    const limit = Math.min(options.timeoutMs ?? RETRY_DEFAULTS.timeoutMs, options.deadline === undefined ? Infinity : options.deadline - now());
    try {
      response = await withTimeout(send, limit, what);
    } catch (error) {
      passConsentThrough(error);
      if (error instanceof JiraError) throw error;
      throw new JiraError('UNAVAILABLE', `Could not reach Jira for ${what}: ${(error as Error)?.message ?? String(error)}`);
    }
    const { status } = response;
    if (status !== 429 && status !== 503) {
      if (status >= 500) throw new JiraError('UNAVAILABLE', `Jira failed on ${what} (${status}).`, status);
      return response;
    }
    if (attempt >= maxAttempts) throw giveUp(status, what, attempt);
    const hinted = retryAfterMs(response.headers);
    if (hinted !== undefined && hinted > RETRY_DEFAULTS.maxDelayMs) throw giveUp(status, what, attempt);
    const delayMs = hinted ?? backoffMs(attempt, random);
    if (options.deadline !== undefined && now() + delayMs > options.deadline) throw giveUp(status, what, attempt);
    if (options.onRetry) {
      try {
        await options.onRetry({ what, status, attempt, maxAttempts, delayMs });
      } catch (error) {
        console.warn('A retry listener failed', error);
      }
    }
    await sleep(delayMs);
  }
}
