/**
 * The macro's `adfExport` function: Confluence calls it once per macro when a page is exported, and
 * it answers an ADF document. Where the macro's config arrives is not the same for every export:
 * PDF exports send it in `payload.extensionPayload.config`, Word exports in `payload.context.config`
 * (as published Forge apps read it, e.g. ZenUml/conf-app src/export.js), and the macro's own view
 * context has it in `context.extension.config`; the first one present wins. The exporting user comes
 * from the context or Forge's principal.
 */
import { exportMacro } from '../use-cases/macro/export-macro';
import { macroCallerFrom } from './macro-context';
import type { MacroDepsFactory } from './macro-resolver';

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, name) ? (o as Record<string, unknown>)[name] : undefined;

const present = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0;

/** The macro's config from any of the places Confluence puts it in an export call. */
export function exportConfig(payload: unknown): unknown {
  const context = field(payload, 'context');
  const candidates = [field(field(payload, 'extensionPayload'), 'config'), field(context, 'config'), field(field(context, 'extension'), 'config')];
  return candidates.find(present) ?? candidates.find((c) => c !== undefined);
}

export function macroExportHandler(makeDeps: MacroDepsFactory) {
  return async (payload: unknown, runtime?: unknown): Promise<Record<string, unknown>> => {
    const context = field(payload, 'context') ?? {};
    const principal = field(field(runtime, 'principal'), 'accountId');
    const extension = field(context, 'extension');
    const caller = macroCallerFrom({
      ...(context as object),
      accountId: field(context, 'accountId') ?? principal,
      extension: { ...(typeof extension === 'object' && extension !== null ? extension : {}), config: exportConfig(payload) },
    });
    const site = field(context, 'siteUrl');
    const siteUrl = typeof site === 'string' && /^https:\/\/[^/]+$/.test(site.replace(/\/+$/, '')) ? site.replace(/\/+$/, '') : null;
    return exportMacro(makeDeps(caller.accountId), caller, siteUrl);
  };
}
