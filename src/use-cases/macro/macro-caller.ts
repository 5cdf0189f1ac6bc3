/**
 * Who is asking from a Confluence macro, and what the macro is set to show. A macro's context has no
 * Jira project: the project is in the macro's config, which anyone who can edit the page can write
 * (even by hand), so it is checked with the contract's schema and never trusted for access: Jira
 * decides, as the viewer.
 */
import type { MacroConfig, MacroProblem } from '../../contract/macro/macro';
import type { FieldIssue } from '../../contract/shared/result';
import type { AppInfo } from '../../domain/shared/jira-links';
import type { Deps } from '../../ports';

export type ConfigRead =
  | { ok: true; config: MacroConfig }
  | { ok: false; reason: Extract<MacroProblem, 'missing-config' | 'invalid-config'>; fields: FieldIssue[] };

export interface MacroCaller {
  accountId: string | null;
  config: ConfigRead;
}

/** The ports a macro needs: Jira (as the viewer, and as the app for one existence check), the clock, the app's ids for links. */
export type MacroDeps = Pick<Deps, 'jira' | 'clock'> & { app: AppInfo | null };
