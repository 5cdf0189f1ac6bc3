/**
 * One thing a screen loads and shows: loading, then an error (with a retry) or the data. The call runs
 * once per `fetch` (a new one, from new arguments, loads again) and once per `key` (a bump reloads).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../src/contract/shared/result';

export type ResourceState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: T };

export const settled = <T>(res: Result<T>): ResourceState<T> => (res.ok ? { status: 'ready', data: res.data } : { status: 'error', error: res.error });

/** Applies `f` to the data when there is some; a loading or failed state stays as it is. */
export const patched = <T>(s: ResourceState<T>, f: (data: T) => T): ResourceState<T> => (s.status === 'ready' ? { status: 'ready', data: f(s.data) } : s);

export interface ResourceOptions {
  /** A new value loads again. */
  key?: unknown;
  /** Reloads keep showing what is there until the answer comes (no "Loading…" flash after an edit). */
  quiet?: boolean;
}

export function useResource<T>(fetch: (() => Promise<Result<T>>) | null, { key, quiet = false }: ResourceOptions = {}) {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  // Only the latest call's answer counts (a reload may overtake one still on its way).
  const latest = useRef(0);

  const load = useCallback(() => {
    if (!fetch) return;
    const id = ++latest.current;
    if (!quiet) setState({ status: 'loading' });
    void fetch().then((res) => {
      if (id === latest.current) setState(settled(res));
    });
  }, [fetch, quiet]);

  // One call per `fetch` and `key`, even if React runs the effect twice.
  const started = useRef<{ load: () => void; key: unknown } | null>(null);
  useEffect(() => {
    if (started.current?.load === load && Object.is(started.current.key, key)) return;
    started.current = { load, key };
    load();
  }, [load, key]);

  const patch = useCallback((f: (data: T) => T) => setState((s) => patched(s, f)), []);
  return { state, reload: load, patch };
}
