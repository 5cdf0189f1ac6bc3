/** Fault injection: latency and queued failures (`site.faults`), counted in `site.calls` like any call. */
import type { JiraHttpResponse } from '../../src/ports/jira-http.port';
import type { JiraSite } from './site';

const MESSAGES: Record<number, string> = {
  429: 'Rate limit exceeded.',
  500: 'Internal server error.',
  503: 'Service unavailable. Please try again later.',
};

export async function applyLatency(site: JiraSite): Promise<void> {
  const ms = site.faults.latencyMs ?? 0;
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

/** A call that never answers: what `status: 'hang'` does (no timer, so nothing is kept alive). */
export const HANG: Promise<never> = new Promise<never>(() => undefined);

/** Takes the first queued failure that applies to `operation`, if any; `'hang'` for a call that never answers. */
export function takeInjectedFailure(site: JiraSite, operation: string): JiraHttpResponse | 'hang' | undefined {
  const queue = site.faults.failNext ?? [];
  const index = queue.findIndex((f) => f.count > 0 && (f.operation === undefined || f.operation === operation));
  if (index < 0) return undefined;
  const failure = queue[index]!;
  if (failure.after !== undefined && failure.after > 0) {
    failure.after -= 1;
    return undefined;
  }
  failure.count -= 1;
  if (failure.count <= 0) queue.splice(index, 1);
  if (failure.status === 'hang') return 'hang';
  const headers: Record<string, string> = { 'content-type': 'application/json;charset=UTF-8' };
  if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
  return { status: failure.status, headers, body: { errorMessages: [MESSAGES[failure.status]], errors: {} } };
}
