/** Turning the contract's AppError into what a form or page shows. */
import type { AppError, FieldIssue } from '../../src/contract/shared/result';
import { DATE_SHAPE_MESSAGE, DATE_YEARS, NOT_A_DATE_MESSAGE } from '../../src/contract/shared/dates';
import { formatDate } from './format';
import { t } from './i18n';

/**
 * A message of the contract's own validation in the user's language: the ones the UI knows by text (the
 * date rules, which a native date input meets in the locale's own format); any other as the server wrote it.
 */
export function serverText(message: string): string {
  if (message === DATE_SHAPE_MESSAGE) return t('Enter a complete date, like {example}.', { example: formatDate('2027-06-30') });
  if (message === NOT_A_DATE_MESSAGE) return t('Not a real calendar date (years {min}–{max}).', { min: DATE_YEARS.min, max: DATE_YEARS.max });
  return message;
}

/** Field messages keyed by the form's own field names (`goal.title` → `title` with prefix `goal`). */
export type FieldErrors = Record<string, string>;

export function fieldErrors(issues: readonly FieldIssue[] | undefined, prefix?: string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues ?? []) {
    let path = issue.path;
    if (prefix && path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1);
    if (!(path in out)) out[path] = serverText(issue.message);
  }
  return out;
}

/** Issues whose path is not one of the form's fields, so the summary still shows them. */
export function otherIssues(issues: readonly FieldIssue[] | undefined, known: readonly string[], prefix?: string): string[] {
  return (issues ?? [])
    .filter((i) => {
      const p = prefix && i.path.startsWith(`${prefix}.`) ? i.path.slice(prefix.length + 1) : i.path;
      return !known.includes(p);
    })
    .map((i) => (i.path ? `${i.path}: ${serverText(i.message)}` : serverText(i.message)));
}

/** Codes where sending the same thing again can help. */
export const isRetryable = (e: AppError): boolean =>
  ['NOT_FOUND', 'LIMIT_REACHED', 'JIRA_UNAVAILABLE', 'INTERNAL', 'UNAUTHENTICATED'].includes(e.code);

const titles = (): Partial<Record<AppError['code'], string>> => ({
  NO_ACCESS: t("You don't have access to this project's vision"),
  FORBIDDEN: t('Only project admins can change this'),
  NOT_FOUND: t('Not found'),
  LIMIT_REACHED: t('Limit reached'),
  JIRA_UNAVAILABLE: t('Jira is not answering right now'),
  UNAUTHENTICATED: t('You are signed out'),
  INTERNAL: t('Something went wrong'),
  VALIDATION_FAILED: t('Some fields need attention'),
});

export const errorTitle = (e: AppError): string => titles()[e.code] ?? t('Something went wrong');
