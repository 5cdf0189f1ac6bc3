/**
 * Every key the Confluence macro and its config screen invoke (function `macro-resolver`). Like
 * `endpoint`, but the caller is a macro caller: the account, and the macro's config from the context.
 */
import { fail, type Result } from '../contract';
import * as M from '../contract/macro/macro';
import { toFieldIssues } from '../contract/shared/schemas';
import { JiraError, passConsentThrough } from '../ports';
import { listMacroProjects } from '../use-cases/macro/list-macro-projects';
import { listMacroVersions } from '../use-cases/macro/list-macro-versions';
import { loadMacro } from '../use-cases/macro/load-macro';
import type { MacroCaller, MacroDeps } from '../use-cases/macro/macro-caller';
import { unexpected, type Handler } from './endpoint';
import { macroCallerFrom } from './macro-context';

/** Builds the ports for one macro invocation, given who is calling. */
export type MacroDepsFactory = (accountId: string | null) => MacroDeps;

interface PayloadSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string }> } };
}

export const JIRA_NOT_CONNECTED_MESSAGE =
  'This Confluence site cannot reach Jira for the Product vision app yet. The app is installed in Jira; a site admin can connect Confluence to the same installation in Atlassian Administration (Apps › Connected apps).';

/** A thrown "Jira not connected" becomes its own answer; everything else as any endpoint does. */
export function macroUnexpected(error: unknown): Result<never> {
  if (error instanceof JiraError && error.code === 'NOT_CONNECTED') return fail('JIRA_NOT_CONNECTED', JIRA_NOT_CONNECTED_MESSAGE);
  return unexpected(error);
}

export function macroEndpoint<T>(
  schema: PayloadSchema<T>,
  run: (deps: MacroDeps, caller: MacroCaller, input: T) => Promise<Result<unknown>>,
  makeDeps: MacroDepsFactory,
): Handler {
  return async ({ payload, context }) => {
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) return fail('VALIDATION_FAILED', 'Some fields need attention.', { fields: toFieldIssues(parsed.error.issues) });
    const caller = macroCallerFrom(context);
    try {
      return await run(makeDeps(caller.accountId), caller, parsed.data);
    } catch (error) {
      passConsentThrough(error);
      return macroUnexpected(error);
    }
  };
}

export function macroHandlers(makeDeps: MacroDepsFactory): Record<(typeof M.MACRO_KEYS)[number], Handler> {
  return {
    'macro/load': macroEndpoint(M.macroLoadSchema, (deps, caller) => loadMacro(deps, caller), makeDeps),
    'macro/projects': macroEndpoint(M.macroProjectsSchema, listMacroProjects, makeDeps),
    'macro/versions': macroEndpoint(M.macroVersionsSchema, listMacroVersions, makeDeps),
  };
}
