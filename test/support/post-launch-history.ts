/**
 * Years of post-launch history written straight into a store, as the app itself lays it out (yearly
 * buckets, one key per measurement with its first revision, feedback with its index copies, digest
 * counts), without going through thousands of resolver calls. For the storage tests and the benchmark.
 */
import type { Feedback, FeedbackSource, Launch, MeasurementItem, Sentiment } from '../../src/contract/post-launch/post-launch';
import { addDays, yearOf } from '../../src/domain/post-launch/days';
import { emptyBucket, withDay, type YearBucket } from '../../src/domain/post-launch/kpi-series';
import { countFeedback, emptyDigest, type LaunchDigest } from '../../src/domain/post-launch/launch-digest';
import type { KeyValueStore, StoreOperation } from '../../src/ports';
import { newestFirstInstant, plKeys } from '../../src/storage/post-launch-keys';

const OPS_PER_TRANSACTION = 24;

async function writeAll(store: KeyValueStore, ops: StoreOperation[]): Promise<void> {
  for (let i = 0; i < ops.length; i += OPS_PER_TRANSACTION) await store.transact(ops.slice(i, i + OPS_PER_TRANSACTION));
}

/** Daily values of each KPI from `from` to `to` (both included): buckets, and each day's measurement key. */
export async function seedDailyMeasurements(
  store: KeyValueStore,
  projectId: string,
  kpiIds: readonly string[],
  options: { from: string; to: string; by: string; value: (kpiIndex: number, dayIndex: number) => number },
): Promise<number> {
  let count = 0;
  const latest: Record<string, { date: string; value: number }> = {};
  for (const [k, kpiId] of kpiIds.entries()) {
    const buckets = new Map<number, YearBucket>();
    const ops: StoreOperation[] = [];
    let last: { date: string; value: number } | null = null;
    for (let d = 0, day = options.from; day <= options.to; d++, day = addDays(day, 1)) {
      const value = options.value(k, d);
      last = { date: day, value };
      const year = yearOf(day);
      buckets.set(year, withDay(buckets.get(year) ?? emptyBucket(kpiId, year), day, [value, 0]));
      const item: MeasurementItem = { kpiId, date: day, value, note: '', source: 'manual', by: options.by, at: `${day}T09:00:00.000Z`, revision: 1, action: 'created' };
      ops.push({ kind: 'set', key: plKeys.measurement(projectId, kpiId, day), value: item });
      ops.push({ kind: 'set', key: plKeys.measurementRevision(projectId, kpiId, day, 1), value: item });
      count += 1;
    }
    await writeAll(store, ops);
    for (const bucket of buckets.values()) await store.set(plKeys.bucket(projectId, kpiId, bucket.year), { ...bucket, rev: 1 });
    if (last) latest[kpiId] = last;
  }
  await store.set(plKeys.kpiLatest(projectId), { rev: 1, values: latest });
  return count;
}

const SOURCES: FeedbackSource[] = ['interview', 'survey', 'support', 'analytics', 'other'];
const SENTIMENTS: Sentiment[] = ['positive', 'neutral', 'negative'];

/** `count` feedback items spread over a launch's iterations (newest last), and the digest's counts. */
export async function seedFeedback(
  store: KeyValueStore,
  projectId: string,
  launch: Launch,
  options: { count: number; goalId: string; kpiIds: readonly string[]; by: string },
): Promise<void> {
  const ops: StoreOperation[] = [];
  let digest: LaunchDigest = (await store.get<LaunchDigest>(plKeys.digest(projectId, launch.id))) ?? emptyDigest(launch);
  for (let i = 0; i < options.count; i++) {
    const iteration = launch.iterations[i % launch.iterations.length]!;
    const at = new Date(Date.parse(`${iteration.start}T08:00:00Z`) + i * 60_000).toISOString();
    const f: Feedback = {
      id: `${newestFirstInstant(at)}-fb${i}`,
      source: SOURCES[i % SOURCES.length]!,
      text: `Feedback ${i}: ${'the new flow is quicker than calling support. '.repeat(3)}`,
      sentiment: SENTIMENTS[Math.floor(i / launch.iterations.length) % SENTIMENTS.length]!,
      goalId: options.goalId,
      kpiId: options.kpiIds[i % options.kpiIds.length]!,
      launchId: launch.id,
      iterationId: iteration.id,
      by: options.by,
      at,
    };
    for (const key of [
      plKeys.feedback(projectId, f.id),
      plKeys.feedbackByIteration(projectId, iteration.id, f.id),
      plKeys.feedbackByKpi(projectId, f.kpiId!, f.id),
      plKeys.feedbackByGoal(projectId, options.goalId, f.id),
    ])
      ops.push({ kind: 'set', key, value: f });
    digest = countFeedback(digest, iteration.id, f.sentiment, 1);
  }
  await writeAll(store, ops);
  await store.set(plKeys.digest(projectId, launch.id), { ...digest, rev: digest.rev + 1 });
}
