/**
 * "Epics" of a goal: Jira's issue search for the epics tied to it (the manifest's `visionGoal` alias),
 * opened with the host's router. `children` replaces the default words (a per-goal count, say).
 */
import type { ReactNode } from 'react';
import { goalEpicsJql } from '../../../src/domain/alignment/alignment-jql';
import { t } from '../../shared/i18n';
import { JiraSearchLink } from '../post-launch/jira-search-link';

export function GoalEpicsLink({
  projectId,
  goalId,
  goalTitle,
  children,
  label,
}: {
  projectId: string;
  goalId: string;
  goalTitle: string;
  children?: ReactNode;
  /** The accessible name; it must contain the visible words. */
  label?: string;
}) {
  return (
    <JiraSearchLink jql={goalEpicsJql(projectId, goalId)} label={label ?? t('Epics in Jira for goal “{title}”', { title: goalTitle })}>
      {children ?? t('Epics in Jira')}
    </JiraSearchLink>
  );
}
