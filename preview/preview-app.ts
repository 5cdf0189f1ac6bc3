/**
 * The local preview: the backend bundle `forge deploy` uploads (build/backend), run through the real
 * Forge SDKs over the platform stand-in (devtools/forge-platform: embedded database file, simulated
 * Jira site, in-process queue), the production build of each surface with a stand-in bridge, and a
 * host page. `createPreview` is used by `npm start` and by the browser tests.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createForgePlatform, type ForgePlatform } from '../devtools/forge-platform/platform';
import { toForgeResolver, type BackendRuntimePayload } from '../src/adapters/forge/forge-resolver';
import { createLocalRuntime } from '../devtools/local/local-runtime';
import type { InProcessQueue } from '../devtools/local/in-process-queue';
import { isConsentRequest } from '../src/ports';
import { seedDemoSite, DEMO_USERS } from '../devtools/simulated-jira/seed';
import { registerManifestAliases } from '../devtools/forge-platform/manifest';
import type { JiraSite } from '../devtools/simulated-jira/site';
import { SqliteStore } from '../devtools/local/sqlite-store';
import { writeFileAtomic } from '../devtools/local/atomic-file';
import { jiraHandlers } from '../src/resolvers/jira-resolver';
import { createConfluenceHost } from './confluence';
import { forgeCsp } from './forge-csp';
import { forgeContext, isSurface, MACRO_LOCAL_ID, resourceOf, type PreviewProject, type SurfaceName } from './contexts';
import { seedDemoData } from './demo-data';
import { addPortfolioSite, DIRECTOR } from './portfolio-demo';
import type { InvokeRequest } from './demo-tools';
import { hostPage, previewLocale } from './host-page';
import { issueSearchPage } from './issue-search-page';
import { readJsonObject } from './request-body';
import { tokensCss } from './tokens-css';

const ROOT = resolve(__dirname, '..');

type Definitions = (call: { call: { functionKey: string; payload?: unknown }; context: unknown }, runtime?: BackendRuntimePayload) => Promise<unknown>;

export interface PreviewOptions {
  /** Folder of the embedded database file; created when missing. */
  dataDir: string;
  /** Extra latency per simulated Jira call. */
  jiraLatencyMs?: number;
  /** On a new data file, fill PV and MOB with a demo vision, goals and aligned epics (`npm start`). */
  demoData?: boolean;
}

export interface Preview {
  site: JiraSite;
  store: SqliteStore;
  users: Record<'admin' | 'member' | 'outsider', string>;
  /** The background queue: alignment passes run in it, in this process, through the bundle's consumer. */
  queue: InProcessQueue;
  /** The Forge platform stand-in the bundle runs on: its conditions (consent, proxy errors) and counts. */
  platform: ForgePlatform;
  /** Settles once the demo data (if asked for) is written. */
  ready: Promise<void>;
  /** The invoke endpoint without HTTP: what POST /api/invoke runs. */
  invoke(request: InvokeRequest): Promise<{ status: number; body: unknown }>;
  listen(port: number, host?: string): Promise<{ server: Server; url: string }>;
  close(): void;
}

export type { InvokeRequest };

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.map': 'application/json' };

