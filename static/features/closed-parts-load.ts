/** The settings page's lazy chunk (closed-parts.ts) with its CSS: fetched once, on the first opening of a part. */
import { chunkStyles, once } from '../shared/lazy';

export const closedParts = once(() => Promise.all([import('./closed-parts'), chunkStyles('closed-parts')]).then(([m]) => m));
