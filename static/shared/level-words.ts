/**
 * The project's name for its epic level ("Epic", "Feature") and counts of things, in running UI text.
 * English writes the level in lower case with an English plural ("3 features", src/domain/shared/words);
 * other languages keep the name as Jira gives it (German capitalises nouns: "3 Epics", "die Features").
 */
import * as english from '../../src/domain/shared/words';
import { formatNumber } from './format';
import { uiLocale } from './i18n';

const inEnglish = () => uiLocale().toLowerCase().startsWith('en');
const named = (name: string | null | undefined) => (name ?? '').trim() || 'Epic';

/** The level's name in running text. @example levelWord('Epic') // 'epic' (en), 'Epic' (de) */
export const levelWord = (name: string | null | undefined): string => (inEnglish() ? english.levelWord(name) : named(name));

/** Its plural in running text. @example levelPlural('Epic') // 'epics' (en), 'Epics' (de) */
export const levelPlural = (name: string | null | undefined): string => (inEnglish() ? english.levelPlural(name) : english.pluralOf(named(name)));

/** The plural of a type name as given ("Feature" → "Features"). */
export const pluralOf = english.pluralOf;

/** A count with a noun, the number in the reader's locale. @example plural(2, 'epic') // '2 epics' */
export const plural = (n: number, one: string, many = pluralOf(one)): string => `${formatNumber(n)} ${n === 1 ? one : many}`;
