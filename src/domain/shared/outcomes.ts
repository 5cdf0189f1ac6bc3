/**
 * What every domain rule shares: who did a change and when, and the ways a rule refuses one. A use case
 * turns a violation into a typed answer (src/storage/document-rules.ts).
 */
import type { FieldIssue } from '../../contract/shared/result';

/** Who made a change, and when (ISO time). */
export interface Stamp {
  by: string;
  at: string;
}

/** A refused change: bad input, something missing, a limit reached, or a change that needs confirming (with its details). */
export type RuleViolation<Details = unknown> =
  | { kind: 'invalid'; message: string; fields: FieldIssue[] }
  | { kind: 'not-found'; message: string }
  | { kind: 'limit'; message: string }
  | ({ kind: 'needs-confirmation'; message: string } & Details);
