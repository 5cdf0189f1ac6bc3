/** The background work on Forge: the scheduled triggers (they only queue work) and the queue's consumer. */
import { forgeQueue, retryLater } from '../adapters/forge/forge-queue';
import { passConsentThrough } from '../ports';
import { JOB_MAX_RETRIES, runJob, startDailyJobs, startPrivacySweep } from '../use-cases/shared/background-jobs';
import { forgeJobDeps } from './forge-deps';

/** Scheduled triggers run without a user, and what they return is ignored; this shape satisfies both readings of Forge's docs. */
type TriggerAnswer = { statusCode: number; headers: Record<string, string[]>; body: string };
const done: TriggerAnswer = { statusCode: 200, headers: {}, body: '' };

export async function dailyTriggerHandler(): Promise<TriggerAnswer> {
  await startDailyJobs(forgeQueue);
  return done;
}

/** The weekly personal data sweep (Atlassian's user privacy guidelines); the consumer does the work. */
export async function privacyTriggerHandler(): Promise<TriggerAnswer> {
  await startPrivacySweep(forgeQueue);
  return done;
}

/**
 * Runs one event. A failure asks Forge to retry the same event later (with its retry count, which the
 * handlers read to know their last attempt), up to JOB_MAX_RETRIES times. Forge's consent request is
 * never swallowed.
 */
export async function queueConsumerHandler(event: { body?: unknown; retryContext?: { retryCount?: number } }): Promise<unknown> {
  const retryCount = event.retryContext?.retryCount ?? 0;
  try {
    await runJob(forgeJobDeps(), event.body, forgeQueue, undefined, { retryCount, maxRetries: JOB_MAX_RETRIES });
  } catch (error) {
    passConsentThrough(error);
    console.error('A background job failed', error);
    if (retryCount >= JOB_MAX_RETRIES) return undefined;
    return retryLater(retryCount);
  }
  return undefined;
}
