import type { KeyValueStore } from './store.port';
import type { JiraPort } from './jira.port';
import type { Clock, IdGenerator } from './clock.port';

export * from './store.port';
export * from './jira.port';
export * from './jira-http.port';
export * from './clock.port';

/** Everything a use case may touch. */
export interface Deps {
  store: KeyValueStore;
  jira: JiraPort;
  clock: Clock;
  ids: IdGenerator;
}

/** Who is asking, and where: read from the invocation context, never from a payload. */
export interface Caller {
  accountId: string | null;
  project: { id: string; key: string } | null;
}
export * from './job-queue.port';
