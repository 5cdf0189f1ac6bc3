/**
 * Re-applies a user's edit on top of someone else's newer version: every field the user changed
 * (draft differs from what they started from) wins; every other field takes the newer value.
 * @example mergeDraft({ a: 'mine', b: 'x' }, { a: 'old', b: 'x' }, { a: 'old', b: 'theirs' }) // { a: 'mine', b: 'theirs' }
 */
export function mergeDraft<D extends { [K in keyof D]: string }>(draft: D, startedFrom: D, theirs: D): D {
  const merged = { ...theirs };
  for (const k of Object.keys(merged) as Array<keyof D>) if (draft[k] !== startedFrom[k]) merged[k] = draft[k];
  return merged;
}
