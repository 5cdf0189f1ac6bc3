/**
 * Reads a dashboard gadget's invocation: the account from Forge's principal, the project from the
 * gadget's configuration (`context.extension.gadgetConfiguration`), checked with the contract's schema.
 * Whoever edits the dashboard writes that configuration, so it only names the project: Jira decides,
 * as the viewer, whether they may browse it.
 */
import { gadgetConfigSchema } from '../contract/gadget/gadget';
import type { Caller } from '../ports';
import { callerFrom } from './caller';

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, name) ? (o as Record<string, unknown>)[name] : undefined;

/** @example gadgetCallerFrom({ accountId: 'a', extension: { gadgetConfiguration: { projectId: '10000', projectKey: 'PV' } } }).project // { id: '10000', key: 'PV' } */
export function gadgetCallerFrom(context: unknown): Caller {
  const { accountId } = callerFrom(context);
  const parsed = gadgetConfigSchema.safeParse(field(field(context, 'extension'), 'gadgetConfiguration'));
  return { accountId, project: parsed.success ? { id: parsed.data.projectId, key: parsed.data.projectKey } : null, issue: null };
}
