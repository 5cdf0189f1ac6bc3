import type { KeyValueStore } from './store.port';
import type { JiraPort } from './jira.port';
import type { Clock, IdGenerator } from './clock.port';
import type { JobQueue } from './job-queue.port';
import type { RetryFeed } from './jira.port';
import type { PersonalDataReporter } from './personal-data.port';
import type { AppInfo } from '../domain/shared/jira-links';

export * from './store.port';
export * from './jira.port';
export * from './jira-projects.port';
export * from './jira-site.port';
export * from './jira-http.port';
export * from './clock.port';
export * from './personal-data.port';

/** Everything a use case may touch. */
export interface Deps {
  store: KeyValueStore;
  jira: JiraPort;
  clock: Clock;
  ids: IdGenerator;
  /** The app's background job queue (long scans run as a chain of its events). */
  queue: JobQueue;
  /** Back-off notices from the Jira client, where the runtime offers them (background jobs). */
  jiraRetries?: RetryFeed;
  /** Atlassian's personal data reporting, where the runtime offers it (background jobs). */
  personalData?: PersonalDataReporter;
  /** The app's ids for links to its project page, where the runtime knows them (resolvers). */
  app?: AppInfo | null;
}

/** Who is asking, and where: read from the invocation context, never from a payload. */
export interface Caller {
  accountId: string | null;
  project: { id: string; key: string } | null;
  /** The issue a panel is open on (`context.extension.issue`), when there is one. */
  issue?: { id: string; key: string } | null;
}
export * from './job-queue.port';
export * from './platform-errors';
