/** Builds Forge resolver definitions from the app's handler map (one `define` per key). */
import Resolver from '@forge/resolver';
import { localized, translationLocale } from './localize';

/** The catalogue (and @forge/api's i18n) loads only when a call asks for a language other than English. */
const messageTranslator = (locale: unknown) => {
  const code = translationLocale(locale);
  return code ? import('./forge-messages').then((m) => m.messageTranslator(code)) : Promise.resolve(null);
};

/** One resolver key's handler: the app's resolvers have this shape (`src/resolvers/endpoint.ts`). */
type Handler = (request: { payload?: unknown; context?: unknown }) => Promise<unknown>;

export function toForgeResolver(handlers: Record<string, Handler>) {
  const resolver = new Resolver();
  for (const [key, handle] of Object.entries(handlers)) {
    const answer = localized(handle, messageTranslator);
    resolver.define(key, (request) => answer(request));
  }
  return resolver.getDefinitions();
}

/**
 * Like `toForgeResolver`, but a group's handlers are loaded (`load[group]()`, a dynamic import) on
 * the first call of one of its keys, so a cold invocation loads only the code of the key it runs.
 * Every key is still defined up front. A failed load is not kept: the next call tries again.
 */
export function toLazyForgeResolver<G extends string>(
  keysOf: Record<G, readonly string[]>,
  load: Record<G, () => Promise<Record<string, Handler>>>,
) {
  const resolver = new Resolver();
  const loaded = new Map<G, Promise<Record<string, Handler>>>();
  const handlersOf = (group: G) => {
    let handlers = loaded.get(group);
    if (!handlers) {
      handlers = load[group]();
      loaded.set(group, handlers);
      handlers.catch(() => loaded.delete(group));
    }
    return handlers;
  };
  for (const group of Object.keys(keysOf) as G[])
    for (const key of keysOf[group]) {
      const answer = localized(async (request) => (await handlersOf(group))[key](request), messageTranslator);
      resolver.define(key, (request) => answer(request));
    }
  return resolver.getDefinitions();
}

/** What Forge passes as the second argument: the principal is where the caller's account id comes from. */
export interface BackendRuntimePayload {
  principal?: { accountId?: string };
  installContext?: string;
}
