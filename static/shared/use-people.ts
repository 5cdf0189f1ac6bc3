/** Candidate goal owners, fetched once and only when a form with the owner field opens. */
import { useCallback, useRef, useState } from 'react';
import type { Person } from '../../src/contract/goals/model';
import type { AppError } from '../../src/contract/shared/result';
import { call } from './bridge';

export type PeopleState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; people: Person[] }
  | { status: 'error'; error: AppError };

export interface PeopleLoader {
  state: PeopleState;
  /** Starts the one `project/people` call if it has not run (or failed). */
  ensure: () => void;
}

export function usePeople(onLoaded: (people: Person[]) => void): PeopleLoader {
  const [state, setState] = useState<PeopleState>({ status: 'idle' });
  const inFlight = useRef(false);
  const done = useRef(false);

  const ensure = useCallback(() => {
    if (inFlight.current || done.current) return;
    inFlight.current = true;
    setState({ status: 'loading' });
    void call('project/people', {}).then((res) => {
      inFlight.current = false;
      if (res.ok) {
        done.current = true;
        const people = [...res.data].sort((a, b) => a.displayName.localeCompare(b.displayName));
        setState({ status: 'ready', people });
        onLoaded(people);
      } else {
        setState({ status: 'error', error: res.error });
      }
    });
  }, [onLoaded]);

  return { state, ensure };
}
