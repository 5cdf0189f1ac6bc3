/** The rules of a form whose save may meet a newer version (CONFLICT); React-free so they can be tested alone. */
import type { AppError } from '../../src/contract/shared/result';
import type { FieldErrors } from './errors';

/** A CONFLICT as the form shows it: the current version, or null when the edit is new or the thing was deleted. */
export interface Conflict<Doc> {
  theirs: Doc | null;
  /** The server said the edited document was deleted meanwhile (NOT_FOUND): the form offers to create it again. */
  gone?: boolean;
}

/** Local messages appear once the user has tried to save; the server's win for the same field. */
export const shownErrors = (local: FieldErrors, server: FieldErrors, submitted: boolean): FieldErrors => ({
  ...(submitted ? local : {}),
  ...server,
});

/**
 * What re-applying sends: with no current version (a new edit, or deleted meanwhile) the edit goes again
 * as a new one; otherwise the user's changes are merged over the current version and saved against it.
 */
export function reapplyOver<D, Doc>(
  draft: D,
  base: Doc | null,
  theirs: Doc | null,
  draftOf: (doc: Doc | null) => D,
  merge: (mine: D, startedFrom: D, theirs: D) => D,
): { against: Doc | null; values: D } {
  if (!theirs) return { against: null, values: draft };
  return { against: theirs, values: merge(draft, draftOf(base), draftOf(theirs)) };
}

/**
 * How a refused save shows: messages next to the fields; a conflict — a NOT_FOUND saying the edited
 * document was deleted meanwhile counts as one with no current version, so the typed values stay and
 * the form offers to create it again; or a banner.
 */
export function failureKind(error: AppError, editing: boolean, isGone?: (e: AppError) => boolean): 'fields' | 'gone' | 'conflict' | 'banner' {
  if (error.code === 'VALIDATION_FAILED') return 'fields';
  if (error.code === 'NOT_FOUND' && editing && isGone?.(error)) return 'gone';
  return error.code === 'CONFLICT' ? 'conflict' : 'banner';
}
