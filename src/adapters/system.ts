/** The real clock and id source, for Forge and the local preview alike. */
import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../ports';

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { next: () => randomUUID() };
