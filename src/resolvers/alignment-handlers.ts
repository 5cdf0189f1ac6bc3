/** Epic alignment: the issue panel and the alignment report. */
import * as S from '../contract/shared/schemas';
import * as A from '../contract/alignment/alignment';
import { listUnaligned, loadPanel, loadReport } from '../use-cases/alignment/alignment-queries';
import { rescan } from '../use-cases/alignment/rescan';
import { setEpicGoal } from '../use-cases/alignment/set-epic-goal';
import { setEpicGoals } from '../use-cases/alignment/set-epic-goals';
import { setPanelGoal } from '../use-cases/alignment/set-panel-goal';
import { endpoint, type DepsFactory, type Handler } from './endpoint';
import type { JIRA_KEY_GROUPS } from './jira-key-groups';

export function alignmentHandlers(makeDeps: DepsFactory): Record<(typeof JIRA_KEY_GROUPS.alignment)[number], Handler> {
  return {
    'panel/load': endpoint(S.emptyPayload, loadPanel, makeDeps),
    'panel/set-goal': endpoint(A.panelSetGoalSchema, setPanelGoal, makeDeps),
    'alignment/report': endpoint(S.emptyPayload, loadReport, makeDeps),
    'alignment/unaligned': endpoint(A.unalignedPageSchema, listUnaligned, makeDeps),
    'alignment/set-goal': endpoint(A.setEpicGoalSchema, setEpicGoal, makeDeps),
    'alignment/set-goal-many': endpoint(A.setEpicGoalsSchema, setEpicGoals, makeDeps),
    'alignment/rescan': endpoint(S.emptyPayload, rescan, makeDeps),
  };
}
