/**
 * The account ids a stored value names, wherever they sit: in an account field of any object, at any
 * depth (a summary's `publishedBy` is an object with its own `accountId`).
 */
import { isAccountField, isPlaceholder } from './account-fields';

/**
 * Adds to `into` every account id `value` names.
 * @example collectAccountIds({ updatedBy: 'a1', goals: [{ ownerAccountId: 'b2' }] }) // Set { 'a1', 'b2' }
 */
export function collectAccountIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectAccountIds(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [field, v] of Object.entries(value)) {
      if (typeof v === 'string' && isAccountField(field) && !isPlaceholder(v)) into.add(v);
      else collectAccountIds(v, into);
    }
  }
  return into;
}

/** Every distinct account id named by any of the values. */
export const distinctAccountIds = (values: Iterable<unknown>): Set<string> => {
  const ids = new Set<string>();
  for (const v of values) collectAccountIds(v, ids);
  return ids;
};
