/**
 * Every resolver key, with its payload and answer types. The UI's `invoke` wrapper and the
 * resolver definitions are both typed from this map, so a key cannot exist on one side only.
 */
import type * as z from 'zod/mini';
import type * as S from './shared/schemas';
import type { GoalBook, GoalDeletionImpact, Person, ProjectView, VisionHistoryPage } from './goals/model';
import type * as A from './alignment/alignment';
import { POST_LAUNCH_KEYS, type PostLaunchApi } from './post-launch/post-launch-schemas';
import { PUBLISHING_KEYS, type PublishingApi, type VisionDraft } from './vision/publishing';
import { MACRO_KEYS, READER_VIEW_KEYS, type MacroApi, type ReaderViewApi } from './macro/macro';
import { TRANSFER_KEYS, type TransferApi } from './transfer/transfer';
import { INTAKE_KEYS, type IntakeApi } from './post-launch/intake-schemas';
import { PORTFOLIO_KEYS, type PortfolioApi } from './portfolio/portfolio';
import { GUIDED_START_KEYS, type adoptExampleSchema } from './guided-start/guided-start';
import { GADGET_KEYS, type GadgetApi } from './gadget/gadget';

/** Post-launch tracking's keys are declared beside their schemas, in ./post-launch-schemas. */
export interface Api extends PostLaunchApi, IntakeApi, PublishingApi, ReaderViewApi, MacroApi, TransferApi, PortfolioApi, GadgetApi {
  'project/load': { payload: Record<string, never>; result: ProjectView };
  'project/people': { payload: Record<string, never>; result: Person[] };
  'vision/save': { payload: z.infer<typeof S.saveVisionSchema>; result: VisionDraft };
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
  'alignment/set-goal-many': { payload: z.infer<typeof A.setEpicGoalsSchema>; result: A.SetEpicGoalsResult };
  'alignment/rescan': { payload: Record<string, never>; result: A.ScanProgress };
  'guided/adopt-example': { payload: z.infer<typeof adoptExampleSchema>; result: GoalBook };
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
  'panel/load',
  'panel/set-goal',
  'alignment/report',
  'alignment/unaligned',
  'alignment/set-goal',
  'alignment/set-goal-many',
  'alignment/rescan',
  ...POST_LAUNCH_KEYS,
  ...PUBLISHING_KEYS,
  ...READER_VIEW_KEYS,
  ...TRANSFER_KEYS,
  ...INTAKE_KEYS,
  ...PORTFOLIO_KEYS,
  ...GUIDED_START_KEYS,
  ...GADGET_KEYS,
] as const satisfies readonly ApiKey[];

/** Fails to compile, naming the key, when an ApiKey has no resolver function answering it. */
type Unanswered = Exclude<ApiKey, (typeof JIRA_KEYS)[number] | (typeof MACRO_KEYS)[number]>;
export const EVERY_KEY_ANSWERED: [Unanswered] extends [never] ? true : { missing: Unanswered } = true;

export type { GoalDeletionImpact };
