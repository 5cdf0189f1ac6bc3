/**
 * The platform calls `@forge/events` and `privacy` make through `__requestAtlassianAsApp`
 * (`__forge_fetch__` with `{ type: 'fpp', remote: 'stargate' }`): a queue push, answered 201 and
 * delivered to the app's consumer later, and the personal data report, answered from the accounts the
 * simulated site knows to be closed.
 */
import type { BackgroundJob } from '../../src/ports';

export interface StargateParts {
  /** Takes the pushed event bodies of one push (at most 50, 200 KB: @forge/events checks before sending). */
  deliver(queueName: string, bodies: BackgroundJob[]): Promise<void>;
  /** 'closed' for accounts that no longer exist; anything else is reported as unchanged. */
  accountStatus(accountId: string): 'closed' | 'updated' | null;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export async function answerStargate(parts: StargateParts, path: string, init?: RequestInit): Promise<Response> {
  const body = typeof init?.body === 'string' ? JSON.parse(init.body) : {};
  if (path.startsWith('/webhook/queue/publish/')) {
    const events: Array<{ body: BackgroundJob }> = body.payload ?? [];
    await parts.deliver(String(body.queueName), events.map((e) => e.body));
    return json(201, {});
  }
  if (path === '/app/report-accounts') {
    const accounts: Array<{ accountId: string; updatedAt: string }> = body.accounts ?? [];
    if (accounts.length > 90) return json(400, { message: 'At most 90 accounts a request' });
    const changed = accounts.flatMap((a) => {
      const status = parts.accountStatus(a.accountId);
      return status ? [{ accountId: a.accountId, status }] : [];
    });
    return changed.length ? json(200, { accounts: changed }) : new Response(null, { status: 204 });
  }
  return json(404, { message: `The stand-in has no route ${path}` });
}
