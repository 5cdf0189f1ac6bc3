/**
 * Starts a full pass of one project (the daily snapshot, or an admin's rescan), or resumes one that
 * stopped. A pass already moving is left alone. Answers the job to push; the caller pushes it (the
 * daily trigger pushes many at once).
 */
import { emptyTally } from '../../domain/alignment/alignment-tally';
import { utcDate } from '../../domain/alignment/alignment-trend';
import type { Deps } from '../../ports';
import { dropAlignedChunks } from '../../storage/scan-results';
import { isActive, readScan, scanJob, SCAN_RESUMABLE_MS, writeScan, type ScanJob, type ScanState } from '../../storage/scans';
import type { StorageDeps } from '../../storage/storage-deps';

export type ScanStart =
  | { started: true; resumed: boolean; state: ScanState; job: ScanJob }
  | { started: false; state: ScanState };

export async function startScan(
  deps: StorageDeps & Pick<Deps, 'clock' | 'ids'>,
  project: { id: string; key: string },
  reason: ScanState['reason'],
): Promise<ScanStart> {
  const current = await readScan(deps, project.id);
  const now = deps.clock.now();
  if (current && isActive(current, now)) return { started: false, state: current };

  // A rescan picks up a pass that failed or stalled recently; the daily pass always starts afresh.
  const resumable =
    reason === 'rescan' && current && current.status !== 'done' && now.getTime() - Date.parse(current.startedAt) < SCAN_RESUMABLE_MS;
  const state: ScanState = resumable
    ? { ...current, status: 'running', message: null, updatedAt: now.toISOString() }
    : freshState(deps.ids.next(), project, reason, now);
  await writeScan(deps, project.id, state);
  // A pass given up on leaves its chunks of aligned ids behind; they would only take room.
  if (current && !resumable && current.alignedChunks.length) await dropAlignedChunks(deps, current);
  return { started: true, resumed: !!resumable, state, job: scanJob(state) };
}

export function freshState(runId: string, project: { id: string; key: string }, reason: ScanState['reason'], now: Date): ScanState {
  return {
    runId,
    projectId: project.id,
    projectKey: project.key,
    reason,
    step: 0,
    status: 'running',
    phase: 'counting',
    cursor: null,
    date: utcDate(now),
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    message: null,
    jql: null,
    goals: [],
    epicsTotal: 0,
    childIssuesTotal: 0,
    tally: emptyTally(),
    alignedChunks: [],
    restarts: 0,
  };
}
