/**
 * Reads a macro invocation's context: the account from Forge's principal, the config from
 * `context.extension.config`, checked with the contract's schema (it is page content anyone who can
 * edit the page can write).
 */
import { macroConfigSchema, type MacroConfig } from '../contract/macro/macro';
import { toFieldIssues } from '../contract/shared/schemas';
import type { MacroCaller } from '../use-cases/macro/macro-caller';
import { callerFrom } from './caller';

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, name) ? (o as Record<string, unknown>)[name] : undefined;

/** @example macroCallerFrom({ accountId: 'a', extension: { config: { projectId: '10000', sections: ['vision'], version: 'latest' } } }) */
export function macroCallerFrom(context: unknown): MacroCaller {
  const { accountId } = callerFrom(context);
  const raw = field(field(context, 'extension'), 'config');
  const empty = raw === undefined || raw === null || (typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).length === 0);
  if (empty) return { accountId, config: { ok: false, reason: 'missing-config', fields: [] } };
  const parsed = macroConfigSchema.safeParse(raw);
  if (!parsed.success) return { accountId, config: { ok: false, reason: 'invalid-config', fields: toFieldIssues(parsed.error.issues) } };
  return { accountId, config: { ok: true, config: parsed.data as MacroConfig } };
}
