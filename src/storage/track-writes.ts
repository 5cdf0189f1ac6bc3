import type { KeyValueStore } from '../ports';
import { isCacheKey } from './keys';
import type { StorageDeps } from './storage-deps';

/**
 * The ports with a store that notes whether this invocation has written any data yet (caches such as permission
 * answers do not count): a failure after a write must not claim that nothing was changed.
 */
export function trackWrites<D extends StorageDeps>(deps: D): { deps: D; wrote: () => boolean } {
  const store = deps.store;
  let wrote = false;
  const note = (key: string) => {
    if (!isCacheKey(key)) wrote = true;
  };
  const tracked: KeyValueStore = {
    get: (key) => store.get(key),
    query: (prefix, options) => store.query(prefix, options),
    set: async (key, value) => {
      await store.set(key, value);
      note(key);
    },
    setIfAbsent: async (key, value, options) => {
      const written = await store.setIfAbsent(key, value, options);
      if (written) note(key);
      return written;
    },
    delete: async (key) => {
      await store.delete(key);
      note(key);
    },
    transact: async (operations) => {
      await store.transact(operations);
      for (const op of operations) note(op.key);
    },
  };
  return { deps: { ...deps, store: tracked }, wrote: () => wrote };
}
