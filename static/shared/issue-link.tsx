/**
 * A link to a Jira issue. A click goes through the host's router (an app frame cannot navigate Jira);
 * the `href` is real (site URL + /browse/KEY) so copying the link or a middle click still works.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { openIssue, siteUrl } from './bridge';

export function IssueLink({ issueKey, children, className }: { issueKey: string; children?: ReactNode; className?: string }) {
  const [base, setBase] = useState('');
  useEffect(() => {
    let live = true;
    void siteUrl().then((u) => live && setBase(u));
    return () => {
      live = false;
    };
  }, []);
  const href = `${base}/browse/${encodeURIComponent(issueKey)}`;
  return (
    <a
      className={className}
      href={href}
      target="_top"
      onClick={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        const newTab = e.metaKey || e.ctrlKey || e.shiftKey;
        void openIssue(issueKey, newTab).then((done) => {
          if (!done) window.open(href, newTab ? '_blank' : '_top', 'noopener');
        });
      }}
    >
      {children ?? issueKey}
    </a>
  );
}
