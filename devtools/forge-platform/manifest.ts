/**
 * manifest.yml as the development tools read it: what installing the app declares on a Jira site
 * (the JQL aliases of its entity properties), and which resolver function each module uses.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { registerPropertyAlias } from '../simulated-jira/property-index';
import type { JiraSite } from '../simulated-jira/site';

export const ROOT = resolve(__dirname, '..', '..');

type Module = Record<string, any>;

export const manifest: { modules: Record<string, Module[]> } = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));

/** Declares the manifest's JQL aliases on the site, as installing the app does in Jira. */
export function registerManifestAliases(site: JiraSite): void {
  for (const module of manifest.modules['jira:entityProperty'] ?? [])
    for (const v of module.values) if (v.searchAlias) registerPropertyAlias(site, v.searchAlias, module.propertyKey, v.path);
}

/** Every module but the functions, with its type (e.g. `jira:projectPage`, `macro`). */
export const uiModules = (): Array<{ type: string; module: Module }> =>
  Object.entries(manifest.modules).flatMap(([type, modules]) => (type === 'function' ? [] : modules.map((module) => ({ type, module }))));
