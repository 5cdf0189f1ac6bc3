/** A tiny publish/subscribe for the Jira client's back-off notices (the port's RetryFeed). */
import type { RetryFeed, RetryListener, RetryNotice } from '../../ports/jira.port';

export interface RetryBroadcast extends RetryFeed {
  publish: (notice: RetryNotice) => Promise<void>;
}

export function createRetryFeed(): RetryBroadcast {
  const listeners = new Set<RetryListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async publish(notice) {
      for (const listener of [...listeners]) await listener(notice);
    },
  };
}
