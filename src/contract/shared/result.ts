/**
 * The one envelope every resolver answers with. Expected failures are values with a code,
 * so the UI can show them next to the field or as a page state; nothing is thrown across the bridge.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'NO_ACCESS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CONFIRMATION_REQUIRED',
  'LIMIT_REACHED',
  'JIRA_UNAVAILABLE',
  'INTERNAL',
  /** A Confluence macro whose settings are missing or not valid (`details.reason`). */
  'NOT_CONFIGURED',
  /** A Confluence surface that cannot reach Jira: Jira is not connected to the app's installation. */
  'JIRA_NOT_CONNECTED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one input field; `path` is the dotted field name, e.g. `target` or `goals.2.title`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface AppError {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
  /** Extra data for the UI, e.g. the current document on CONFLICT or what a delete would orphan. */
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** @example ok({ saved: true }) // { ok: true, data: { saved: true } } */
export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

/** @example fail('NOT_FOUND', 'No such goal.') */
export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  extra: Pick<AppError, 'fields' | 'details'> = {},
): Result<T> => ({ ok: false, error: { code, message, ...extra } });

export const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
