/**
 * Words shared by the server and every surface: plurals, and the project's own name for its epic level
 * ("Feature" in a team-managed project that renamed it), in running text.
 */

/**
 * "1 epic", "2 epics"; the count with the right form.
 * @example plural(1, 'issue') // '1 issue'
 * @example plural(3, 'story', 'stories') // '3 stories'
 */
export const plural = (n: number, one: string, many = pluralOf(one)): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The plural of an English noun, for issue type names: "Feature" → "Features", "Story" → "Stories".
 * @example pluralOf('Capability') // 'Capabilities'
 */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}${word.endsWith('Y') ? 'IES' : 'ies'}`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * The epic level's name in running text: lower case unless it is an acronym; "epic" when unknown.
 * @example levelWord('Feature') // 'feature'
 * @example levelWord('MVP') // 'MVP'
 */
export function levelWord(name: string | null | undefined): string {
  const n = (name ?? '').trim() || 'Epic';
  return /^[A-Z][a-z]/.test(n) ? n[0]!.toLowerCase() + n.slice(1) : n;
}

/**
 * The plural in running text.
 * @example levelPlural('Feature') // 'features'
 */
export const levelPlural = (name: string | null | undefined): string => pluralOf(levelWord(name));
