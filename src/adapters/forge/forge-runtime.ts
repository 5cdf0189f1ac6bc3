/**
 * Forge wiring of the background work: the daily trigger and the job queue's consumer (the ports are in
 * ./forge-deps). `src/index.ts` exports these to the manifest.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { passConsentThrough } from '../../ports';
import { JOB_MAX_RETRIES, runJob, startDailyJobs } from '../../use-cases/background-jobs';
import { forgeJobDeps, forgeQueue } from './forge-deps';

export { QUEUE_KEY, forgeDeps, forgeJobDeps, forgeQueue } from './forge-deps';

export async function dailyTriggerHandler(): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }> {
  await startDailyJobs(forgeQueue);
  return { statusCode: 200, headers: {}, body: "" };
}

/**
 * Runs one event. A failure asks Forge to retry the same event later (with its retry count, which the
 * handlers read to know their last attempt), up to JOB_MAX_RETRIES times.
 */
export async function queueConsumerHandler(event: { body?: unknown; retryContext?: { retryCount?: number } }): Promise<InvocationError | void> {
  const retryCount = event.retryContext?.retryCount ?? 0;
  try {
    await runJob(forgeJobDeps(), event.body, forgeQueue, undefined, { retryCount, maxRetries: JOB_MAX_RETRIES });
  } catch (error) {
    passConsentThrough(error);
    console.error('A background job failed', error);
    if (retryCount >= JOB_MAX_RETRIES) return;
    return new InvocationError({ retryAfter: 30 * 2 ** retryCount, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}
