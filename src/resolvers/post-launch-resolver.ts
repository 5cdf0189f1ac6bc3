/** The post-launch keys of the Jira resolver: thin, each a schema and a use case. */
import * as P from '../contract/post-launch/post-launch-schemas';
import { emptyPayload } from '../contract/shared/schemas';
import { classifyFeedback } from '../use-cases/post-launch/classify-feedback';
import { createFeedback } from '../use-cases/post-launch/create-feedback';
import { createLaunch } from '../use-cases/post-launch/create-launch';
import { decide } from '../use-cases/post-launch/decide';
import { createDecisionIssue, listCreatableIssueTypes } from '../use-cases/post-launch/decision-issue';
import { deleteFeedback } from '../use-cases/post-launch/delete-feedback';
import { deleteIteration } from '../use-cases/post-launch/delete-iteration';
import { deleteLaunch } from '../use-cases/post-launch/delete-launch';
import { listDecisions, listFeedback, loadIteration } from '../use-cases/post-launch/iteration-queries';
import { kpiChart, kpiChartYear, measurementDetail } from '../use-cases/post-launch/kpi-queries';
import { listVersions, loadLaunchOverview, loadLaunchSummary } from '../use-cases/post-launch/launch-queries';
import { measure } from '../use-cases/post-launch/record-measurement';
import { unmeasure } from '../use-cases/post-launch/remove-measurement';
import { createIteration, editIteration } from '../use-cases/post-launch/save-iteration';
import { previewKpiJql, setKpiJql } from '../use-cases/post-launch/set-kpi-source';
import { confirmOutlier } from '../use-cases/post-launch/confirm-outlier';
import { setFeedbackCadence } from '../use-cases/post-launch/set-feedback-cadence';
import { endpoint, type DepsFactory, type Handler } from './endpoint';

export function postLaunchHandlers(makeDeps: DepsFactory): Record<(typeof P.POST_LAUNCH_KEYS)[number], Handler> {
  return {
    'launch/overview': endpoint(emptyPayload, loadLaunchOverview, makeDeps),
    'launch/summary': endpoint(P.launchSummarySchema, loadLaunchSummary, makeDeps),
    'launch/versions': endpoint(emptyPayload, listVersions, makeDeps),
    'launch/create': endpoint(P.createLaunchSchema, createLaunch, makeDeps),
    'launch/delete': endpoint(P.deleteLaunchSchema, deleteLaunch, makeDeps),
    'iteration/create': endpoint(P.createIterationSchema, createIteration, makeDeps),
    'iteration/update': endpoint(P.updateIterationSchema, editIteration, makeDeps),
    'iteration/delete': endpoint(P.deleteIterationSchema, deleteIteration, makeDeps),
    'iteration/load': endpoint(P.loadIterationSchema, loadIteration, makeDeps),
    'iteration/decide': endpoint(P.decideSchema, decide, makeDeps),
    'iteration/decisions': endpoint(P.decisionsSchema, listDecisions, makeDeps),
    'iteration/issue-types': endpoint(emptyPayload, listCreatableIssueTypes, makeDeps),
    'iteration/create-issue': endpoint(P.createDecisionIssueSchema, createDecisionIssue, makeDeps),
    'kpi/chart': endpoint(P.chartSchema, kpiChart, makeDeps),
    'kpi/chart-year': endpoint(P.chartYearSchema, kpiChartYear, makeDeps),
    'kpi/measure': endpoint(P.measureSchema, measure, makeDeps),
    'kpi/unmeasure': endpoint(P.unmeasureSchema, unmeasure, makeDeps),
    'kpi/measurement': endpoint(P.measurementSchema, measurementDetail, makeDeps),
    'kpi/set-jql': endpoint(P.setKpiJqlSchema, setKpiJql, makeDeps),
    'kpi/preview-jql': endpoint(P.previewJqlSchema, previewKpiJql, makeDeps),
    'kpi/confirm-outlier': endpoint(P.confirmOutlierSchema, confirmOutlier, makeDeps),
    'feedback/create': endpoint(P.createFeedbackSchema, createFeedback, makeDeps),
    'feedback/list': endpoint(P.listFeedbackSchema, listFeedback, makeDeps),
    'feedback/delete': endpoint(P.deleteFeedbackSchema, deleteFeedback, makeDeps),
    'feedback/classify': endpoint(P.classifyFeedbackSchema, classifyFeedback, makeDeps),
    'feedback/cadence': endpoint(P.feedbackCadenceSchema, setFeedbackCadence, makeDeps),
  };
}
