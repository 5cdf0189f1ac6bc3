/**
 * The one assembly of the ports a use case gets, for Forge (./forge-*.ts) and for the local runtime
 * (devtools/local) alike: given a store, a way to reach Jira and a queue, it builds the Jira client
 * with the time budget of the kind of invocation it serves.
 */
import { asApp } from '../adapters/jira/as-app';
import { createJiraClient } from '../adapters/jira/jira-rest-client';
import { createRetryFeed } from '../adapters/jira/retry-feed';
import { randomIds, systemClock } from '../adapters/system';
import type { AppInfo } from '../domain/shared/jira-links';
import type { Clock, Deps, IdGenerator, JobQueue, KeyValueStore, PersonalDataReporter } from '../ports';
import type { JiraHttp } from '../ports/jira-http.port';
import type { MacroDeps } from '../use-cases/macro/macro-caller';

/**
 * How long Jira retries may go on: a resolver has 25 s in all; a queue event's step stops at 40 s of a
 * longer limit; the macro keeps well inside its resolver's 25 s.
 */
export const JIRA_BUDGET_MS = { resolver: 20_000, job: 50_000, macro: 15_000 } as const;

export interface RetryTuning {
  /** Injected so tests never wait; with it no deadline applies (no time passes). */
  sleep?: (ms: number) => Promise<void>;
  /** How long one Jira call may hang before it fails (the client's default otherwise). */
  timeoutMs?: number;
}

export interface PortParts {
  store: KeyValueStore;
  /** Jira as the invoking user (resolvers) or as anyone (jobs call it as the app). */
  jiraHttp: JiraHttp;
  queue: JobQueue;
  clock?: Clock;
  ids?: IdGenerator;
  personalData?: PersonalDataReporter;
  retry?: RetryTuning;
  /** The app's ids for links to its project page (resolvers; null when the runtime does not say). */
  app?: AppInfo | null;
}

function retryOptions(tuning: RetryTuning = {}, budgetMs: number) {
  return {
    ...(tuning.sleep ? { sleep: tuning.sleep } : { deadline: Date.now() + budgetMs }),
    ...(tuning.timeoutMs !== undefined ? { timeoutMs: tuning.timeoutMs } : {}),
  };
}

/** The ports of one resolver invocation: Jira as the user. */
export function composeResolverDeps(p: PortParts): Deps {
  return {
    store: p.store,
    jira: createJiraClient(p.jiraHttp, retryOptions(p.retry, JIRA_BUDGET_MS.resolver)),
    clock: p.clock ?? systemClock,
    ids: p.ids ?? randomIds,
    queue: p.queue,
    ...(p.app !== undefined ? { app: p.app } : {}),
  };
}

/** The ports of one background event or trigger: no user, so Jira as the app, with back-off notices. */
export function composeJobDeps(p: PortParts): Deps {
  const retries = createRetryFeed();
  return {
    store: p.store,
    jira: createJiraClient(asApp(p.jiraHttp), { ...retryOptions(p.retry, JIRA_BUDGET_MS.job), onRetry: retries.publish }),
    clock: p.clock ?? systemClock,
    ids: p.ids ?? randomIds,
    queue: p.queue,
    jiraRetries: retries,
    ...(p.personalData ? { personalData: p.personalData } : {}),
  };
}

/** The Confluence macro's ports: Jira as the viewer, and the app's ids for links to its project page. */
export function composeMacroDeps(p: { jiraHttp: JiraHttp; app: AppInfo | null; clock?: Clock; retry?: RetryTuning }): MacroDeps {
  return {
    jira: createJiraClient(p.jiraHttp, retryOptions(p.retry, JIRA_BUDGET_MS.macro)),
    clock: p.clock ?? systemClock,
    app: p.app,
  };
}
