/**
 * Every resolver key, with its payload and answer types. The UI's `invoke` wrapper and the
 * resolver definitions are both typed from this map, so a key cannot exist on one side only.
 */
import type * as z from 'zod/mini';
import type * as S from './schemas';
import type { GoalBook, GoalDeletionImpact, Person, ProjectView, Vision, VisionHistoryPage } from './model';
import type * as A from './alignment';

export interface Api {
  'project/load': { payload: Record<string, never>; result: ProjectView };
  'project/people': { payload: Record<string, never>; result: Person[] };
  'vision/save': { payload: z.infer<typeof S.saveVisionSchema>; result: Vision };
  'vision/history': { payload: z.infer<typeof S.historySchema>; result: VisionHistoryPage };
  'goal/create': { payload: z.infer<typeof S.createGoalSchema>; result: GoalBook };
  'goal/update': { payload: z.infer<typeof S.updateGoalSchema>; result: GoalBook };
  'goal/delete': { payload: z.infer<typeof S.deleteGoalSchema>; result: GoalBook };
  'kpi/create': { payload: z.infer<typeof S.createKpiSchema>; result: GoalBook };
  'kpi/update': { payload: z.infer<typeof S.updateKpiSchema>; result: GoalBook };
  'kpi/delete': { payload: z.infer<typeof S.deleteKpiSchema>; result: GoalBook };
  'panel/load': { payload: Record<string, never>; result: A.IssuePanelView };
  'panel/set-goal': { payload: z.infer<typeof A.panelSetGoalSchema>; result: A.IssuePanelView };
  'alignment/report': { payload: Record<string, never>; result: A.AlignmentReport };
  'alignment/unaligned': { payload: z.infer<typeof A.unalignedPageSchema>; result: A.UnalignedPage };
  'alignment/set-goal': { payload: z.infer<typeof A.setEpicGoalSchema>; result: A.UnalignedEpic | null };
  'alignment/rescan': { payload: Record<string, never>; result: A.ScanProgress };
}

export type ApiKey = keyof Api;
export type PayloadOf<K extends ApiKey> = Api[K]['payload'];
export type ResultOf<K extends ApiKey> = Api[K]['result'];

/** Keys answered by the Jira resolver function (project settings page, project page, issue panel). */
export const JIRA_KEYS = [
  'project/load',
  'project/people',
  'vision/save',
  'vision/history',
  'goal/create',
  'goal/update',
  'goal/delete',
  'kpi/create',
  'kpi/update',
  'kpi/delete',
] as const satisfies readonly ApiKey[];

export type { GoalDeletionImpact };
