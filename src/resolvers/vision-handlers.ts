/** The project's vision, goals and KPIs: what the project settings page and project page load first. */
import * as S from '../contract/shared/schemas';
import { createGoal, createKpi, deleteGoal, deleteKpi, editGoal, editKpi } from '../use-cases/goals/goal-actions';
import { listPeople } from '../use-cases/project/list-people';
import { loadProjectView } from '../use-cases/project/load-project-view';
import { saveVision } from '../use-cases/vision/save-vision';
import { visionHistory } from '../use-cases/vision/vision-history';
import { endpoint, type DepsFactory, type Handler } from './endpoint';
import type { JIRA_KEY_GROUPS } from './jira-key-groups';

export function visionHandlers(makeDeps: DepsFactory): Record<(typeof JIRA_KEY_GROUPS.vision)[number], Handler> {
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
  };
}
