/** Background work: jobs pushed to the app's queue and run by its consumer, each well inside its time limit. */
export interface BackgroundJob {
  type: string;
  [field: string]: unknown;
}

export interface JobQueue {
  push(jobs: BackgroundJob[]): Promise<void>;
}

/** Which delivery of an event this is: the queue retries a failed event up to `maxRetries` times. */
export interface JobAttempt {
  retryCount: number;
  maxRetries: number;
}
