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

/** The locale codes Forge supports (@forge/i18n FORGE_SUPPORTED_LOCALE_CODES). */
const FORGE_LOCALES = [
  'zh-CN', 'zh-TW', 'cs-CZ', 'da-DK', 'nl-NL', 'en-US', 'en-GB', 'et-EE', 'fi-FI', 'fr-FR', 'de-DE', 'hu-HU', 'is-IS',
  'it-IT', 'ja-JP', 'ko-KR', 'no-NO', 'pl-PL', 'pt-BR', 'pt-PT', 'ro-RO', 'ru-RU', 'sk-SK', 'tr-TR', 'es-ES', 'sv-SE',
];
const ALIASES: Readonly<Record<string, string>> = { 'en-UK': 'en-GB', 'nb-NO': 'no-NO', nb: 'no-NO', pt: 'pt-PT' };

/**
 * Jira's locale (`de_DE`, `de-AT`, `de`) → the Forge locale code its translations are looked up under,
 * as @forge/i18n's `ensureLocale` does: a supported code as it is, a bare language to its first code;
 * and a region Forge does not list to its language's code (`de-AT` → `de-DE`). Unknown → null.
 * @example forgeLocale('de_AT') // 'de-DE'
 */
export function forgeLocale(raw: string | null | undefined): string | null {
  const tag = (raw ?? '').trim().replace(/_/g, '-');
  if (!tag) return null;
  if (FORGE_LOCALES.includes(tag)) return tag;
  if (ALIASES[tag]) return ALIASES[tag]!;
  const language = tag.split('-')[0]!.toLowerCase();
  return ALIASES[language] ?? FORGE_LOCALES.find((code) => code.startsWith(`${language}-`)) ?? null;
}

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
