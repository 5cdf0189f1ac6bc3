/**
 * The only door to the Forge bridge (the parts in forge-bridge.ts). `@forge/bridge` reads `window.__bridge` as soon as it is
 * evaluated and throws when it is missing, so it is loaded lazily: a page opened outside Jira (or a
 * preview without its bridge stand-in) shows an error state instead of a blank page.
 */
import type { ApiKey, PayloadOf, ResultOf } from '../../src/contract/keys';
import { isResult, type AppError, type Result } from '../../src/contract/shared/result';
import { UI_LOCALE_FIELD } from '../../src/contract/shared/ui-locale';
import { t, uiLocale } from './i18n';

type BridgeModule = typeof import('./forge-bridge');

let bridge: Promise<BridgeModule> | null = null;

/** The bridge's parts, loaded once (macro-bridge.ts and gadget-bridge.ts use it too). */
export const loadBridge = (): Promise<BridgeModule> => {
  bridge ??= import('./forge-bridge');
  // Let a later call try again if this one failed (e.g. the host script arrived late).
  bridge.catch(() => {
    bridge = null;
  });
  return bridge;
};

/** Asks the host for its light/dark theme (Jira then sets `html[data-color-mode]` and the tokens). */
export async function enableTheme(): Promise<void> {
  try {
    const { view } = await loadBridge();
    await view.theme.enable();
  } catch {
    // Not fatal: the page keeps its light fallback colours.
  }
}

const connectionError = (err: unknown): AppError => ({
  code: 'INTERNAL',
  message:
    err instanceof Error && /bridge/i.test(err.message) ? t('Could not connect to Jira. Reload the page to try again.') : t('The app could not be reached. Check your connection and try again.'),
});

/**
 * The payload with the user's locale, so the backend answers in it (Forge gives functions no locale);
 * English, the language the backend writes, adds nothing.
 */
const withLocale = (payload: Record<string, unknown>): Record<string, unknown> =>
  /^en([-_]|$)/i.test(uiLocale()) ? payload : { ...payload, [UI_LOCALE_FIELD]: uiLocale() };

/**
 * Calls a resolver, typed by the contract's `Api` map. Never throws: transport failures and
 * answers that are not a Result become `{ ok: false, error: { code: 'INTERNAL', … } }`.
 */
export async function call<K extends ApiKey>(key: K, payload: PayloadOf<K>): Promise<Result<ResultOf<K>>> {
  let answer: unknown;
  try {
    const { invoke } = await loadBridge();
    answer = await invoke(key, withLocale(payload as Record<string, unknown>));
  } catch (err) {
    return { ok: false, error: connectionError(err) };
  }
  if (!isResult(answer)) {
    return { ok: false, error: { code: 'INTERNAL', message: t('The app answered in an unexpected way. Try again.') } };
  }
  return answer as Result<ResultOf<K>>;
}

let site: Promise<string> | null = null;

/** The site's base URL in a host context, without a trailing slash; '' when it does not say. */
export const siteUrlOf = (ctx: { siteUrl?: unknown } | null | undefined): string => (typeof ctx?.siteUrl === 'string' ? ctx.siteUrl.replace(/\/+$/, '') : '');

/**
 * The Jira site's base URL (`https://x.atlassian.net`) from the host's context, for real `href`s on
 * links; '' when the host does not say. A bridge call, not an invoke.
 */
export function siteUrl(): Promise<string> {
  site ??= loadBridge()
    .then(({ view }) => view.getContext())
    .then(siteUrlOf)
    .catch(() => '');
  return site;
}

let locale: Promise<string> | null = null;

/**
 * The user's locale as Jira gives it (`de_DE`), for reading and writing numbers; the browser's language
 * when the host does not say. A bridge call, not an invoke.
 */
export function hostLocale(): Promise<string> {
  const fallback = typeof navigator === 'undefined' ? 'en-US' : navigator.language;
  locale ??= loadBridge()
    .then(({ view }) => view.getContext())
    .then((ctx) => (typeof ctx?.locale === 'string' && ctx.locale ? ctx.locale : fallback))
    .catch(() => fallback);
  return locale;
}

/** Opens a page of Jira (a path relative to the site, e.g. an app's project page) through the host's router; false when the host cannot. */
export async function openPath(path: string, newTab = false): Promise<boolean> {
  try {
    const { router } = await loadBridge();
    await (newTab ? router.open(path) : router.navigate(path));
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens a Jira issue through the host's router (an app frame cannot navigate Jira itself).
 * `newTab` for Ctrl/⌘/middle clicks. Resolves false when the host could not do it.
 */
export async function openIssue(issueKey: string, newTab = false): Promise<boolean> {
  try {
    const { router } = await loadBridge();
    // A URL relative to the site, which Jira resolves (and the local preview understands).
    const location = `/browse/${encodeURIComponent(issueKey)}`;
    await (newTab ? router.open(location) : router.navigate(location));
    return true;
  } catch {
    return false;
  }
}

