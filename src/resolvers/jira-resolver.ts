/** Every key the Jira surfaces (project settings page, project page, issue panel, dashboard gadget) invoke. */
import type { JIRA_KEYS } from '../contract/keys';
import { alignmentHandlers } from './alignment-handlers';
import type { DepsFactory, Handler } from './endpoint';
import { publishingHandlers } from './publishing-handlers';
import { postLaunchHandlers } from './post-launch-resolver';
import { transferHandlers } from './transfer-handlers';
import { intakeHandlers } from './intake-handlers';
import { portfolioHandlers } from './portfolio-handlers';
import { visionHandlers } from './vision-handlers';
import { guidedGadgetHandlers } from './guided-gadget-handlers';

export function jiraHandlers(makeDeps: DepsFactory): Record<(typeof JIRA_KEYS)[number], Handler> {
  return {
    ...visionHandlers(makeDeps),
    ...alignmentHandlers(makeDeps),
    ...publishingHandlers(makeDeps),
    ...postLaunchHandlers(makeDeps),
    ...transferHandlers(makeDeps),
    ...intakeHandlers(makeDeps),
    ...portfolioHandlers(makeDeps),
    ...guidedGadgetHandlers(makeDeps),
  };
}
