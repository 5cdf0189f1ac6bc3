/** The background job queue on Forge (`@forge/events`), and the answer that asks Forge to retry an event. */
import type { JobQueue } from '../../ports';

export const QUEUE_KEY = 'background-jobs';

export const forgeQueue: JobQueue = {
  async push(jobs) {
    // Loaded on the first push: most resolver calls never queue anything.
    const { Queue } = await import('@forge/events');
    const queue = new Queue({ key: QUEUE_KEY });
    // A push takes at most 50 events.
    for (let i = 0; i < jobs.length; i += 50) await queue.push(jobs.slice(i, i + 50).map((body) => ({ body })));
  },
};

/** What a consumer returns to have Forge deliver the same event again, later each time. */
export async function retryLater(retryCount: number): Promise<unknown> {
  const { InvocationError, InvocationErrorCode } = await import('@forge/events');
  return new InvocationError({ retryAfter: 30 * 2 ** retryCount, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
}
