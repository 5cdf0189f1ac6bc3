/**
 * Loads the user's language before a surface first renders: Jira's locale from the host's context, then
 * the dictionaries of its lookup order from this surface's own resource (`locales/<locale>.json`, written
 * by tools/build-static.mjs with only the keys this surface's code uses). English loads nothing. A
 * dictionary that cannot be had leaves the text English: never a blank page.
 */
import { hostLocale } from './bridge';
import { lookupOrder, mergeDictionaries, setDictionary, setUiLocale, type TranslationConfig } from './i18n';
import { normalizeLocale } from './locale-number';

/** Set by the build (esbuild `define`) from manifest.yml `translations` and this surface's dictionaries. */
declare const __PV_TRANSLATIONS__: TranslationConfig;

const config = (): TranslationConfig =>
  typeof __PV_TRANSLATIONS__ === 'undefined' ? { default: 'en-US', fallback: {}, locales: [] } : __PV_TRANSLATIONS__;

async function dictionaryOf(locale: string): Promise<Record<string, string>> {
  try {
    const response = await fetch(`locales/${locale}.json`, { credentials: 'same-origin' });
    if (!response.ok) return {};
    const body: unknown = await response.json();
    if (!body || typeof body !== 'object') return {};
    return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

let loaded: Promise<void> | null = null;

/** Once per page: the user's locale for `Intl`, `<html lang>`, and their dictionary for `t()`. */
export function loadLocale(): Promise<void> {
  loaded ??= (async () => {
    const raw = await hostLocale();
    const tag = normalizeLocale(raw);
    setUiLocale(tag);
    const dictionaries = await Promise.all(lookupOrder(raw, config()).map(dictionaryOf));
    setDictionary(mergeDictionaries(dictionaries));
    document.documentElement.lang = tag;
  })().catch(() => undefined);
  return loaded;
}
