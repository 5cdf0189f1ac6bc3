/**
 * What every bounded document write shares: a domain rule's refusal as a typed answer, the
 * one-value size check (Forge KVS: 240 KiB), and how long revision snapshots are kept.
 */
import { fail, type FieldIssue, type Result } from '../contract/shared/result';
import { KVS_LIMITS } from '../ports';

/** Revision snapshots exist for conflict recovery; a month is plenty. */
export const SNAPSHOT_TTL_SECONDS = 30 * 24 * 3600;

export type RefusedRule =
  | { kind: 'invalid'; message: string; fields: FieldIssue[] }
  | { kind: 'not-found'; message: string }
  | { kind: 'limit'; message: string }
  | { kind: 'needs-confirmation'; message: string; details: unknown };

/** @example violationResult({ kind: 'not-found', message: 'No such goal.' }) // fail('NOT_FOUND', 'No such goal.') */
export function violationResult<T>(v: RefusedRule): Result<T> {
  switch (v.kind) {
    case 'invalid':
      return fail('VALIDATION_FAILED', v.message, { fields: v.fields });
    case 'not-found':
      return fail('NOT_FOUND', v.message);
    case 'limit':
      return fail('LIMIT_REACHED', v.message);
    case 'needs-confirmation':
      return fail('CONFIRMATION_REQUIRED', v.message, { details: v.details });
  }
}

/** Whether a value fits in one storage value, measured as Forge does (UTF-8 bytes of its JSON). */
export const fitsInOneValue = (value: unknown): boolean =>
  new TextEncoder().encode(JSON.stringify(value)).length <= KVS_LIMITS.maxValueBytes;
