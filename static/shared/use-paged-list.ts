/**
 * A list fetched page by page once its section is first opened: "Load more" appends the next page, a
 * failed call keeps what was loaded and can be retried, and a newer `stamp` (a save, a publish) makes
 * the loaded pages stale: reloaded at once when open, else dropped until the next open.
 */
import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { AppError, Result } from '../../src/contract/shared/result';

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  loaded: boolean;
  loading: boolean;
  error: AppError | null;
}

const initial = <T>(): PagedList<T> => ({ items: [], nextCursor: null, loaded: false, loading: false, error: null });

export interface PagedListOptions<P extends { nextCursor: string | null }, T> {
  /** Stable (module level or memoised), like `itemsOf`, `onFirstPage` and `onStale`. */
  fetchPage: (cursor?: string) => Promise<Result<P>>;
  itemsOf: (page: P) => T[];
  stamp: number;
  onFirstPage?: (page: P) => void;
  /** Runs when `stamp` changes, before the list reloads. */
  onStale?: () => void;
}

export function usePagedList<P extends { nextCursor: string | null }, T>({ fetchPage, itemsOf, stamp, onFirstPage, onStale }: PagedListOptions<P, T>) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<PagedList<T>>(initial);
  // Only the latest call's answer counts (a reload may overtake a page still on its way).
  const request = useRef(0);

  const load = useCallback(
    (cursor?: string) => {
      const id = ++request.current;
      setList((s) => ({ ...s, loading: true, error: null }));
      void fetchPage(cursor).then((res) => {
        if (id !== request.current) return;
        setList((s) =>
          res.ok
            ? { items: cursor ? [...s.items, ...itemsOf(res.data)] : itemsOf(res.data), nextCursor: res.data.nextCursor, loaded: true, loading: false, error: null }
            : { ...s, loading: false, error: res.error },
        );
        if (res.ok && !cursor) onFirstPage?.(res.data);
      });
    },
    [fetchPage, itemsOf, onFirstPage],
  );

  const seen = useRef(stamp);
  useEffect(() => {
    if (seen.current === stamp) return;
    seen.current = stamp;
    onStale?.();
    if (open) load();
    else setList(initial());
  }, [stamp, open, load, onStale]);

  return {
    list,
    /** For `<details onToggle>`: the first open loads page one. */
    onToggle(e: SyntheticEvent<HTMLDetailsElement>) {
      const isOpen = e.currentTarget.open;
      setOpen(isOpen);
      if (isOpen && !list.loaded && !list.loading) load();
    },
    /** Sends the failed call again: page one, or the next page once one is loaded. */
    retry: () => load(list.loaded ? (list.nextCursor ?? undefined) : undefined),
    more: () => load(list.nextCursor ?? undefined),
  };
}

export type PagedListControl<T> = ReturnType<typeof usePagedList<{ nextCursor: string | null }, T>>;
