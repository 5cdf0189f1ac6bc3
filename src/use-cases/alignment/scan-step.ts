/**
 * The queue consumer's handler for `alignment-scan` events: performs one step of a pass and pushes
 * the event for the next. A failure leaves the saved progress as it was, so the queue's retry of the
 * same event continues from the saved cursor; the last failed attempt marks the pass failed (no
 * snapshot is written for it). An event from an older pass, or for a step already done, is ignored.
 */
import { JiraError, type BackgroundJob, type Deps, type JobAttempt, type JobQueue, type RetryNotice } from '../../ports';
import { commitStep, parseScanJob, readScan, scanJob, updateStatus, type ScanState } from '../../storage/scans';
import { advanceScan } from './scan-work';

export async function runScanStep(deps: Deps, body: BackgroundJob, queue: JobQueue, attempt: JobAttempt): Promise<void> {
  const job = parseScanJob(body);
  if (!job) {
    console.warn('Dropping a malformed alignment-scan event');
    return;
  }
  const state = await readScan(deps, job.projectId);
  if (!state || state.runId !== job.runId || state.status === 'done' || state.status === 'failed') return;
  // This step was saved by an earlier attempt that may have stopped before pushing the next event.
  if (state.step === job.step + 1) return queue.push([scanJob(state)]);
  if (state.step !== job.step) return;

  const unsubscribe = deps.jiraRetries?.subscribe((notice) =>
    updateStatus(deps, state, { status: 'retrying', message: retryingMessage(notice), updatedAt: deps.clock.now().toISOString() }),
  );
  try {
    const next = await advanceScan(deps, state);
    const saved = await commitStep(deps, next);
    if (saved.outcome !== 'lost' && saved.state.status === 'running') await queue.push([scanJob(saved.state)]);
  } catch (error) {
    const at = deps.clock.now().toISOString();
    if (attempt.retryCount >= attempt.maxRetries) {
      await updateStatus(deps, state, { status: 'failed', message: failedMessage(error, state), updatedAt: at });
      console.error('Alignment scan failed', state.projectKey, error);
      return;
    }
    await updateStatus(deps, state, { status: 'retrying', message: `${reason(error)} Retrying…`, updatedAt: at });
    throw error;
  } finally {
    unsubscribe?.();
  }
}

function retryingMessage(n: RetryNotice): string {
  const busy = n.status === 429 ? 'Jira is rate limiting the scan' : 'Jira is unavailable';
  return `${busy}; trying again in ${Math.max(1, Math.round(n.delayMs / 1000))} s (attempt ${n.attempt + 1} of ${n.maxAttempts}).`;
}

function reason(error: unknown): string {
  if (error instanceof JiraError) {
    if (error.code === 'RATE_LIMITED') return 'Jira kept rate limiting the scan.';
    if (error.code === 'UNAVAILABLE') return 'Jira was unavailable.';
    return 'Jira did not answer as expected.';
  }
  return 'Something went wrong on our side.';
}

function failedMessage(error: unknown, s: ScanState): string {
  const n = (count: number, one: string) => `${count} ${count === 1 ? one : `${one}s`}`;
  const where = s.phase === 'child-issues' ? n(s.tally.openIssues, 'child issue') : `${s.tally.epics} of ${n(s.epicsTotal, 'epic')}`;
  return `${reason(error)} The scan stopped after ${where}; the last complete snapshot is kept. Rescan resumes it.`;
}