export function createPreview(options: PreviewOptions): Preview {
  const site = seedDemoSite();
  addPortfolioSite(site);
  if (options.jiraLatencyMs) site.faults.latencyMs = options.jiraLatencyMs;
  registerManifestAliases(site);
  const file = join(options.dataDir, 'preview.sqlite');
  const fresh = !existsSync(file);
  const store = new SqliteStore(file);
  // Every request a user makes runs the Forge bundle through the real SDKs on the platform stand-in.
  const platform = createForgePlatform({ store, site });
  const queue = platform.queue;
  // The demo data is written "over the past two weeks" by the app's own use cases on a clock set back
  // (the bundle keeps the real time): only the seeding of a fresh data file runs that way.
  let clockOffsetMs = 0;
  const clock = { now: () => new Date(Date.now() - clockOffsetMs) };
  const seeding = createLocalRuntime({ store, site, clock });
  // The simulated Jira lives in memory; keep its issue properties (the goal links) beside the database.
  const propertiesFile = join(options.dataDir, 'jira-issue-properties.json');
  if (!fresh && existsSync(propertiesFile)) loadIssueProperties(site, propertiesFile);
  const seedingResolver = toForgeResolver(jiraHandlers(seeding.makeDeps)) as Definitions;
  // The Confluence macro's saved config, and the project properties publishing writes.
  const confluence = createConfluenceHost({ site, dataDir: options.dataDir, fresh });
  const users = { admin: DEMO_USERS.admin, member: DEMO_USERS.member, viewer: DEMO_USERS.viewer, director: DIRECTOR, siteAdmin: DEMO_USERS.siteAdmin, outsider: DEMO_USERS.outsider };

  const projects = (): PreviewProject[] =>
    site.projects.map((p) => {
      const epicType = p.issueTypes.find((t) => t.hierarchyLevel === 1) ?? p.issueTypes[0];
      const issue = site.issues.find((i) => i.projectId === p.id && i.issueTypeId === epicType.id) ?? site.issues.find((i) => i.projectId === p.id)!;
      return { id: p.id, key: p.key, type: p.projectTypeKey, name: p.name, firstIssue: { id: issue.id, key: issue.key, type: epicType.name, typeId: epicType.id } };
    });

  const afterwards = (request: InvokeRequest) => {
    if (/set-goal$/.test(request.functionKey)) saveIssueProperties(site, propertiesFile);
    if (request.functionKey === 'vision/publish') confluence.saveProjectProperties();
  };

  async function invoke(request: InvokeRequest): Promise<{ status: number; body: unknown }> {
    if (!platform.bundle.resolverOf(String(request.context?.moduleKey ?? ''))) return { status: 404, body: { message: `No resolver for module ${String(request.context?.moduleKey)}` } };
    try {
      const body = await platform.resolve({
        functionKey: request.functionKey,
        payload: request.payload,
        context: request.context,
        accountId: request.accountId,
        ...(request.jiraConnected === false ? { jiraConnected: false } : {}),
      });
      afterwards(request);
      return { status: 200, body };
    } catch (error) {
      // Forge shows its "Allow access" prompt when the consent request leaves the function.
      if (isConsentRequest(error)) return { status: 401, body: { consentRequired: true, message: 'This app needs your permission to act for you in Jira.' } };
      // Forge answers an unknown key or a crashed resolver with an error, not a result.
      return { status: 500, body: { message: error instanceof Error ? error.message : String(error) } };
    }
  }

  /** The demo data's path: the app's resolvers on the set-back clock (never what a user's request runs). */
  async function seedInvoke(request: InvokeRequest): Promise<{ status: number; body: unknown }> {
    const body = await seedingResolver(
      { call: { functionKey: request.functionKey, payload: request.payload }, context: request.context },
      { principal: request.accountId ? { accountId: request.accountId } : undefined },
    );
    afterwards(request);
    return { status: 200, body };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    // The preview's own errors: JSON `{ code, message }`; the connection closes after them (a refused body may be unread).
    const sendError = (status: number, error: { code: string; message: string }) => {
      res.setHeader('Connection', 'close');
      send(status, MIME['.json'], JSON.stringify(error));
    };
    const userId = (name: string | null) => (name && name in users ? users[name as keyof typeof users] : name === 'anonymous' ? null : users.admin);

    if (req.method === 'POST' && url.pathname === '/api/invoke') {
      const body = await readJsonObject(req, INVOKE_BODY_LIMIT, INVOKE_SHAPE);
      if (!body.ok) return sendError(body.status, body.error);
      const request = invokeRequestOf(body.value);
      if (!request) return sendError(400, { code: 'BAD_REQUEST', message: `Body must be ${INVOKE_SHAPE}` });
      const { status, body: answer } = await invoke(request);
      return send(status, MIME['.json'], JSON.stringify(answer ?? null));
    }
    if (req.method === 'POST' && url.pathname === '/preview/macro-config') {
      // What Confluence does with the config screen's `view.submit({ config })`: keep it with the page.
      const body = await readJsonObject(req, 16_384, '{ localId, config }');
      if (!body.ok) return sendError(body.status, body.error);
      const { localId, config } = body.value;
      const saved = typeof localId === 'string' && localId === MACRO_LOCAL_ID && confluence.saveConfig(localId, config);
      return send(saved ? 200 : 400, MIME['.json'], JSON.stringify({ saved }));
    }
    if (req.method === 'POST' && url.pathname === '/preview/consent') {
      // Forge's consent flow: the user allowed (or, for the switch, has not allowed) the app to act for them.
      const body = await readJsonObject(req, 1024, '{ user, allowed }');
      if (!body.ok) return sendError(body.status, body.error);
      const { user, allowed } = body.value;
      const account = typeof user === 'string' && user in users ? users[user as keyof typeof users] : null;
      if (!account || typeof allowed !== 'boolean') return send(400, MIME['.json'], JSON.stringify({ message: 'Name a demo user and allowed: true or false' }));
      if (allowed) platform.conditions.consentPending.delete(account);
      else platform.conditions.consentPending.add(account);
      return send(200, MIME['.json'], JSON.stringify({ allowed }));
    }
    if (req.method !== 'GET') return send(405, 'text/plain', 'Method not allowed');
    // Jira's issue search, where "See them in Jira" links lead: the simulated site's answer for that JQL.
    if (url.pathname === '/issues/' || url.pathname === '/issues')
      return send(200, MIME['.html'], await issueSearchPage(site, url.searchParams.get('jql') ?? '', userId(url.searchParams.get('user'))));
    if (url.pathname === '/') {
      const ps = projects();
      const choice = {
        surface: isSurface(url.searchParams.get('surface') ?? '') ? url.searchParams.get('surface')! : 'settings',
        user: url.searchParams.get('user') ?? 'admin',
        project: ps.some((p) => p.key === url.searchParams.get('project')) ? url.searchParams.get('project')! : ps[0].key,
        theme: url.searchParams.get('theme') === 'dark' ? ('dark' as const) : ('light' as const),
        jira: url.searchParams.get('jira') === 'off' ? ('off' as const) : ('on' as const),
        consent: url.searchParams.get('consent') === 'pending' ? ('pending' as const) : ('allowed' as const),
        locale: previewLocale(url.searchParams.get('locale')),
      };
      // The access switch: the chosen user has (not yet) allowed the app to act for them.
      const account = userId(choice.user);
      if (account && url.searchParams.has('consent')) {
        if (choice.consent === 'pending') platform.conditions.consentPending.add(account);
        else platform.conditions.consentPending.delete(account);
      }
      const userList = [
        { id: 'admin', label: `${site.users.get(users.admin)?.displayName} — project admin` },
        { id: 'member', label: `${site.users.get(users.member)?.displayName} — member` },
        { id: 'viewer', label: `${site.users.get(users.viewer)?.displayName} — browses PV only` },
        { id: 'director', label: `${site.users.get(users.director)?.displayName} — IT director` },
        { id: 'siteAdmin', label: `${site.users.get(users.siteAdmin)?.displayName} — Jira administrator` },
        { id: 'outsider', label: `${site.users.get(users.outsider)?.displayName} — no access` },
      ];
      return send(200, MIME['.html'], hostPage(choice, userList, ps.map((p) => ({ key: p.key, name: site.projects.find((x) => x.key === p.key)!.name }))));
    }
    if (url.pathname === '/preview/bridge.js') return send(200, MIME['.js'], readFileSync(join(__dirname, 'bridge-stand-in.js')));
    // What Forge would give the surface (context, who is signed in), as a script of its own: see the surface's index.html below.
    if (url.pathname === '/preview/context.js') {
      return send(200, MIME['.js'], `window.__preview=${JSON.stringify(parsedOrNull(url.searchParams.get('preview'))).replace(/</g, '\\u003c')};`);
    }
    if (url.pathname === '/preview/tokens.css') return send(200, MIME['.css'], tokensCss());
    const surfaceMatch = /^\/surface\/([a-z-]+)\/(.*)$/.exec(url.pathname);
    if (surfaceMatch && isSurface(surfaceMatch[1])) {
      const surface = surfaceMatch[1] as SurfaceName;
      const buildDir = join(ROOT, 'static', resourceOf(surface), 'build');
      const file = normalize(join(buildDir, surfaceMatch[2] || 'index.html'));
      if (!file.startsWith(buildDir) || !existsSync(file) || !statSync(file).isFile())
        return send(404, 'text/plain', `Not built: run npm run build (${surface}/${surfaceMatch[2]})`);
      if (file.endsWith('index.html')) {
        const project = projects().find((p) => p.key === url.searchParams.get('project')) ?? projects()[0];
        const accountId = userId(url.searchParams.get('user'));
        const theme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
        const preview = {
          context: forgeContext(surface, accountId, project, theme, confluence.config(MACRO_LOCAL_ID), previewLocale(url.searchParams.get('locale'))),
          principal: accountId,
          tokensHref: '/preview/tokens.css',
          jira: url.searchParams.get('jira') === 'off' ? 'off' : 'on',
        };
        // Scripts from the preview's own origin, not inline: Forge's policy allows no inline script.
        const contextSrc = `/preview/context.js?${new URLSearchParams({ preview: JSON.stringify(preview) }).toString()}`;
        const inject = `<script src="${contextSrc.replace(/&/g, '&amp;')}"></script><script src="/preview/bridge.js"></script>`;
        const html = readFileSync(file, 'utf8');
        res.setHeader('Content-Security-Policy', forgeCsp(html, `http://${req.headers.host ?? '127.0.0.1'}`));
        return send(200, MIME['.html'], html.includes('<!-- forge-bridge -->') ? html.replace('<!-- forge-bridge -->', inject) : html.replace('<head>', `<head>${inject}`));
      }
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      return createReadStream(file).pipe(res);
    }
    return send(404, 'text/plain', 'Not found');
  }

  const ready =
    options.demoData && fresh
      ? seedDemoData({
          invoke: seedInvoke,
          setDaysAgo: (days) => {
            clockOffsetMs = days * 86_400_000;
          },
          drain: () => seeding.queue.drain(),
          issueId: (key) => site.issues.find((i) => i.key === key)!.id,
        })
          // What the seeding queued last (the Confluence figures' refresh) runs before the preview is ready.
          .then(async () => void (await seeding.queue.drain()))
          .finally(() => {
            clockOffsetMs = 0;
          })
      : Promise.resolve();

  return {
    site,
    store,
    users,
    queue,
    platform,
    ready,
    invoke,
    listen(port, host = '127.0.0.1') {
      const server = createServer((req, res) => {
        handle(req, res).catch((error) => {
          // A fault of the preview itself (never of what the client sent): still an answer, not a reset.
          if (res.headersSent) return void res.end();
          res.writeHead(500, { 'Content-Type': MIME['.json'], Connection: 'close' });
          res.end(JSON.stringify({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }));
        });
      });
      return new Promise((done) => server.listen(port, host, () => {
        const address = server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        done({ server, url: `http://${host}:${actual}` });
      }));
    },
    close: () => {
      // Background work still queued must not run on a closed store.
      seeding.queue.stop();
      queue.stop();
      store.close();
    },
  };
}

