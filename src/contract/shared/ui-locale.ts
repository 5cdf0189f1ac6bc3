/**
 * Forge does not pass the user's locale to functions; its documentation has the frontend send it in the
 * payload. The UI adds it under this name to every call in a locale other than English, and the
 * resolver adapter takes it out before the payload is validated (src/adapters/forge/localize.ts).
 */
export const UI_LOCALE_FIELD = 'uiLocale';

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

