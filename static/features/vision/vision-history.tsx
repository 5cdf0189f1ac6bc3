/** Collapsible "Draft saves": every saved revision of the draft, newest first, fetched when first opened; "Load more" pages on. */
import Spinner from '@atlaskit/spinner';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VisionRevisionSummary } from '../../../src/contract/goals/model';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { excerpt, formatDateTime, personName, type PeopleIndex } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button } from '../../shared/ui';

interface HistoryState {
  revisions: VisionRevisionSummary[];
  nextCursor: string | null;
  loaded: boolean;
  loading: boolean;
  error: AppError | null;
}

const INITIAL: HistoryState = { revisions: [], nextCursor: null, loaded: false, loading: false, error: null };

export function VisionHistory({ latestRevision, people }: { latestRevision: number; people: PeopleIndex }) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<HistoryState>(INITIAL);
  const request = useRef(0);

  const load = useCallback((cursor?: string) => {
    const id = ++request.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    void call('vision/history', cursor ? { cursor } : {}).then((res) => {
      if (id !== request.current) return;
      setState((s) =>
        res.ok
          ? {
              revisions: cursor ? [...s.revisions, ...res.data.revisions] : res.data.revisions,
              nextCursor: res.data.nextCursor,
              loaded: true,
              loading: false,
              error: null,
            }
          : { ...s, loading: false, error: res.error },
      );
    });
  }, []);

  // First open loads page one; a newer revision (a save) makes the loaded list stale.
  const seenRevision = useRef(latestRevision);
  useEffect(() => {
    if (seenRevision.current === latestRevision) return;
    seenRevision.current = latestRevision;
    if (open) load();
    else setState(INITIAL);
  }, [latestRevision, open, load]);

  return (
    <details
      className="pv-details"
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen && !state.loaded && !state.loading) load();
      }}
    >
      <summary>Draft saves</summary>
      <div className="pv-details-body" aria-busy={state.loading}>
        {state.error ? (
          <ErrorBanner error={state.error} onRetry={() => load(state.loaded ? (state.nextCursor ?? undefined) : undefined)} />
        ) : null}
        {state.loaded && state.revisions.length === 0 ? <p className="pv-muted">No saved drafts yet.</p> : null}
        {state.revisions.length > 0 ? (
          <ol className="pv-history" aria-label="Draft revisions">
            {state.revisions.map((r) => (
              <li key={r.revision}>
                <span className="pv-small pv-muted">
                  <strong>Revision {r.revision}</strong> · {personName(people, r.updatedBy)} · {formatDateTime(r.updatedAt)}
                </span>
                <span>{excerpt(r.statement) || <em className="pv-subtlest">No statement</em>}</span>
              </li>
            ))}
          </ol>
        ) : null}
        {state.loading ? (
          <div className="pv-row" role="status">
            <Spinner size="small" label="Loading history" />
            <span className="pv-muted">Loading history…</span>
          </div>
        ) : state.nextCursor ? (
          <div>
            <Button small onClick={() => load(state.nextCursor ?? undefined)}>
              Load more
            </Button>
          </div>
        ) : null}
      </div>
    </details>
  );
}
