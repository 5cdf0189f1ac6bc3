/**
 * Sends a goal/KPI mutation with the revision of the GoalBook the page holds right now, and
 * replaces the held book with the answer (or with the current document on CONFLICT, or on NOT_FOUND
 * when the edited goal or KPI was deleted meanwhile).
 */
import { useCallback, useRef } from 'react';
import type { ApiKey, PayloadOf } from '../../../src/contract/keys';
import type { GoalBook } from '../../../src/contract/goals/model';
import type { Result } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { conflictDocument, isGoalBook, isGone } from '../../shared/guards';

export type BookKey = Extract<ApiKey, `goal/${string}` | `kpi/${string}`>;

export type BookRunner = <K extends BookKey>(key: K, payload: (baseRevision: number) => PayloadOf<K>) => Promise<Result<GoalBook>>;

export interface BookOps {
  run: BookRunner;
  /** The GoalBook held right now (already the current document after a CONFLICT). */
  current: () => GoalBook;
}

/** `onStart` runs as each mutation is sent (e.g. to clear a notice left by the previous one). */
export function useBookRunner(book: GoalBook, setBook: (b: GoalBook) => void, onStart?: () => void): BookOps {
  const ref = useRef(book);
  ref.current = book;
  const startRef = useRef(onStart);
  startRef.current = onStart;

  const run = useCallback<BookRunner>(
    async (key, payload) => {
      startRef.current?.();
      const res = (await call(key, payload(ref.current.revision))) as Result<GoalBook>;
      if (res.ok) {
        ref.current = res.data;
        setBook(res.data);
      } else if (res.error.code === 'CONFLICT' || (res.error.code === 'NOT_FOUND' && isGone(res.error.details))) {
        const theirs = conflictDocument(res.error.details, isGoalBook);
        if (theirs) {
          ref.current = theirs;
          setBook(theirs);
        }
      }
      return res;
    },
    [setBook],
  );

  return { run, current: useCallback(() => ref.current, []) };
}
