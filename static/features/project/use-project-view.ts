/** Loads the ProjectView with exactly one invoke and keeps the copy the page edits. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GoalBook, Person, ProjectView } from '../../../src/contract/goals/model';
import type { PublishedVision, ReviewFlags, VisionDraft } from '../../../src/contract/vision/publishing';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';

export type ProjectViewState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; view: ProjectView };

export interface UseProjectView {
  state: ProjectViewState;
  reload: () => void;
  setVision: (vision: VisionDraft) => void;
  /** The version now published and its review flags (after a publish, or a CONFLICT that revealed a newer one). */
  setPublished: (published: PublishedVision, review: ReviewFlags | null) => void;
  setGoalBook: (goalBook: GoalBook) => void;
  addPeople: (people: readonly Person[]) => void;
}

export function useProjectView(): UseProjectView {
  const [state, setState] = useState<ProjectViewState>({ status: 'loading' });
  const started = useRef(false);

  const load = useCallback(() => {
    setState({ status: 'loading' });
    void call('project/load', {}).then((res) => {
      setState(res.ok ? { status: 'ready', view: res.data } : { status: 'error', error: res.error });
    });
  }, []);

  useEffect(() => {
    // One invoke per page load, even if React mounts effects twice.
    if (started.current) return;
    started.current = true;
    load();
  }, [load]);

  const patch = useCallback((f: (v: ProjectView) => ProjectView) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', view: f(s.view) } : s));
  }, []);

  return {
    state,
    reload: load,
    setVision: useCallback((vision: VisionDraft) => patch((v) => ({ ...v, vision })), [patch]),
    setGoalBook: useCallback((goalBook: GoalBook) => patch((v) => ({ ...v, goalBook })), [patch]),
    setPublished: useCallback(
      (published: PublishedVision, review: ReviewFlags | null) => patch((v) => ({ ...v, published, review: review ?? v.review ?? null })),
      [patch],
    ),
    addPeople: useCallback(
      (people: readonly Person[]) =>
        patch((v) => {
          const known = new Set(v.people.map((p) => p.accountId));
          const extra = people.filter((p) => !known.has(p.accountId));
          return extra.length ? { ...v, people: [...v.people, ...extra] } : v;
        }),
      [patch],
    ),
  };
}
