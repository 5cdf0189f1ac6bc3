/** One server action of a form: busy while it runs, then its error and the field messages to show. */
import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../../src/contract/shared/result';
import { fieldErrors, type FieldErrors } from '../../shared/errors';

export interface Action {
  busy: boolean;
  error: AppError | null;
  errors: FieldErrors;
  /** Sends; on failure keeps the error, and the field messages (paths without `prefix.`). */
  run: <T>(send: () => Promise<Result<T>>, prefix?: string) => Promise<Result<T>>;
  clear: () => void;
  setErrors: (e: FieldErrors) => void;
  /** The error for a banner: any but a validation failure whose every message sits next to one of `fields`. */
  banner: (fields: readonly string[]) => AppError | null;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const run = useCallback(async <T,>(send: () => Promise<Result<T>>, prefix?: string) => {
    setBusy(true);
    setError(null);
    setErrors({});
    const res = await send();
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      setErrors(fieldErrors(res.error.fields, prefix));
    }
    return res;
  }, []);
  const clear = useCallback(() => {
    setError(null);
    setErrors({});
  }, []);
  const banner = (fields: readonly string[]) =>
    error && (error.code !== 'VALIDATION_FAILED' || Object.keys(errors).length === 0 || Object.keys(errors).some((f) => !fields.includes(f)))
      ? error
      : null;
  return { busy, error, errors, run, clear, setErrors, banner };
}

/**
 * The launch-book revision a form sends. On CONFLICT it takes the current book's revision from the
 * answer, so the form keeps the admin's entries and saving again applies them to the launches as they
 * are now (the answer's message says so); a newer revision from the page replaces it too.
 */
export function useBase(revision: number): [number, <T>(r: Result<T>) => Result<T>] {
  const [base, setBase] = useState(revision);
  useEffect(() => setBase(revision), [revision]);
  const adopt = useCallback(<T,>(r: Result<T>) => {
    const now = !r.ok && r.error.code === 'CONFLICT' ? (r.error.details as { current?: { revision?: unknown } } | undefined)?.current?.revision : undefined;
    if (typeof now === 'number') setBase(now);
    return r;
  }, []);
  return [base, adopt];
}
