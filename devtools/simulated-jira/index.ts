/** A simulated Jira Cloud site for local runs and tests. */
export { handleJiraRequest } from './handler';
export { seedDemoSite, DEMO_USERS, DEMO_PROJECTS, DEMO_CUSTOMERS, DEMO_GROUPS } from './seed';
export { registerPropertyAlias, indexPropertyPath } from './property-index';
export { ROUTES, operationKey } from './routes';
export { addBulkEpics, type BulkEpics } from './bulk';
export { STORY_POINTS_FIELD } from './representations';
export {
  addIssue,
  addUser,
  createSite,
  resetCalls,
  APP_ACCOUNT_ID,
  type JiraSite,
  type SimIssue,
  type SimProject,
  type SimUser,
  type SiteFaults,
  type InjectedFailure,
} from './site';
