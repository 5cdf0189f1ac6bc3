/** Defines an iteration of a launch, or changes one. */
import { fail, type FieldIssue, type Result } from '../../contract';
import { POST_LAUNCH_LIMITS, type IterationGone, type LaunchBook, type LaunchChange } from '../../contract/post-launch/post-launch';
import { addIteration, findLaunch, updateIteration, type IterationFields, type LaunchOutcome } from '../../domain/post-launch/launch-book';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { CONFLICT_MESSAGE, commitLaunchBook, readLaunchBook } from '../../storage/launches';
import { afterChange } from './iteration-change';

interface IterationInput {
  name: string;
  start: string;
  end: string;
  versionId: string | null;
}

/** The iteration's fields with its version's name, or the field issue when the version is not the project's. */
async function withVersion(deps: Deps, projectId: string, input: IterationInput): Promise<{ fields: IterationFields } | { issue: FieldIssue }> {
  if (input.versionId === null) return { fields: { ...input, versionName: null } };
  const version = ((await deps.jira.projectVersions(projectId)) ?? []).find((v) => v.id === input.versionId);
  if (!version) return { issue: { path: 'iteration.versionId', message: 'This version is not one of the project’s versions.' } };
  return { fields: { ...input, versionName: version.name.slice(0, POST_LAUNCH_LIMITS.versionName) } };
}

/** Create and edit share one path: admin, fresh base revision, the version checked, then the rule. */
async function saveIteration(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iteration: IterationInput; baseRevision: number },
  apply: (book: LaunchBook, fields: IterationFields, stamp: { by: string; at: string }) => LaunchOutcome,
  editing?: string,
): Promise<Result<LaunchChange>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const book = await readLaunchBook(deps, project.id);
  // Deleted meanwhile (whatever the revision): say so with the book now, so the form can add it again.
  const launch = findLaunch(book, input.launchId);
  if (editing && !launch?.iterations.some((i) => i.id === editing)) {
    const details: IterationGone = { gone: { kind: 'iteration', id: editing, launchExists: !!launch }, current: book };
    return fail('NOT_FOUND', 'This iteration was deleted by someone else.', { details });
  }
  if (book.revision !== input.baseRevision)
    return fail('CONFLICT', CONFLICT_MESSAGE, { details: { current: book } });
  const checked = await withVersion(deps, project.id, input.iteration);
  if ('issue' in checked) return fail('VALIDATION_FAILED', 'Check the iteration.', { fields: [checked.issue] });
  const outcome = apply(book, checked.fields, { by: accountId, at: deps.clock.now().toISOString() });
  return afterChange(deps, project.id, input.launchId, await commitLaunchBook(deps, project.id, book, input.baseRevision, outcome));
}

export const createIteration = (deps: Deps, caller: Caller, input: { launchId: string; iteration: IterationInput; baseRevision: number }) =>
  saveIteration(deps, caller, input, (book, fields, stamp) => addIteration(book, input.launchId, { id: deps.ids.next(), ...fields }, stamp));

export const editIteration = (
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string; iteration: IterationInput; baseRevision: number },
) =>
  saveIteration(deps, caller, input, (book, fields, stamp) => updateIteration(book, input.launchId, input.iterationId, fields, stamp), input.iterationId);
