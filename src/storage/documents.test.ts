/**
 * Schema versions of stored documents: stamped on write, read (and migrated) in one place. The real
 * migration: a vision stored before drafts and publishing existed (schema 1) reads as a draft with no bets
 * and the default cadence, and as published version 1 until a version is published.
 */
import { createTestApp, goalInput, PV, visionInput } from '../../test/support/local-app';
import { DEMO_USERS } from '../../devtools/simulated-jira/seed';
import { DEFAULT_REVIEW_CADENCE_DAYS } from '../contract/vision/publishing';
import { storageKeys } from './keys';
import { readStored, SCHEMA_VERSIONS, stamped, versionOf } from './documents';

const legacy = { statement: 'Old vision', targetUsers: 'Everyone', problem: 'P', valueProposition: 'V', horizon: '2027', revision: 3, updatedBy: DEMO_USERS.admin, updatedAt: '2024-01-02T03:04:05.000Z' };

describe('readStored', () => {
  it('migrates a vision of schema 1 to a draft of schema 2', () => {
    const { doc, from } = readStored('vision', legacy);
    expect(from).toBe(1);
    expect(doc).toEqual({ ...legacy, bets: [], reviewCadenceDays: DEFAULT_REVIEW_CADENCE_DAYS, restoredFrom: null, format: 2, schemaVersion: 2 });
  });

  it('reads a draft written before schemaVersion existed (format: 2) as schema 2, unchanged', () => {
    const draft = { ...legacy, bets: [], reviewCadenceDays: 30, restoredFrom: 1, format: 2 };
    expect(versionOf('vision', draft)).toBe(2);
    expect(readStored('vision', draft)).toEqual({ doc: { ...draft, schemaVersion: 2 }, from: 2 });
  });

  it('reads documents of a newer version as they are, and stamps the current version on write', () => {
    const future = { revision: 1, goals: [], kpis: [], updatedBy: null, updatedAt: null, schemaVersion: 9, extra: true };
    expect(readStored('goalBook', future)).toEqual({ doc: future, from: 9 });
    expect(stamped('launchBook', { revision: 1, launches: [], updatedBy: null, updatedAt: null })).toMatchObject({ schemaVersion: SCHEMA_VERSIONS.launchBook });
  });
});

describe('stored documents through the app', () => {
  it('carry their schema version', async () => {
    const app = createTestApp();
    await app.call('admin', 'vision/save', visionInput());
    await app.call('admin', 'vision/publish', { baseRevision: 1 });
    await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 });
    await app.call('admin', 'launch/create', { name: 'L', versionId: null, date: '2025-06-30', preset: 'none', baseRevision: 0 });
    expect(await app.store.get(storageKeys.vision(PV.id))).toMatchObject({ schemaVersion: 2 });
    expect(await app.store.get(storageKeys.visionRevision(PV.id, 1))).toMatchObject({ schemaVersion: 2 });
    expect(await app.store.get(storageKeys.publishedVersion(PV.id, 1))).toMatchObject({ schemaVersion: 1 });
    expect(await app.store.get(storageKeys.goalBook(PV.id))).toMatchObject({ schemaVersion: 1 });
    expect(await app.store.get(`project:${PV.id}:launches`)).toMatchObject({ schemaVersion: 1 });
  });

  it('read a vision of schema 1 as published version 1 and a draft; the first save keeps version 1 and writes schema 2', async () => {
    const app = createTestApp();
    await app.store.set(storageKeys.vision(PV.id), legacy);
    const view = (await app.call('member', 'project/load', {}) as any).data;
    expect(view.published).toMatchObject({ version: 1, legacy: true, statement: 'Old vision', bets: [], reviewCadenceDays: DEFAULT_REVIEW_CADENCE_DAYS });
    const admin = (await app.call('admin', 'project/load', {}) as any).data;
    expect(admin.vision).toMatchObject({ revision: 3, bets: [], reviewCadenceDays: DEFAULT_REVIEW_CADENCE_DAYS, restoredFrom: null });

    expect((await app.call('admin', 'vision/save', { ...visionInput(3), statement: 'New vision' })).ok).toBe(true);
    expect(await app.store.get(storageKeys.vision(PV.id))).toMatchObject({ statement: 'New vision', revision: 4, schemaVersion: 2, format: 2 });
    expect(await app.store.get(storageKeys.publishedVersion(PV.id, 1))).toMatchObject({ statement: 'Old vision', legacy: true, schemaVersion: 1 });
    const after = (await app.call('member', 'project/load', {}) as any).data;
    expect(after.published).toMatchObject({ version: 1, statement: 'Old vision' });
  });
});