function saveIssueProperties(site: JiraSite, file: string) {
  const all = Object.fromEntries(site.issues.filter((i) => i.properties.size > 0).map((i) => [i.key, Object.fromEntries(i.properties)]));
  writeFileAtomic(file, JSON.stringify(all, null, 1));
}

function loadIssueProperties(site: JiraSite, file: string) {
  try {
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const issue of site.issues) issue.properties = new Map(Object.entries(all[issue.key] ?? {}));
  } catch (error) {
    console.warn(`Ignoring ${file}:`, error instanceof Error ? error.message : error);
  }
}

const INVOKE_BODY_LIMIT = 1024 * 1024;
const INVOKE_SHAPE = '{ functionKey, payload, context, accountId }';

/** The invoke endpoint's body as the bridge stand-in sends it, or null when a field has the wrong type. */
function invokeRequestOf(body: Record<string, unknown>): InvokeRequest | null {
  const { functionKey, payload, context, accountId, jiraConnected } = body;
  if (typeof functionKey !== 'string') return null;
  if (context !== undefined && (typeof context !== 'object' || context === null || Array.isArray(context))) return null;
  if (accountId !== undefined && accountId !== null && typeof accountId !== 'string') return null;
  if (jiraConnected !== undefined && typeof jiraConnected !== 'boolean') return null;
  return {
    functionKey,
    payload,
    context: (context ?? {}) as InvokeRequest['context'],
    accountId: accountId ?? null,
    ...(jiraConnected === undefined ? {} : { jiraConnected }),
  };
}

function parsedOrNull(text: string | null): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}
