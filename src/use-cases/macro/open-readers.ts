/**
 * `vision/open-readers` and `vision/set-open-readers`: a project admin chooses whether the Confluence
 * macro shows the published vision to page readers who may not browse the project. Read and written
 * as the admin in the project property the macro reads (as the app): Jira refuses the write to anyone
 * who may not administer the project, whatever this app thinks. Off takes effect on the macro's next
 * load: nothing caches it.
 */
import { fail, ok, type Result } from '../../contract';
import { OPEN_READERS_PROPERTY, readOpenReaders, type OpenReaders } from '../../contract/macro/open-readers';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';

const ADMINS_ONLY = 'Only project admins can choose who sees the published vision in Confluence.';

export async function loadOpenReaders(deps: Deps, caller: Caller): Promise<Result<OpenReaders>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  if (!auth.data.permissions.canAdminister) return fail('FORBIDDEN', ADMINS_ONLY);
  const found = await deps.jira.projectWithProperties(auth.data.project.id, [OPEN_READERS_PROPERTY]);
  if (!found) return fail('NOT_FOUND', 'This project no longer exists.');
  return ok(readOpenReaders(found.properties[OPEN_READERS_PROPERTY]));
}

export async function setOpenReaders(deps: Deps, caller: Caller, input: { enabled: boolean }): Promise<Result<OpenReaders>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  if (!auth.data.permissions.canAdminister) return fail('FORBIDDEN', ADMINS_ONLY);
  const { project, accountId } = auth.data;
  const value: OpenReaders = { enabled: input.enabled, setBy: accountId, setAt: deps.clock.now().toISOString() };
  const outcome = await deps.jira.setProjectProperty(project.id, OPEN_READERS_PROPERTY, value);
  if (outcome === 'forbidden') return fail('FORBIDDEN', ADMINS_ONLY);
  if (outcome === 'not-found') return fail('NOT_FOUND', 'This project no longer exists.');
  if (outcome !== 'ok') return fail('INTERNAL', 'Jira did not take the setting. Nothing was changed; try again.');
  return ok(value);
}
