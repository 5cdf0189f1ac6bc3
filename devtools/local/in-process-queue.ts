/**
 * The local JobQueue: pushed events run in this process, one at a time, after the push returns
 * (as on Forge, a push never runs the consumer inline). A failed event is retried like Forge retries
 * one, up to `maxRetries` times, with its retry count; then it is dropped. `drain()` runs everything
 * pending, for tests and benchmarks; with `auto: false` nothing runs until then.
 */
import type { BackgroundJob, JobAttempt, JobQueue } from '../../src/ports';

export type JobRunner = (body: BackgroundJob, attempt: JobAttempt) => Promise<unknown>;

export interface InProcessQueueOptions {
  /** Run events in the background as they are pushed (default); false: only on `drain()`. */
  auto?: boolean;
  maxRetries?: number;
  /** Forge refuses more than 50 events a push, and bodies over 200 KB together. */
  maxEventsPerPush?: number;
}

interface Pending {
  body: BackgroundJob;
  retryCount: number;
}

const MAX_PUSH_BYTES = 200 * 1024;

export class InProcessQueue implements JobQueue {
  /** Counters for tests and benchmarks: events run (retries included), failed runs, events dropped. */
  readonly stats = { pushed: 0, runs: 0, failures: 0, dropped: 0 };
  private readonly pending: Pending[] = [];
  private runner: JobRunner | null = null;
  private pumping: Promise<void> | null = null;
  private readonly auto: boolean;
  private readonly maxRetries: number;
  private readonly maxEventsPerPush: number;

  constructor(options: InProcessQueueOptions = {}) {
    this.auto = options.auto ?? true;
    this.maxRetries = options.maxRetries ?? 3;
    this.maxEventsPerPush = options.maxEventsPerPush ?? 50;
  }

  /** Sets the consumer; events pushed before stay pending until then. */
  connect(runner: JobRunner): void {
    this.runner = runner;
    if (this.auto && this.pending.length) this.schedule();
  }

  async push(jobs: BackgroundJob[]): Promise<void> {
    // The Forge adapter splits large pushes into pushes of 50; mirror that limit per call here.
    for (let i = 0; i < jobs.length; i += this.maxEventsPerPush) {
      const batch = jobs.slice(i, i + this.maxEventsPerPush);
      const bytes = Buffer.byteLength(JSON.stringify(batch));
      if (bytes > MAX_PUSH_BYTES) throw new Error(`A push of ${bytes} bytes is over the queue's 200 KB limit`);
      for (const body of batch) this.pending.push({ body: structuredClone(body), retryCount: 0 });
      this.stats.pushed += batch.length;
    }
    if (this.auto) this.schedule();
  }

  /** Runs pending events (and those they push) until none are left, or `maxEvents` have run. Answers how many ran. */
  async drain(maxEvents = 1_000_000): Promise<number> {
    const before = this.stats.runs;
    while (this.stats.runs - before < maxEvents) {
      if (this.pumping) await this.pumping;
      else if (this.pending.length) await this.pump(maxEvents - (this.stats.runs - before));
      else break;
    }
    return this.stats.runs - before;
  }

  /** Stops for good: pending events are dropped and nothing runs after (a closed preview's store is gone). */
  stop(): void {
    this.pending.length = 0;
    this.runner = null;
  }

  get size(): number {
    return this.pending.length;
  }

  private schedule(): void {
    if (this.pumping || !this.runner) return;
    setImmediate(() => void this.pump());
  }

  private pump(limit = Infinity): Promise<void> {
    if (this.pumping) return this.pumping;
    this.pumping = (async () => {
      let ran = 0;
      while (this.runner && this.pending.length && ran < limit) {
        const next = this.pending.shift()!;
        ran += 1;
        await this.runOne(next);
        // Yield, so that pushes and timers between events are seen as on a real queue.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private async runOne(event: Pending): Promise<void> {
    if (!this.runner) return;
    this.stats.runs += 1;
    try {
      await this.runner!(event.body, { retryCount: event.retryCount, maxRetries: this.maxRetries });
    } catch (error) {
      this.stats.failures += 1;
      if (event.retryCount < this.maxRetries) {
        this.pending.push({ body: event.body, retryCount: event.retryCount + 1 });
      } else {
        this.stats.dropped += 1;
        console.error(`A background job failed ${event.retryCount + 1} times and was dropped`, event.body.type, error);
      }
    }
  }
}
