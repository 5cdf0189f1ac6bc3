/**
 * Errors that belong to the platform, not to the app. When a user has not yet allowed the app to act
 * for them, Forge's `asUser()` calls throw `NeedsAuthenticationError` (name `NEEDS_AUTHENTICATION_ERR`,
 * from the proxy's `forge-proxy-error` header), and Forge shows its "Allow access" prompt only if that
 * error leaves the function. Every place that catches errors rethrows it untouched. Checked by name so
 * that code outside the Forge adapters does not import `@forge/api`.
 */
export const CONSENT_ERROR_NAME = 'NEEDS_AUTHENTICATION_ERR';

export function isConsentRequest(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === CONSENT_ERROR_NAME;
}

/** Rethrows a consent request as it is; anything else returns for the caller to handle. */
export function passConsentThrough(error: unknown): void {
  if (isConsentRequest(error)) throw error;
}
