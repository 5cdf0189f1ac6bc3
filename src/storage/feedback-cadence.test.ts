/**
 * The newest feedback date stays right through every save and delete, on the local store that enforces
 * Forge KVS's rules (and returns query pages in no promised order).
 */
import { SqliteStore } from '../../devtools/local/sqlite-store';
import type { Feedback } from '../contract/post-launch/post-launch';
import type { KeyValueStore } from '../ports';
import { deleteFeedbackItem, saveFeedback } from './feedback';
import { readFeedbackCadence, saveFeedbackCadenceDays } from './feedback-cadence';
import { newestFirstInstant, plKeys } from './post-launch-keys';

const P = '10001';
const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();
const item = (n: number, when: string, extra: Partial<Feedback> = {}): Feedback => ({
  id: `${newestFirstInstant(when)}-f${n}`,
  source: 'interview',
  text: `Feedback ${n}`,
  sentiment: 'neutral',
  goalId: null,
  kpiId: null,
  launchId: null,
  iterationId: null,
  by: `user-${n % 3}`,
  at: when,
  ...extra,
});

/** Counts the queries a store answers: a refill scan is the only thing that queries. */
function counting(store: KeyValueStore) {
  const counts = { query: 0 };
  const wrapped: KeyValueStore = {
    get: (k) => store.get(k),
    set: (k, v) => store.set(k, v),
    setIfAbsent: (k, v, o) => store.setIfAbsent(k, v, o),
    delete: (k) => store.delete(k),
    query: (p, o) => {
      counts.query++;
      return store.query(p, o);
    },
    transact: (ops) => store.transact(ops),
  };
  return { wrapped, counts };
}

describe('readFeedbackCadence: when the project last heard from users', () => {
  let store: SqliteStore;
  let deps: { store: KeyValueStore };
  let counts: { query: number };
  beforeEach(() => {
    store = new SqliteStore(':memory:');
    const c = counting(store);
    deps = { store: c.wrapped };
    counts = c.counts;
  });
  afterEach(() => store.close());

  it('has no date and the default cadence of 30 days before any feedback', async () => {
    expect(await readFeedbackCadence(deps, P)).toEqual({ newestAt: null, cadenceDays: 30 });
  });

  it('keeps the newest date as items arrive in any order, older ones (from Jira) included', async () => {
    await saveFeedback(deps, P, item(1, at(10)));
    await saveFeedback(deps, P, item(2, at(5)));
    expect((await readFeedbackCadence(deps, P)).newestAt).toBe(at(10));
    await saveFeedback(deps, P, item(3, at(12)));
    expect((await readFeedbackCadence(deps, P)).newestAt).toBe(at(12));
  });

  it('deleting the newest falls back to the one before it; deleting an older one changes nothing; the last leaves none', async () => {
    const a = item(1, at(1));
    const b = item(2, at(2));
    const c = item(3, at(3));
    for (const f of [b, c, a]) await saveFeedback(deps, P, f);
    await deleteFeedbackItem(deps, P, a);
    expect((await readFeedbackCadence(deps, P)).newestAt).toBe(at(3));
    await deleteFeedbackItem(deps, P, c);
    expect((await readFeedbackCadence(deps, P)).newestAt).toBe(at(2));
    await deleteFeedbackItem(deps, P, b);
    expect((await readFeedbackCadence(deps, P)).newestAt).toBeNull();
  });

  it('with more items than it lists, refills by one scan only when the listed ones are all deleted', async () => {
    const items = Array.from({ length: 45 }, (_, i) => item(i, at(1 + (i % 28), i % 24)));
    for (const f of items) await saveFeedback(deps, P, f);
    const byNewest = [...items].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x.id < y.id ? 1 : -1));
    const queriesBefore = counts.query;
    for (let i = 0; i < 44; i++) {
      await deleteFeedbackItem(deps, P, byNewest[i]!);
      expect((await readFeedbackCadence(deps, P)).newestAt).toBe(byNewest[i + 1]!.at);
    }
    // 45 items, 20 listed: refills after the 20th and the 40th delete (one scan each, 2 pages and 1 page).
    expect(counts.query - queriesBefore).toBe(3);
    await deleteFeedbackItem(deps, P, byNewest[44]!);
    expect((await readFeedbackCadence(deps, P)).newestAt).toBeNull();
  });

  it('an older item saved while the list is partial does not jump ahead of newer unlisted ones', async () => {
    const items = Array.from({ length: 25 }, (_, i) => item(i, at(i + 1)));
    for (const f of items) await saveFeedback(deps, P, f);
    // Items 24..5 are listed; delete 19 of them, so only item 5 is listed and 0..4 are not.
    for (let i = 24; i >= 6; i--) await deleteFeedbackItem(deps, P, items[i]!);
    await saveFeedback(deps, P, item(99, at(3, 12)));
    await deleteFeedbackItem(deps, P, items[5]!);
    expect((await readFeedbackCadence(deps, P)).newestAt).toBe(at(5)); // item 4, found by the refill
  });

  it('re-saving an item with new links moves its copies and keeps the date', async () => {
    const f = item(1, at(4), { goalId: 'g1' });
    await saveFeedback(deps, P, f);
    const moved = { ...f, goalId: 'g2', kpiId: 'k1' };
    await saveFeedback(deps, P, moved, f);
    expect(await store.get(plKeys.feedbackByGoal(P, 'g1', f.id))).toBeUndefined();
    expect(await store.get(plKeys.feedbackByGoal(P, 'g2', f.id))).toEqual(moved);
    expect(await store.get(plKeys.feedbackByKpi(P, 'k1', f.id))).toEqual(moved);
    expect(await readFeedbackCadence(deps, P)).toEqual({ newestAt: at(4), cadenceDays: 30 });
  });

  it('a project whose feedback was stored before the date was kept is scanned once, then read in one call', async () => {
    for (const f of [item(1, at(2)), item(2, at(8)), item(3, at(6))]) await store.set(plKeys.feedback(P, f.id), f);
    expect((await readFeedbackCadence(deps, P)).newestAt).toBe(at(8));
    const before = counts.query;
    expect((await readFeedbackCadence(deps, P)).newestAt).toBe(at(8));
    expect(counts.query).toBe(before);
  });

  it('a note that fails leaves the feedback write standing and the date read afresh, never wrong', async () => {
    await saveFeedback(deps, P, item(1, at(3)));
    let failures = 1;
    const flaky: KeyValueStore = {
      ...deps.store,
      get: (k) => deps.store.get(k),
      query: (p, o) => deps.store.query(p, o),
      transact: (ops) => deps.store.transact(ops),
      set: (k, v) => deps.store.set(k, v),
      delete: (k) => deps.store.delete(k),
      // The note's claim of the next revision fails once (an outage); the item's transaction went through.
      setIfAbsent: (k, v, o) => (failures-- > 0 ? Promise.reject(new Error('KVS down')) : deps.store.setIfAbsent(k, v, o)),
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await saveFeedback({ store: flaky }, P, item(2, at(9)));
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(await store.get(plKeys.feedback(P, item(2, at(9)).id))).toBeDefined();
    expect((await readFeedbackCadence(deps, P)).newestAt).toBe(at(9));
  });

  it('keeps the cadence the admin set across feedback writes, per project', async () => {
    await saveFeedbackCadenceDays(deps, P, 7);
    await saveFeedback(deps, P, item(1, at(9)));
    expect(await readFeedbackCadence(deps, P)).toEqual({ newestAt: at(9), cadenceDays: 7 });
    expect(await readFeedbackCadence(deps, '10002')).toEqual({ newestAt: null, cadenceDays: 30 });
  });
});
