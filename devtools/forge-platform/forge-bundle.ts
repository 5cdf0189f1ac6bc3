/**
 * The backend as `forge deploy` uploads it: build/backend, bundled by @forge/bundler
 * (tools/bundle-backend.cjs), and the handler each manifest function names.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { manifest, ROOT, uiModules } from './manifest';

export { ROOT };
export const BUNDLE_DIR = join(ROOT, 'build', 'backend');

export type ForgeFunction = (...args: unknown[]) => Promise<unknown>;

export interface ForgeBundle {
  /** Manifest function key (e.g. `jira-resolver`) → the exported handler it names. */
  functions: Record<string, ForgeFunction>;
  /** Module type → module key → its resolver's function key, from the manifest. */
  resolverOf(moduleKey: string): string | undefined;
  /** The Atlassian app a module runs in: macros in Confluence, the rest in Jira. */
  productOf(moduleKey: string): 'jira' | 'confluence';
}

export function loadForgeBundle(dir = BUNDLE_DIR): ForgeBundle {
  const functions: Record<string, ForgeFunction> = {};
  for (const f of (manifest.modules.function ?? []) as Array<{ key: string; handler: string }>) {
    const [module, name] = f.handler.split('.');
    const file = join(dir, `${module}.cjs`);
    if (!existsSync(file)) throw new Error(`No backend bundle at ${file}: run npm run build`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle path known only at run time
    const exported = require(file)[name];
    if (typeof exported !== 'function') throw new Error(`${file} does not export ${name}, which manifest function ${f.key} names`);
    functions[f.key] = exported;
  }
  const resolvers = new Map<string, string>();
  const products = new Map<string, 'jira' | 'confluence'>();
  for (const { type, module: m } of uiModules()) {
    if (m.resolver?.function) resolvers.set(m.key, m.resolver.function);
    products.set(m.key, type === 'macro' || type.startsWith('confluence:') ? 'confluence' : 'jira');
  }
  return { functions, resolverOf: (k) => resolvers.get(k), productOf: (k) => products.get(k) ?? 'jira' };
}
