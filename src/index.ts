/**
 * The app's entry points, exactly the handlers `manifest.yml` names (function keys in brackets).
 * Each loads its code with a dynamic `import()` on first use (webpack makes those separate chunk
 * files), so a cold invocation loads only what it runs; the Jira resolver does so per group of keys.
 */
import { toLazyForgeResolver } from './adapters/forge/forge-resolver';
import { JIRA_KEY_GROUPS } from './resolvers/jira-key-groups';

const forgeDeps = () => import('./adapters/forge/forge-deps').then((m) => m.forgeDeps);

/** [jira-resolver] project settings page, project page, issue panel. */
export const jiraResolver = toLazyForgeResolver(JIRA_KEY_GROUPS, {
  vision: async () => (await import('./resolvers/vision-handlers')).visionHandlers(await forgeDeps()),
  alignment: async () => (await import('./resolvers/alignment-handlers')).alignmentHandlers(await forgeDeps()),
  publishing: async () => (await import('./resolvers/publishing-handlers')).publishingHandlers(await forgeDeps()),
  postLaunch: async () => (await import('./resolvers/post-launch-resolver')).postLaunchHandlers(await forgeDeps()),
  transfer: async () => (await import('./resolvers/transfer-handlers')).transferHandlers(await forgeDeps()),
});

/** [daily-trigger] the daily scheduled trigger. */
export const dailyTrigger: typeof import('./adapters/forge/forge-runtime').dailyTriggerHandler = async () =>
  (await import('./adapters/forge/forge-runtime')).dailyTriggerHandler();

/** [job-consumer] the background job queue's consumer. */
export const jobConsumer: typeof import('./adapters/forge/forge-runtime').queueConsumerHandler = async (event) =>
  (await import('./adapters/forge/forge-runtime')).queueConsumerHandler(event);

/** [macro-resolver] the Confluence macro and its config screen. */
export const macroResolver = async (...args: Parameters<typeof import('./adapters/forge/forge-macro').macroResolver>) =>
  (await import('./adapters/forge/forge-macro')).macroResolver(...args);

/** [macro-export] the macro in PDF and Word exports of a Confluence page (its `adfExport`). */
export const macroExport = async (...args: Parameters<typeof import('./adapters/forge/forge-macro').macroExport>) =>
  (await import('./adapters/forge/forge-macro')).macroExport(...args);

/** [privacy-trigger] the weekly personal data sweep (Atlassian's user privacy guidelines). */
export const privacyTrigger: typeof import('./adapters/forge/forge-privacy-trigger').privacyTriggerHandler = async () =>
  (await import('./adapters/forge/forge-privacy-trigger')).privacyTriggerHandler();
