/**
 * The macro's `adfExport` function: Confluence calls it once per macro when a page is exported to PDF
 * or Word, with the macro's context (its config in `context.extension.config`); it answers an ADF
 * document. The exporting user comes from the context or Forge's principal.
 */
import { exportMacro } from '../use-cases/macro/export-macro';
import { macroCallerFrom } from './macro-context';
import type { MacroDepsFactory } from './macro-resolver';

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, name) ? (o as Record<string, unknown>)[name] : undefined;

export function macroExportHandler(makeDeps: MacroDepsFactory) {
  return async (payload: unknown, runtime?: unknown): Promise<Record<string, unknown>> => {
    const context = field(payload, 'context') ?? {};
    const principal = field(field(runtime, 'principal'), 'accountId');
    const caller = macroCallerFrom({ ...(context as object), accountId: field(context, 'accountId') ?? principal });
    const site = field(context, 'siteUrl');
    const siteUrl = typeof site === 'string' && /^https:\/\/[^/]+$/.test(site.replace(/\/+$/, '')) ? site.replace(/\/+$/, '') : null;
    return exportMacro(makeDeps(caller.accountId), caller, siteUrl);
  };
}
