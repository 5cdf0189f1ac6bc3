/**
 * The backend's message catalogue of a locale, read with Forge's own i18n API: `locales/<locale>.json`
 * (the manifest's `translations`), which `forge deploy` ships as `__LOCALES__/` beside the functions,
 * with the manifest's fallback order. The catalogue is the file's `messages` (English template →
 * translation) and `values` (words the code puts into messages, such as "epic").
 */
import { i18n } from '@forge/api';
import { compileCatalogue, type TranslateMessage } from '../../domain/shared/message-catalogue';

const cache = new Map<string, Promise<TranslateMessage | null>>();

async function load(locale: string): Promise<TranslateMessage | null> {
  try {
    const { translations } = await i18n.getTranslations(locale as Parameters<typeof i18n.getTranslations>[0]);
    const section = (name: string) => {
      const value = translations?.[name];
      return value && typeof value === 'object' ? (value as Record<string, string>) : {};
    };
    const catalogue = { ...section('values'), ...section('messages') };
    return Object.keys(catalogue).length ? compileCatalogue(catalogue, locale) : null;
  } catch (error) {
    // Without the locale files (an old `forge tunnel`, say) messages stay English rather than fail the call.
    console.warn('Messages stay English: the translations could not be read.', error instanceof Error ? error.message : error);
    return null;
  }
}

/** The translator of a Forge locale code (`de-DE`), or null when messages stay English. Loaded once per locale and instance. */
export function messageTranslator(locale: string): Promise<TranslateMessage | null> {
  let loaded = cache.get(locale);
  if (!loaded) {
    loaded = load(locale);
    cache.set(locale, loaded);
  }
  return loaded;
}
