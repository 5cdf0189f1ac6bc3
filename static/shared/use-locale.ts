/** The user's locale for number fields: Jira's (`view.getContext().locale`), loaded before the first render. */
import { uiLocale } from './i18n';

export function useLocale(): string {
  return uiLocale();
}
