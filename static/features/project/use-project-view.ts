/** Loads the ProjectView with exactly one invoke and keeps the copy the page edits. */
import { useCallback } from 'react';
import type { GoalBook, Person, ProjectView } from '../../../src/contract/goals/model';
import type { PublishedVision, ReviewFlags, VisionDraft } from '../../../src/contract/vision/publishing';
import { call } from '../../shared/bridge';
import { useResource, type ResourceState } from '../../shared/use-resource';

const loadView = () => call('project/load', {});

export type ProjectViewState = ResourceState<ProjectView>;

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
  const { state, reload, patch } = useResource(loadView);

  return {
    state,
    reload,
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
