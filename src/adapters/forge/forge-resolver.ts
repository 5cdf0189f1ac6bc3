/** Builds Forge resolver definitions from the app's handler map (one `define` per key). */
import Resolver from '@forge/resolver';
import type { Handler } from '../../resolvers/endpoint';

export function toForgeResolver(handlers: Record<string, Handler>) {
  const resolver = new Resolver();
  for (const [key, handle] of Object.entries(handlers)) resolver.define(key, (request) => handle(request));
  return resolver.getDefinitions();
}

/** What Forge passes as the second argument: the principal is where the caller's account id comes from. */
export interface BackendRuntimePayload {
  principal?: { accountId?: string };
  installContext?: string;
}
