/**
 * UI text. The English text is the key: `t('Saved by {name}', { name })`. A locale other than English
 * looks the key up in its dictionary (static/locales/<locale>/*.json, merged; the build ships each surface
 * only the keys its code uses); a key it lacks falls back to English, as Forge's translations do.
 *
 * Call `t()` when rendering, never at module load: the dictionary arrives after the modules ran
 * (static/shared/i18n-load.ts, before the first render).
 */
export type TextValues = Readonly<Record<string, string | number>>;

let dictionary: Readonly<Record<string, string>> = {};
let locale = 'en-US';

/** Installs the dictionary of the user's locale (empty for English). */
export function setDictionary(next: Readonly<Record<string, string>>): void {
  dictionary = next;
}

/** `text` in the user's language, with each `{name}` replaced by `values[name]`. */
export function t(text: string, values?: TextValues): string {
  const template = dictionary[text] ?? text;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Sets the BCP 47 tag (`de-DE`) that dates and numbers are formatted in. */
export function setUiLocale(tag: string): void {
  locale = tag;
}

/** The user's locale as a BCP 47 tag for `Intl` (`de-DE`); `en-US` until the host said otherwise. */
export const uiLocale = (): string => locale;

/** What the manifest's `translations.fallback` says, and which locales have a dictionary. */
export interface TranslationConfig {
  /** `fallback.default`: the language of the keys themselves (no dictionary). */
  readonly default: string;
  /** `fallback.<locale>`: the locales tried, in order, before the default. */
  readonly fallback: Readonly<Record<string, readonly string[]>>;
  /** Locales with a dictionary (for this surface). */
  readonly locales: readonly string[];
}

export { forgeLocale } from '../../src/contract/shared/ui-locale';
import { forgeLocale } from '../../src/contract/shared/ui-locale';

/**
 * The locales whose dictionaries are consulted, first match wins — Forge's lookup order: the locale,
 * its `fallback` list, then the default; only those that have a dictionary, and not the default (its
 * text is the key). @example lookupOrder('de-AT', cfg) // ['de-DE'] with cfg.locales ['de-DE']
 */
export function lookupOrder(raw: string | null | undefined, config: TranslationConfig): string[] {
  const code = forgeLocale(raw);
  if (!code) return [];
  const order = [code, ...(config.fallback[code] ?? [])];
  return [...new Set(order)].filter((l) => l !== config.default && config.locales.includes(l));
}

/** Dictionaries in lookup order → one dictionary: a key takes the first locale's text that has it. */
export function mergeDictionaries(ordered: ReadonlyArray<Readonly<Record<string, string>>>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const dict of [...ordered].reverse()) Object.assign(merged, dict);
  return merged;
}
