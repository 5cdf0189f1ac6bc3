/** `alignment/rescan`: a project admin starts a full pass now (or resumes one that stopped). */
import { fail, ok, type Result, type ScanProgress } from '../../contract';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { registerProject } from './register-project';
import { toProgress, writeScan } from '../../storage/scans';
import { startScan } from './start-scan';

export async function rescan(deps: Deps, caller: Caller): Promise<Result<ScanProgress>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  if (!permissions.canAdminister) return fail('FORBIDDEN', 'Only project admins can start a rescan.');
  const start = await startScan(deps, project, 'rescan');
  const now = deps.clock.now();
  if (!start.started) {
    const progress = toProgress(start.state, now);
    const done = progress.epicsTotal ? ` (${Math.floor((100 * progress.epicsSeen) / progress.epicsTotal)}% of the epics read)` : '';
    return fail('CONFLICT', `A scan of ${project.key} is already running${done}; its result will show here when it finishes.`, {
      details: { scan: progress },
    });
  }
  try {
    await deps.queue.push([start.job]);
  } catch (error) {
    // Without its event the pass would look busy until it goes stale; say it failed instead.
    await writeScan(deps, project.id, { ...start.state, status: 'failed', message: 'The scan could not be queued; try again.' });
    throw error;
  }
  await registerProject(deps, project);
  return ok(toProgress(start.state, now));
}
