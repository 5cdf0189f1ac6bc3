/**
 * What a storage module needs from a use case's ports: the key-value store. Use cases pass their whole
 * `deps` and never name the store themselves, so every read and write of it lives under src/storage/.
 */
import type { Deps } from '../ports';

export type StorageDeps = Pick<Deps, 'store'>;
