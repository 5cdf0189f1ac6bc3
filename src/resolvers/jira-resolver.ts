/** Every key the Jira surfaces (project settings page, project page, issue panel) invoke. */
import * as S from '../contract/schemas';
import * as A from '../contract/alignment';
import type { JIRA_KEYS } from '../contract/keys';
import { createGoal, createKpi, deleteGoal, deleteKpi, editGoal, editKpi } from '../use-cases/goal-actions';
import { listUnaligned } from '../use-cases/alignment/list-unaligned';
import { loadPanel } from '../use-cases/alignment/load-panel';
import { loadReport } from '../use-cases/alignment/load-report';
import { rescan } from '../use-cases/alignment/rescan';
import { setEpicGoal } from '../use-cases/alignment/set-epic-goal';
import { setPanelGoal } from '../use-cases/alignment/set-panel-goal';
import { listPeople } from '../use-cases/list-people';
import { loadProjectView } from '../use-cases/load-project-view';
import { saveVision } from '../use-cases/save-vision';
import { visionHistory } from '../use-cases/vision-history';
import { endpoint, type DepsFactory, type Handler } from './endpoint';
import { publishingHandlers } from './publishing-handlers';
import { postLaunchHandlers } from './post-launch-resolver';
import { transferHandlers } from './transfer-handlers';

export function jiraHandlers(makeDeps: DepsFactory): Record<(typeof JIRA_KEYS)[number], Handler> {
  return {
    'project/load': endpoint(S.emptyPayload, loadProjectView, makeDeps),
    'project/people': endpoint(S.emptyPayload, listPeople, makeDeps),
    'vision/save': endpoint(S.saveVisionSchema, saveVision, makeDeps),
    'vision/history': endpoint(S.historySchema, visionHistory, makeDeps),
    'goal/create': endpoint(S.createGoalSchema, createGoal, makeDeps),
    'goal/update': endpoint(S.updateGoalSchema, editGoal, makeDeps),
    'goal/delete': endpoint(S.deleteGoalSchema, deleteGoal, makeDeps),
    'kpi/create': endpoint(S.createKpiSchema, createKpi, makeDeps),
    'kpi/update': endpoint(S.updateKpiSchema, editKpi, makeDeps),
    'kpi/delete': endpoint(S.deleteKpiSchema, deleteKpi, makeDeps),
    'panel/load': endpoint(S.emptyPayload, loadPanel, makeDeps),
    'panel/set-goal': endpoint(A.panelSetGoalSchema, setPanelGoal, makeDeps),
    'alignment/report': endpoint(S.emptyPayload, loadReport, makeDeps),
    'alignment/unaligned': endpoint(A.unalignedPageSchema, listUnaligned, makeDeps),
    'alignment/set-goal': endpoint(A.setEpicGoalSchema, setEpicGoal, makeDeps),
    'alignment/rescan': endpoint(S.emptyPayload, rescan, makeDeps),
    ...publishingHandlers(makeDeps),
    ...postLaunchHandlers(makeDeps),
    ...transferHandlers(makeDeps),
  };
}
