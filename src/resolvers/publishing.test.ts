/**
 * Draft and published vision through the real resolvers: publish, history, diff, restore, the
 * summary written to Jira for the Confluence macro, the review flags, the migration of visions saved
 * before publishing existed, and the defined outcomes: publishing without changes, restoring the
 * current version, two admins publishing at once.
 */
import { localDeps } from '../../devtools/local/local-runtime';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import { SqliteStore } from '../../devtools/local/sqlite-store';
import { SUMMARY_PROPERTY, versionSummaryProperty } from '../contract/vision/publishing';
import type { KeyValueStore } from '../ports';
import { publishVision } from '../use-cases/vision/publish-vision';
import { storageKeys } from '../storage/keys';
import { createTestApp, goalInput, kpiInput, PV, visionInput } from '../../test/support/local-app';
import { seedDemoSite } from '../../devtools/simulated-jira';

type App = ReturnType<typeof createTestApp>;

const pvProperty = (app: App, key: string) => app.site.projects.find((p) => p.key === 'PV')!.properties.get(key) as any;

async function ok<T = any>(p: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`Expected ok, got ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** Draft revision 1 saved by the admin, with a goal and a KPI. */
async function drafted(options: Parameters<typeof createTestApp>[0] = {}) {
  const app = createTestApp(options);
  await ok(app.call('admin', 'vision/save', visionInput()));
  await ok(app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 }));
  await ok(app.call('admin', 'kpi/create', { kpi: kpiInput('id-1'), baseRevision: 1 }));
  return app;
}

describe('publishing the draft', () => {
  it('makes the draft the current version with who, when and the note, and readers see it', async () => {
    const app = await drafted();
    const before = await ok(app.call('member', 'project/load', {}));
    expect(before.published).toBeNull();

    const out = await ok(app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'First agreed version' }));
    expect(out).toMatchObject({ created: true, summary: 'written', published: { version: 1, publishedBy: DEMO_USERS.admin, changeNote: 'First agreed version', draftRevision: 1 } });
    expect(Date.parse(out.published.publishedAt)).not.toBeNaN();

    const asMember = await ok(app.call('member', 'project/load', {}));
    expect(asMember.vision).toBeNull();
    expect(asMember.published).toMatchObject({ version: 1, statement: visionInput().statement });
    expect(asMember.people.map((p: { displayName: string }) => p.displayName)).toContain('Maya Lindqvist');
  });

  it('keeps the draft private until it is published again', async () => {
    const app = await drafted();
    await ok(app.call('admin', 'vision/publish', { baseRevision: 1 }));
    await ok(app.call('admin', 'vision/save', { ...visionInput(1), statement: 'A sharper statement.' }));
    const asMember = await ok(app.call('member', 'project/load', {}));
    expect(asMember.published.statement).toBe(visionInput().statement);
    const asAdmin = await ok(app.call('admin', 'project/load', {}));
    expect(asAdmin.vision.statement).toBe('A sharper statement.');
    expect(asAdmin.published.statement).toBe(visionInput().statement);
  });

  it('writes the summary the macro reads to Jira project properties, as the admin, with account ids and no names', async () => {
    const app = await drafted();
    await ok(app.call('admin', 'vision/publish', { baseRevision: 1 }));
    const latest = pvProperty(app, SUMMARY_PROPERTY);
    expect(JSON.stringify(latest)).not.toContain('Maya Lindqvist');
    expect(latest).toMatchObject({
      schema: 2,
      version: 1,
      project: { id: '10000', key: 'PV' },
      vision: { statement: visionInput().statement },
      goals: [{ title: 'Cut support calls', ownerAccountId: DEMO_USERS.admin, kpis: [{ name: 'Support calls per week', status: 'no-data' }] }],
      versions: [{ version: 1 }],
      truncated: false,
    });
    expect(pvProperty(app, versionSummaryProperty(1))).toEqual(latest);
    expect(app.site.calls['PUT /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}']).toBe(2);
    expect(JSON.stringify(latest).length).toBeLessThan(32_768);
  });

  it('publishing without changes makes no new version and writes the summary again', async () => {
    const app = await drafted();
    await ok(app.call('admin', 'vision/publish', { baseRevision: 1 }));
    app.site.projects.find((p) => p.key === 'PV')!.properties.delete(SUMMARY_PROPERTY);
    const again = await ok(app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'nothing new' }));
    expect(again).toMatchObject({ created: false, summary: 'written', published: { version: 1, changeNote: '' } });
    expect(pvProperty(app, SUMMARY_PROPERTY)).toMatchObject({ version: 1 });
    const versions = await ok(app.call('member', 'vision/versions', {}));
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('answers CONFLICT with the current draft when the draft changed since the admin opened it', async () => {
    const app = await drafted();
    await ok(app.call('admin', 'vision/save', { ...visionInput(1), horizon: '2030' }));
    const before = await app.snapshot();
    const stale = await app.call('admin', 'vision/publish', { baseRevision: 1 });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'CONFLICT', details: { current: { revision: 2, horizon: '2030' } } });
    expect(await app.snapshot()).toEqual(before);
  });

  it('refuses to publish when there is no draft, and refuses members', async () => {
    const app = createTestApp();
    const nothing = await app.call('admin', 'vision/publish', { baseRevision: 0 });
    expect(!nothing.ok && nothing.error.code).toBe('NOT_FOUND');
    const app2 = await drafted();
    const member = await app2.call('member', 'vision/publish', { baseRevision: 1 });
    expect(!member.ok && member.error.code).toBe('FORBIDDEN');
  });

  it('still publishes when Jira refuses the summary, says so, and a publish again repairs it', async () => {
    const app = await drafted();
    app.site.faults.failNext = [{ status: 500, count: 2, operation: 'PUT /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}' }];
    const out = await ok(app.call('admin', 'vision/publish', { baseRevision: 1 }));
    expect(out).toMatchObject({ created: true, summary: 'failed', published: { version: 1 } });
    expect(pvProperty(app, SUMMARY_PROPERTY)).toBeUndefined();
    const repaired = await ok(app.call('admin', 'vision/publish', { baseRevision: 1 }));
    expect(repaired).toMatchObject({ created: false, summary: 'written' });
    expect(pvProperty(app, SUMMARY_PROPERTY)).toMatchObject({ version: 1 });
  });
});

describe('publishing with unsaved edits (the form saves them first, then publishes that revision)', () => {
  it('publishes the edits just saved, with the note; the revision before the save is refused as draft-changed', async () => {
    const app = await drafted();
    await ok(app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'First' }));
    // The admin edits the statement and presses publish: the form saves first…
    const saved = await ok(app.call('admin', 'vision/save', { ...visionInput(1), statement: 'Edited just before publishing.' }));
    expect(saved.revision).toBe(2);
    // …a publish still naming the revision the form started from would be refused, nothing made…
    const stale = await app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'Typed note' });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'draft-changed', current: { revision: 2 }, published: { version: 1 } } });
    // …so it publishes the revision the save answered: a new version with the edits and the note.
    const out = await ok(app.call('admin', 'vision/publish', { baseRevision: saved.revision, changeNote: 'Typed note' }));
    expect(out).toMatchObject({ created: true, published: { version: 2, statement: 'Edited just before publishing.', changeNote: 'Typed note', draftRevision: 2 } });
  });

  it('without edits, publishing again makes nothing new and records no note (the panel keeps it)', async () => {
    const app = await drafted();
    await ok(app.call('admin', 'vision/publish', { baseRevision: 1 }));
    const again = await ok(app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'Not used' }));
    expect(again).toMatchObject({ created: false, published: { version: 1, changeNote: '' } });
  });
});

describe('two admins publishing at once', () => {
  it('lets one win; the other gets CONFLICT with the version that won, and nothing is lost (interleaved)', async () => {
    const app = await drafted();
    const results = await Promise.all([
      app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'Maya' }),
      app.call('siteAdmin' as never, 'vision/publish', { baseRevision: 1, changeNote: 'Site admin' }),
    ]);
    const winners = results.filter((r) => r.ok && r.data.created);
    const losers = results.filter((r) => !r.ok);
    // Either they really raced (one CONFLICT) or ran one after the other (the second found nothing new).
    expect(winners).toHaveLength(1);
    for (const l of losers) expect(!l.ok && l.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'published-meanwhile', current: { version: 1 }, winner: { version: 1 } } });
    const versions = await ok(app.call('member', 'vision/versions', {}));
    expect(versions.versions).toHaveLength(1);
  });

  it('is decided by the claim on the version number when both read before either writes (deterministic)', async () => {
    const site = seedDemoSite();
    const inner = new SqliteStore(':memory:');
    // Both publishers must reach the claim of version 1 before either may make it.
    let arrived = 0;
    let release!: () => void;
    const bothThere = new Promise<void>((r) => (release = r));
    const store: KeyValueStore = Object.assign(Object.create(inner), {
      setIfAbsent: async (key: string, value: unknown) => {
        if (key.includes(':vision-pub:')) {
          arrived += 1;
          if (arrived === 2) release();
          await bothThere;
        }
        return inner.setIfAbsent(key, value);
      },
    });
    let n = 0;
    const makeDeps = localDeps({ store, site, ids: { next: () => `id-${++n}` }, sleep: async () => undefined });
    const caller = (accountId: string) => ({ accountId, project: { id: PV.id, key: PV.key } });
    const saved = await (await import('../use-cases/vision/save-vision')).saveVision(makeDeps(caller(DEMO_USERS.admin)), caller(DEMO_USERS.admin), visionInput());
    expect(saved.ok).toBe(true);

    const [a, b] = await Promise.all([
      publishVision(makeDeps(caller(DEMO_USERS.admin)), caller(DEMO_USERS.admin), { baseRevision: 1, changeNote: 'A' }),
      publishVision(makeDeps(caller(DEMO_USERS.siteAdmin)), caller(DEMO_USERS.siteAdmin), { baseRevision: 1, changeNote: 'B' }),
    ]);
    expect(arrived).toBe(2);
    const won = [a, b].filter((r) => r.ok);
    const lost = [a, b].filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.ok ? won[0]!.data.published : null;
    expect(!lost[0]!.ok && lost[0]!.error).toMatchObject({ code: 'CONFLICT', details: { current: { version: 1, changeNote: winner?.changeNote } } });
    // The loser is told which version won: its number, who and when (the UI names them and keeps the loser's note).
    expect(!lost[0]!.ok && lost[0]!.error.details).toMatchObject({
      reason: 'published-meanwhile',
      winner: { version: 1, publishedBy: winner?.publishedBy, publishedAt: winner?.publishedAt, changeNote: winner?.changeNote },
    });
    expect(winner?.publishedBy).not.toBe(lost[0] === a ? DEMO_USERS.admin : DEMO_USERS.siteAdmin);
    const stored = await inner.query(storageKeys.publishedVersionPrefix(PV.id), { limit: 20 });
    expect(stored.results.map((r) => (r.value as { changeNote: string }).changeNote)).toEqual([winner?.changeNote]);
  });
});

describe('history: versions, diff, restore', () => {
  /** Versions 1 (horizon 2028), 2 (horizon 2030, a bet), 3 (new statement); the draft at revision 3. */
  async function threeVersions() {
    const app = await drafted();
    await ok(app.call('admin', 'vision/publish', { baseRevision: 1, changeNote: 'First' }));
    await ok(
      app.call('admin', 'vision/save', {
        ...visionInput(1),
        horizon: '2030',
        bets: [{ kind: 'assumption', text: 'Customers prefer self-service', ownerAccountId: DEMO_USERS.admin, reviewBy: '2026-06-30' }],
        reviewCadenceDays: 60,
      }),
    );
    await ok(app.call('admin', 'vision/publish', { baseRevision: 2, changeNote: 'Longer horizon' }));
    await ok(app.call('admin', 'vision/save', { ...visionInput(2), horizon: '2030', statement: 'Every customer helps themselves in minutes.' }));
    await ok(app.call('admin', 'vision/publish', { baseRevision: 3, changeNote: 'Sharper statement' }));
    return app;
  }

  it('lists every published version newest first, for readers too', async () => {
    const app = await threeVersions();
    const page = await ok(app.call('viewer', 'vision/versions', {}));
    expect(page.versions.map((v: any) => [v.version, v.changeNote])).toEqual([
      [3, 'Sharper statement'],
      [2, 'Longer horizon'],
      [1, 'First'],
    ]);
    expect(page.nextCursor).toBeNull();
    const outsider = await app.call('outsider', 'vision/versions', {});
    expect(!outsider.ok && outsider.error.code).toBe('NO_ACCESS');
  });

  it('keeps bets and the cadence with the draft when the vision form saves only the text', async () => {
    const app = await threeVersions();
    const view = await ok(app.call('admin', 'project/load', {}));
    expect(view.vision.bets).toHaveLength(1);
    expect(view.vision.reviewCadenceDays).toBe(60);
    expect(view.published.bets[0]).toMatchObject({ kind: 'assumption', id: expect.any(String) });
  });

  it('diffs any two versions field by field, word by word', async () => {
    const app = await threeVersions();
    const d = await ok(app.call('member', 'vision/diff', { from: 1, to: 3 }));
    expect(d.from).toMatchObject({ ref: 1, label: 'Version 1', changeNote: 'First' });
    expect(d.to).toMatchObject({ ref: 3, label: 'Version 3' });
    const changed = d.fields.filter((f: any) => f.changed).map((f: any) => f.field);
    expect(changed).toEqual(['statement', 'horizon', 'reviewCadenceDays']);
    const horizon = d.fields.find((f: any) => f.field === 'horizon');
    expect(horizon.segments).toEqual([
      { op: 'del', text: '2028' },
      { op: 'add', text: '2030' },
    ]);
    expect(d.bets.map((b: any) => b.change)).toEqual(['added']);
    expect(d.changes).toBe(4);
    const backwards = await ok(app.call('member', 'vision/diff', { from: 3, to: 1 }));
    expect(backwards.bets.map((b: any) => b.change)).toEqual(['removed']);
  });

  it('diffs the draft only for admins, and says which version is missing', async () => {
    const app = await threeVersions();
    await ok(app.call('admin', 'vision/save', { ...visionInput(3), horizon: '2032', statement: 'Every customer helps themselves in minutes.' }));
    const asAdmin = await ok(app.call('admin', 'vision/diff', { from: 3, to: 'draft' }));
    expect(asAdmin.fields.filter((f: any) => f.changed).map((f: any) => f.field)).toEqual(['horizon']);
    const asMember = await app.call('member', 'vision/diff', { from: 3, to: 'draft' });
    expect(!asMember.ok && asMember.error.code).toBe('FORBIDDEN');
    const missing = await app.call('member', 'vision/diff', { from: 9, to: 3 });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'NOT_FOUND', message: 'Version 9 of the vision does not exist.' });
    const junk = await app.call('member', 'vision/diff', { from: 'latest', to: 0 });
    expect(!junk.ok && junk.error.code).toBe('VALIDATION_FAILED');
  });

  it('restores an old version as the new draft, keeping every draft revision and every version', async () => {
    const app = await threeVersions();
    const out = await ok(app.call('admin', 'vision/restore', { version: 1, baseRevision: 3 }));
    expect(out).toMatchObject({ changed: true, draft: { revision: 4, restoredFrom: 1, horizon: '2028', statement: visionInput().statement, bets: [], reviewCadenceDays: 90 } });
    // Published is untouched until an admin publishes the restored draft.
    const asMember = await ok(app.call('member', 'project/load', {}));
    expect(asMember.published).toMatchObject({ version: 3 });
    const drafts = await ok(app.call('admin', 'vision/history', {}));
    expect(drafts.revisions.map((r: any) => r.revision)).toEqual([4, 3, 2, 1]);
    const published = await ok(app.call('admin', 'vision/publish', { baseRevision: 4, changeNote: 'Back to the first' }));
    expect(published).toMatchObject({ created: true, published: { version: 4, horizon: '2028' } });
    const same = await ok(app.call('member', 'vision/diff', { from: 1, to: 4 }));
    expect(same.changes).toBe(0);
  });

  it('restoring the version the draft already has writes nothing and says so', async () => {
    const app = await threeVersions();
    const before = await app.snapshot();
    const out = await ok(app.call('admin', 'vision/restore', { version: 3, baseRevision: 3 }));
    expect(out).toMatchObject({ changed: false, draft: { revision: 3 } });
    expect(await app.snapshot()).toEqual(before);
  });

  it('refuses to restore an unknown version, a stale draft, or for a member', async () => {
    const app = await threeVersions();
    const before = await app.snapshot();
    const unknown = await app.call('admin', 'vision/restore', { version: 7, baseRevision: 3 });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    const stale = await app.call('admin', 'vision/restore', { version: 1, baseRevision: 2 });
    expect(!stale.ok && stale.error).toMatchObject({ code: 'CONFLICT', details: { current: { revision: 3 } } });
    const member = await app.call('member', 'vision/restore', { version: 1, baseRevision: 3 });
    expect(!member.ok && member.error.code).toBe('FORBIDDEN');
    expect(await app.snapshot()).toEqual(before);
  });
});

describe('a vision saved before publishing existed', () => {
  const legacy = {
    statement: 'Customers find answers themselves.',
    targetUsers: 'Retail customers',
    problem: '',
    valueProposition: '',
    horizon: '2027',
    revision: 2,
    updatedBy: DEMO_USERS.admin,
    updatedAt: '2025-10-01T09:00:00.000Z',
  };

  async function withLegacy() {
    const app = createTestApp();
    await app.store.set(storageKeys.vision(PV.id), legacy);
    await app.store.set(storageKeys.visionRevision(PV.id, 2), legacy);
    return app;
  }

  it('reads as published version 1, so readers lose nothing', async () => {
    const app = await withLegacy();
    const view = await ok(app.call('member', 'project/load', {}));
    expect(view.published).toMatchObject({ version: 1, statement: legacy.statement, legacy: true, publishedBy: DEMO_USERS.admin });
    const versions = await ok(app.call('member', 'vision/versions', {}));
    expect(versions.versions).toEqual([expect.objectContaining({ version: 1, legacy: true })]);
  });

  it('stays version 1 when an admin edits the draft; the next publish is version 2', async () => {
    const app = await withLegacy();
    await ok(app.call('admin', 'vision/save', { ...visionInput(2) }));
    const view = await ok(app.call('member', 'project/load', {}));
    expect(view.published).toMatchObject({ version: 1, statement: legacy.statement });
    const out = await ok(app.call('admin', 'vision/publish', { baseRevision: 3 }));
    expect(out.published).toMatchObject({ version: 2, statement: visionInput().statement });
    const diff = await ok(app.call('member', 'vision/diff', { from: 1, to: 2 }));
    expect(diff.fields.find((f: any) => f.field === 'statement').changed).toBe(true);
  });

  it('publishing it unchanged keeps it as version 1 and writes its summary', async () => {
    const app = await withLegacy();
    const out = await ok(app.call('admin', 'vision/publish', { baseRevision: 2 }));
    expect(out).toMatchObject({ created: false, summary: 'written', published: { version: 1, legacy: true } });
    expect(await app.store.get(storageKeys.publishedVersion(PV.id, 1))).toMatchObject({ version: 1 });
    expect(pvProperty(app, SUMMARY_PROPERTY)).toMatchObject({ version: 1, vision: { statement: legacy.statement } });
  });
});

describe('bets and review', () => {
  it('validates bets and cadence, next to the field', async () => {
    const app = await drafted();
    const bad = await app.call('admin', 'vision/save', {
      ...visionInput(1),
      bets: [{ kind: 'hunch', text: '', ownerAccountId: null, reviewBy: '2026-13-01' }],
      reviewCadenceDays: 3,
    });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION_FAILED');
    const paths = !bad.ok ? bad.error.fields!.map((f) => f.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['bets.0.kind', 'bets.0.text', 'bets.0.reviewBy', 'reviewCadenceDays']));
  });

  it('flags on the project page a vision past its review date and a bet past its own', async () => {
    let now = new Date('2026-01-10T10:00:00Z');
    const app = await drafted({ clock: { now: () => now } });
    await ok(
      app.call('admin', 'vision/save', {
        ...visionInput(1),
        reviewCadenceDays: 30,
        bets: [
          { kind: 'assumption', text: 'Customers want self-service', ownerAccountId: DEMO_USERS.admin, reviewBy: '2026-01-20' },
          { kind: 'technology', text: 'The chatbot scales', ownerAccountId: null, reviewBy: '2026-12-31' },
        ],
      }),
    );
    await ok(app.call('admin', 'vision/publish', { baseRevision: 2 }));
    const fresh = await ok(app.call('member', 'project/load', {}));
    expect(fresh.review).toMatchObject({ dueOn: '2026-02-09', overdue: false, overdueBets: [], flagged: false });
    now = new Date('2026-01-25T10:00:00Z');
    const betDue = await ok(app.call('member', 'project/load', {}));
    expect(betDue.review).toMatchObject({ overdue: false, flagged: true, overdueBets: [{ kind: 'assumption', reviewBy: '2026-01-20' }] });
    now = new Date('2026-02-10T10:00:00Z');
    const due = await ok(app.call('member', 'project/load', {}));
    expect(due.review).toMatchObject({ overdue: true, flagged: true });
  });
});
