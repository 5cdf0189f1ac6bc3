/**
 * The app's entry points, exactly the handlers `manifest.yml` names (function keys in brackets).
 */
import { dailyTriggerHandler, forgeDeps, queueConsumerHandler } from './adapters/forge/forge-runtime';
import { toForgeResolver } from './adapters/forge/forge-resolver';
import { forgeMacroDeps, macroExport as macroExportHandler } from './adapters/forge/forge-macro';
import { jiraHandlers } from './resolvers/jira-resolver';
import { macroHandlers } from './resolvers/macro-resolver';

/** [jira-resolver] project settings page, project page, issue panel. */
export const jiraResolver = toForgeResolver(jiraHandlers(forgeDeps));

/** [daily-trigger] the daily scheduled trigger. */
export const dailyTrigger = dailyTriggerHandler;

/** [job-consumer] the background job queue's consumer. */
export const jobConsumer = queueConsumerHandler;

/** [macro-resolver] the Confluence macro and its config screen. */
export const macroResolver = toForgeResolver(macroHandlers(forgeMacroDeps));

/** [macro-export] the macro in PDF and Word exports of a Confluence page (its `adfExport`). */
export const macroExport = macroExportHandler;
