/** A collapsible section around a paged list: its error with a retry, the empty note, and the loading / "Load more" foot. */
import Spinner from '@atlaskit/spinner';
import type { ReactNode } from 'react';
import { ErrorBanner } from './states';
import { Button } from './ui';
import type { PagedListControl } from './use-paged-list';
import { t } from './i18n';

export function PagedDetails<T>({
  title,
  paged,
  empty,
  loadingLabel,
  top,
  after,
  children,
}: {
  title: string;
  paged: PagedListControl<T>;
  /** Shown when the first page came back empty. */
  empty: string;
  /** e.g. "Loading versions" (the spinner's label; the text adds "…"). */
  loadingLabel: string;
  /** Above the list's error. */
  top?: ReactNode;
  /** After the section's body, still inside it (a dialog). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const { list } = paged;
  return (
    <details className="pv-details" onToggle={paged.onToggle}>
      <summary>{title}</summary>
      <div className="pv-details-body" aria-busy={list.loading}>
        {top}
        {list.error ? <ErrorBanner error={list.error} onRetry={paged.retry} /> : null}
        {list.loaded && list.items.length === 0 ? <p className="pv-muted">{empty}</p> : null}
        {children}
        {list.loading ? (
          <div className="pv-row" role="status">
            <Spinner size="small" label={loadingLabel} />
            <span className="pv-muted">{loadingLabel}…</span>
          </div>
        ) : list.nextCursor ? (
          <div>
            <Button small onClick={paged.more}>
              {t('Load more')}
            </Button>
          </div>
        ) : null}
      </div>
      {after}
    </details>
  );
}
