/**
 * Answers in the caller's language: takes the UI's locale out of the payload (the handlers' schemas
 * never see it) and translates the messages of the answer: a refusal's error and field messages, and
 * the text the backend wrote into a success's data.
 */
import type { TranslateMessage } from '../../domain/shared/message-catalogue';
import { isResult, type Result } from '../../contract/shared/result';
import { forgeLocale, UI_LOCALE_FIELD } from '../../contract/shared/ui-locale';

type Request = { payload?: unknown; context?: unknown };
type Handler = (request: Request) => Promise<unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The Forge locale code (`de-DE`) of what the UI sent (`de-DE`, `de_AT`, `de`), or null when there is
 * nothing to translate: no locale, one Forge does not support, or English, which the code itself writes.
 */
export function translationLocale(locale: unknown): string | null {
  const code = typeof locale === 'string' && locale.length <= 16 ? forgeLocale(locale) : null;
  return code && !code.startsWith('en-') ? code : null;
}

/** The payload without the locale field, and the locale it named (undefined when none). */
export function takeLocale(payload: unknown): { payload: unknown; locale: unknown } {
  if (!isRecord(payload) || !(UI_LOCALE_FIELD in payload)) return { payload, locale: undefined };
  const { [UI_LOCALE_FIELD]: locale, ...rest } = payload;
  return { payload: rest, locale };
}

/**
 * Properties of an answer's data that hold text the backend wrote (a scan's message, a batch outcome's
 * reason, a failed count's error, an import's notes, a version's label); user text is never kept under these names.
 */
const WRITTEN_TEXT = new Set(['label', 'message', 'error', 'notes']);

/** `data` with the text under WRITTEN_TEXT properties translated (a copy; the rest as it is). */
function translateData(data: unknown, translate: TranslateMessage): unknown {
  if (Array.isArray(data)) return data.map((item) => translateData(item, translate));
  if (!isRecord(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (WRITTEN_TEXT.has(key) && typeof value === 'string') out[key] = translate(value);
    else if (WRITTEN_TEXT.has(key) && Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value.map(translate);
    else out[key] = translateData(value, translate);
  }
  return out;
}

/** A Result with its messages translated: a refusal's error and fields, the backend's text in a success's data. */
export function translateAnswer<T>(answer: T, translate: TranslateMessage): T {
  if (!isResult(answer)) return answer;
  if (answer.ok) return { ...answer, data: translateData(answer.data, translate) } as T;
  const { error } = answer as Extract<Result<unknown>, { ok: false }>;
  return {
    ...answer,
    error: {
      ...error,
      message: translate(error.message),
      ...(error.fields ? { fields: error.fields.map((f) => ({ ...f, message: translate(f.message) })) } : {}),
    },
  } as T;
}

/** Wraps a handler so that it answers in the language the UI named. */
export function localized(handle: Handler, translatorFor: (locale: unknown) => Promise<TranslateMessage | null>): Handler {
  return async (request) => {
    const { payload, locale } = takeLocale(request.payload);
    const [answer, translate] = await Promise.all([handle({ ...request, payload }), translatorFor(locale)]);
    return translate ? translateAnswer(answer, translate) : answer;
  };
}
