/**
 * Erases closed accounts from a stored value, keeping its shape: an owner becomes null, who did something
 * becomes the former-user marker, and any other text that mentions a closed id (a note, a chunk of an
 * uploaded export file, a key of a map) has the id replaced by the marker. Pure: answers a new value.
 */
import { FORMER_USER_ACCOUNT_ID } from '../../contract/privacy/privacy';
import { OWNER_FIELDS } from './account-fields';

export interface Anonymised<T> {
  value: T;
  /** false: the value named none of the closed accounts (and `value` is the one given). */
  changed: boolean;
}

const mentions = (s: string, closed: ReadonlySet<string>): boolean => [...closed].some((id) => s.includes(id));

const replaced = (s: string, closed: ReadonlySet<string>): string => {
  let out = s;
  for (const id of closed) out = out.split(id).join(FORMER_USER_ACCOUNT_ID);
  return out;
};

function walk(value: unknown, closed: ReadonlySet<string>, field: string | null): unknown {
  if (typeof value === 'string') {
    if (!mentions(value, closed)) return value;
    return field !== null && OWNER_FIELDS.has(field) && closed.has(value) ? null : replaced(value, closed);
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, closed, null));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [mentions(k, closed) ? replaced(k, closed) : k, walk(v, closed, k)]));
  return value;
}

/** Whether the value mentions any of the closed accounts anywhere (fields, keys or text). */
export const mentionsAny = (value: unknown, closed: ReadonlySet<string>): boolean =>
  closed.size > 0 && value !== undefined && mentions(JSON.stringify(value), closed);

/**
 * @example anonymise({ ownerAccountId: 'x', updatedBy: 'x' }, new Set(['x'])).value // { ownerAccountId: null, updatedBy: 'former-user' }
 */
export function anonymise<T>(value: T, closed: ReadonlySet<string>): Anonymised<T> {
  if (!mentionsAny(value, closed)) return { value, changed: false };
  return { value: walk(value, closed, null) as T, changed: true };
}
