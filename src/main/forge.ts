/**
 * The Forge functions the manifest names. Each loads its code with a dynamic `import()` on first use
 * (webpack makes those separate chunk files), so a cold invocation loads only what it runs; the Jira
 * resolver does so per group of keys.
 */
import { toLazyForgeResolver } from '../adapters/forge/forge-resolver';
import { JIRA_KEY_GROUPS } from '../resolvers/jira-key-groups';

const forgeDeps = () => import('./forge-deps').then((m) => m.forgeDeps);
const jobs = () => import('./forge-jobs');
const macro = () => import('./forge-macro');

/** [jira-resolver] project settings page, project page, issue panel. */
export const jiraResolver = toLazyForgeResolver(JIRA_KEY_GROUPS, {
  vision: async () => (await import('../resolvers/vision-handlers')).visionHandlers(await forgeDeps()),
  alignment: async () => (await import('../resolvers/alignment-handlers')).alignmentHandlers(await forgeDeps()),
  publishing: async () => (await import('../resolvers/publishing-handlers')).publishingHandlers(await forgeDeps()),
  postLaunch: async () => (await import('../resolvers/post-launch-resolver')).postLaunchHandlers(await forgeDeps()),
  intake: async () => (await import('../resolvers/intake-handlers')).intakeHandlers(await forgeDeps()),
  portfolio: async () => (await import('../resolvers/portfolio-handlers')).portfolioHandlers(await forgeDeps()),
  transfer: async () => (await import('../resolvers/transfer-handlers')).transferHandlers(await forgeDeps()),
  guidedGadget: async () => (await import('../resolvers/guided-gadget-handlers')).guidedGadgetHandlers(await forgeDeps()),
});

/** [daily-trigger] the daily scheduled trigger. */
export const dailyTrigger = async () => (await jobs()).dailyTriggerHandler();

/** [job-consumer] the background job queue's consumer. */
export const jobConsumer = async (event: Parameters<typeof import('./forge-jobs').queueConsumerHandler>[0]) => (await jobs()).queueConsumerHandler(event);

/** [privacy-trigger] the weekly personal data sweep. */
export const privacyTrigger = async () => (await jobs()).privacyTriggerHandler();

/** [macro-resolver] the Confluence macro and its config screen. */
export const macroResolver = async (...args: Parameters<typeof import('./forge-macro').macroResolver>) => (await macro()).macroResolver(...args);

/** [macro-export] the macro in PDF and Word exports of a Confluence page (its `adfExport`). */
export const macroExport = async (...args: Parameters<typeof import('./forge-macro').macroExport>) => (await macro()).macroExport(...args);
