/**
 * The platform stand-in held to what the real SDKs send and expect: @forge/kvs, @forge/api
 * (requestJira as user and app, the consent and proxy errors, privacy), @forge/events (Queue.push),
 * each called exactly as the app calls them, inside an invocation of the stand-in.
 */
import api, { privacy, route } from '@forge/api';
import { Queue } from '@forge/events';
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { DEMO_USERS, seedDemoSite } from '../simulated-jira/seed';
import { SqliteStore } from '../local/sqlite-store';
import { createForgePlatform } from './platform';

function setup() {
  const store = new SqliteStore(':memory:');
  const site = seedDemoSite();
  const closed = new Set<string>();
  const platform = createForgePlatform({ store, site, queueOptions: { auto: false }, closedAccounts: () => closed });
  const asMember = <T>(fn: () => Promise<T>) => platform.within({ accountId: DEMO_USERS.member, product: 'jira' }, fn);
  return { store, site, platform, closed, asMember };
}

describe('KVS through @forge/kvs', () => {
  it('gets, sets, deletes, queries with a cursor and runs transactions on the embedded store', async () => {
    const { store, asMember } = setup();
    await asMember(async () => {
      expect(await kvs.get('a:1')).toBeUndefined();
      await kvs.set('a:1', { n: 1 });
      await kvs.set('a:2', { n: 2 });
      await kvs.set('b:1', 'other');
      expect(await kvs.get('a:1')).toEqual({ n: 1 });
      const first = await kvs.query().where('key', WhereConditions.beginsWith('a:')).limit(1).getMany();
      expect(first.results).toHaveLength(1);
      expect(first.nextCursor).toBeDefined();
      const rest = await kvs.query().where('key', WhereConditions.beginsWith('a:')).limit(20).cursor(first.nextCursor!).getMany();
      expect([...first.results, ...rest.results].map((r) => r.key).sort()).toEqual(['a:1', 'a:2']);
      await kvs.transact().set('t:1', 1).set('t:2', 2).delete('a:2').execute();
      await kvs.delete('a:1');
      await kvs.delete('never-there'); // Forge answers KEY_NOT_FOUND; the SDK treats it as done
    });
    expect(await store.get('t:2')).toBe(2);
    expect(await store.get('a:1')).toBeUndefined();
    expect(await store.get('a:2')).toBeUndefined();
  });

  it("refuses what Forge refuses, with the service's codes", async () => {
    const { asMember } = setup();
    await asMember(async () => {
      await expect(kvs.set('bad key!', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
      await expect(kvs.set('big', 'x'.repeat(241 * 1024))).rejects.toMatchObject({ code: 'MAX_SIZE' });
      await expect(kvs.query().limit(21).getMany()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await kvs.set('claimed', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
      await expect(kvs.set('claimed', 2, { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toBeInstanceOf(ForgeKvsAPIError);
      expect(await kvs.get('claimed')).toBe(1);
    });
  });

  it('answers injected 429 and 5xx as the service would, once each', async () => {
    const { platform, asMember } = setup();
    platform.kvs.faults.push({ status: 429, code: 'RATE_LIMIT_EXCEEDED' });
    await asMember(async () => {
      await expect(kvs.get('x')).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429 } });
      await expect(kvs.get('x')).resolves.toBeUndefined();
    });
  });
});

describe('requestJira through @forge/api', () => {
  it('answers as the invoking user, or as the app', async () => {
    const { asMember } = setup();
    await asMember(async () => {
      const me = await api.asUser().requestJira(route`/rest/api/3/myself`);
      expect(me.status).toBe(200);
      expect((await me.json()).accountId).toBe(DEMO_USERS.member);
      const app = await api.asApp().requestJira(route`/rest/api/3/project/search`);
      expect(app.status).toBe(200);
    });
  });

  it('throws NeedsAuthenticationError for a user who has not allowed access; the app is not affected', async () => {
    const { platform, asMember } = setup();
    platform.conditions.consentPending.add(DEMO_USERS.member);
    await asMember(async () => {
      await expect(api.asUser().requestJira(route`/rest/api/3/myself`)).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
      expect((await api.asApp().requestJira(route`/rest/api/3/project/search`)).status).toBe(200);
    });
  });

  it('throws ProxyRequestError with the reason of an injected proxy error', async () => {
    const { platform, asMember } = setup();
    platform.conditions.proxyErrors.push({ reason: 'SOME_REASON', status: 502 });
    await asMember(async () => {
      await expect(api.asUser().requestJira(route`/rest/api/3/myself`)).rejects.toMatchObject({ name: 'PROXY_ERR', errorCode: 'SOME_REASON', status: 502 });
    });
  });

  it('refuses Jira to a Confluence invocation when Jira is not connected', async () => {
    const { platform } = setup();
    platform.conditions.jiraConnected = false;
    const call = () => api.asUser().requestJira(route`/rest/api/3/myself`);
    await expect(platform.within({ accountId: DEMO_USERS.member, product: 'confluence' }, call)).rejects.toMatchObject({ name: 'REQUEST_EGRESS_ALLOWLIST_ERR' });
    await expect(platform.within({ accountId: DEMO_USERS.member, product: 'jira' }, call)).resolves.toMatchObject({ status: 200 });
  });

  it('has no platform outside an invocation', async () => {
    setup();
    await expect(api.asApp().requestJira(route`/rest/api/3/myself`)).rejects.toThrow(/outside any invocation/);
  });
});

describe('@forge/events and privacy', () => {
  it('accepts a Queue.push (201) and holds the events for the consumer', async () => {
    const { platform, asMember } = setup();
    const { jobId } = await asMember(() => new Queue({ key: 'background-jobs' }).push([{ body: { type: 'noop-a' } }, { body: { type: 'noop-b' } }]));
    expect(jobId).toMatch(/[0-9a-f-]{36}/);
    expect(platform.queue.size).toBe(2);
    expect(platform.calls.stargate).toBe(1);
  });

  it('answers privacy.reportPersonalData with the closed accounts only, in batches of 90', async () => {
    const { closed, platform, asMember } = setup();
    closed.add('acc-closed-1').add('acc-closed-95');
    const accounts = Array.from({ length: 100 }, (_, i) => ({ accountId: `acc-${i === 1 ? 'closed-1' : i === 95 ? 'closed-95' : i}`, updatedAt: '2026-01-01T00:00:00Z' }));
    const answers = await asMember(() => privacy.reportPersonalData(accounts));
    expect(answers.map((a) => a.accountId).sort()).toEqual(['acc-closed-1', 'acc-closed-95']);
    expect(answers.every((a) => a.status === 'closed')).toBe(true);
    expect(platform.calls.stargate).toBe(2);
  });
});
