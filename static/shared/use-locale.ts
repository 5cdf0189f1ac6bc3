/** The user's locale for number fields: the browser's at first, Jira's (`view.getContext().locale`) once known. */
import { useEffect, useState } from 'react';
import { hostLocale } from './bridge';

export function useLocale(): string {
  const [locale, setLocale] = useState(() => (typeof navigator === 'undefined' ? 'en-US' : navigator.language));
  useEffect(() => {
    let live = true;
    void hostLocale().then((l) => live && setLocale(l));
    return () => {
      live = false;
    };
  }, []);
  return locale;
}
