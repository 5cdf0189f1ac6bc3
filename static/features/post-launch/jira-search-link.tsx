/**
 * A link to Jira's issue search for a JQL. A click goes through the host's router (an app frame cannot
 * navigate Jira itself); the `href` is real (site URL + /issues/?jql=…) for copying and middle clicks.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { siteUrl } from '../../shared/bridge';

async function openPath(path: string, newTab: boolean): Promise<boolean> {
  try {
    const { router } = await import('../../shared/forge-bridge');
    await (newTab ? router.open(path) : router.navigate(path));
    return true;
  } catch {
    return false;
  }
}

export const searchPath = (jql: string): string => `/issues/?jql=${encodeURIComponent(jql)}`;

/** `label`: the accessible name when the visible words alone are ambiguous (several "Epics" links on a page). */
export function JiraSearchLink({ jql, children, label }: { jql: string; children: ReactNode; label?: string }) {
  const [base, setBase] = useState('');
  useEffect(() => {
    let live = true;
    void siteUrl().then((u) => live && setBase(u));
    return () => {
      live = false;
    };
  }, []);
  const path = searchPath(jql);
  return (
    <a
      href={`${base}${path}`}
      target="_top"
      aria-label={label}
      onClick={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        const newTab = e.metaKey || e.ctrlKey || e.shiftKey;
        void openPath(path, newTab).then((done) => {
          if (!done) window.open(`${base}${path}`, newTab ? '_blank' : '_top', 'noopener');
        });
      }}
    >
      {children}
    </a>
  );
}
