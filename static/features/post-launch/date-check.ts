/** The one date rule, checked in the form before sending: the same message the server would give, next to the field. */
import { dateSchema } from '../../../src/contract/shared/dates';
import type { FieldErrors } from '../../shared/errors';

/** Messages for the named date fields that break the rule; `{}` when all are real dates. */
export function dateErrors(fields: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, value] of Object.entries(fields)) {
    const parsed = dateSchema().safeParse(value);
    if (!parsed.success) out[name] = parsed.error.issues[0]?.message ?? 'Not a real date.';
  }
  return out;
}
