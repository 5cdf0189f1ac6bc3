/**
 * The weekly scheduled trigger of the personal data sweep. The sweep runs in the background job
 * queue's consumer, whose ports must include the reporter (`forgePersonalDataReporter`).
 */
import { startPrivacySweep } from '../../use-cases/background-jobs';
import { forgeQueue } from './forge-runtime';

export async function privacyTriggerHandler(): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }> {
  await startPrivacySweep(forgeQueue);
  return { statusCode: 200, headers: {}, body: '' };
}
