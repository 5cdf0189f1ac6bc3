/**
 * Test builder for the Confluence macro: the test app (Jira resolver over a fresh store and simulated
 * site) plus the macro resolver and its export function on the same site, invoked as a Confluence
 * page would, with the macro's config in the context.
 */
import { toForgeResolver } from '../../src/adapters/forge/forge-resolver';
import { localMacroDeps } from '../../devtools/local/local-macro';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import type { Result } from '../../src/contract';
import type { Clock } from '../../src/ports';
import { macroExportHandler } from '../../src/resolvers/macro-export';
import { macroHandlers } from '../../src/resolvers/macro-resolver';
import { createTestApp, type Role } from './local-app';

export const macroContext = (config: unknown, over: Record<string, unknown> = {}) => ({
  moduleKey: 'vision-macro',
  localId: 'macro-local-1',
  siteUrl: 'https://example.atlassian.net',
  extension: {
    type: 'macro',
    content: { id: '65537', type: 'page' },
    space: { id: '98305', key: 'VISION' },
    isEditing: false,
    ...(config === undefined ? {} : { config }),
  },
  ...over,
});

export const PV_CONFIG = { projectId: '10000', projectKey: 'PV', projectName: 'Customer Portal', sections: ['vision', 'goals', 'coverage', 'iteration'], version: 'latest' };

export function createMacroTestApp(options: { clock?: Clock } = {}) {
  const app = createTestApp(options);
  let connected = true;
  const makeDeps = localMacroDeps({ site: app.site, sleep: async () => undefined, jiraConnected: () => connected, ...(options.clock ? { clock: options.clock } : {}) });
  const definitions = toForgeResolver(macroHandlers(makeDeps));
  const exporter = macroExportHandler(makeDeps);
  const accountOf = (role: Role) => (role === 'anonymous' ? undefined : DEMO_USERS[role]);

  async function callMacro(role: Role, key: string, payload: unknown, config: unknown): Promise<Result<any>> {
    const accountId = accountOf(role);
    return (await definitions(
      { call: { functionKey: key, payload }, context: macroContext(config) } as never,
      { principal: accountId ? { accountId } : undefined } as never,
    )) as Result<any>;
  }

  /** `callMacro` through the Forge bundle and the real SDKs (the platform plays Jira's connection). */
  async function callMacroBundled(role: Role, key: string, payload: unknown, config: unknown): Promise<Result<any>> {
    const platform = app.forge();
    platform.conditions.jiraConnected = connected;
    return (await platform.resolve({ functionKey: key, payload, context: macroContext(config), accountId: accountOf(role) ?? null })) as Result<any>;
  }

  /** What Confluence's export calls: `{ context }` with the macro's config; the user as Forge's principal. */
  const exportAs = (role: Role, config: unknown) => {
    const accountId = accountOf(role);
    return exporter({ context: macroContext(config) }, { principal: accountId ? { accountId } : undefined });
  };

  return { ...app, callMacro, callMacroBundled, exportAs, setJiraConnected: (value: boolean) => (connected = value) };
}
