import fc from 'fast-check';
import type { Vision } from '../../contract/goals/model';
import { DEFAULT_REVIEW_CADENCE_DAYS, samePublishable, type VisionBet } from '../../contract/vision/publishing';
import { decidePublish, isLegacy, legacyPublished, nextDraft, toDraft, versionSummary, withBetIds } from './vision-publishing';

const legacy: Vision = {
  statement: 'Customers help themselves.',
  targetUsers: '',
  problem: '',
  valueProposition: '',
  horizon: '2028',
  revision: 3,
  updatedBy: 'maya',
  updatedAt: '2025-11-01T10:00:00.000Z',
};
const stamp = { by: 'tomas', at: '2026-02-01T09:00:00.000Z' };

describe('drafts and legacy visions', () => {
  it('reads a vision saved before drafts as a draft with no bets and the default cadence', () => {
    expect(toDraft(legacy)).toMatchObject({ ...legacy, bets: [], reviewCadenceDays: DEFAULT_REVIEW_CADENCE_DAYS });
    expect(isLegacy(legacy)).toBe(true);
    expect(isLegacy(null)).toBe(false);
  });

  it('turns a legacy vision into published version 1 by its last editor, marked legacy', () => {
    expect(legacyPublished(legacy)).toMatchObject({ version: 1, publishedBy: 'maya', publishedAt: legacy.updatedAt, draftRevision: null, legacy: true, statement: legacy.statement });
  });

  it('makes the next draft, keeping bets and cadence when the save leaves them out', () => {
    const bets: VisionBet[] = [{ id: 'b1', kind: 'risk', text: 'x', ownerAccountId: null, reviewBy: '2026-05-01' }];
    const first = nextDraft(null, legacy, { bets, reviewCadenceDays: 30 }, stamp);
    expect(first).toMatchObject({ revision: 1, format: 2, bets, reviewCadenceDays: 30, updatedBy: 'tomas' });
    expect(isLegacy(first)).toBe(false);
    const second = nextDraft(toDraft(first), { ...legacy, horizon: '2030' }, {}, stamp);
    expect(second).toMatchObject({ revision: 2, bets, reviewCadenceDays: 30, horizon: '2030' });
  });

  it('gives every bet a unique id (property)', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }), { maxLength: 12 }), (ids) => {
        const out = withBetIds(
          ids.map((id) => ({ id, kind: 'assumption' as const, text: 't', ownerAccountId: null, reviewBy: '2026-01-01' })),
          () => `new-${++n}`,
        );
        expect(new Set(out.map((b) => b.id)).size).toBe(ids.length);
      }),
    );
  });
});

describe('publishing', () => {
  const draft = toDraft(nextDraft(null, legacy, {}, stamp));

  it('makes version 1, then the next number, with who, when and the note', () => {
    const first = decidePublish(null, draft, stamp, '  First cut ');
    expect(first).toMatchObject({ kind: 'publish', next: { version: 1, publishedBy: 'tomas', changeNote: 'First cut', draftRevision: 1 } });
    if (first.kind !== 'publish') return;
    const changed = { ...draft, revision: 2, horizon: '2031' };
    expect(decidePublish(first.next, changed, stamp, '')).toMatchObject({ kind: 'publish', next: { version: 2, horizon: '2031' } });
  });

  it('makes no version when nothing readers see has changed', () => {
    const first = decidePublish(null, draft, stamp, '');
    if (first.kind !== 'publish') throw new Error('expected a version');
    expect(decidePublish(first.next, { ...draft, revision: 7 }, stamp, 'again')).toEqual({ kind: 'unchanged', current: first.next });
    expect(samePublishable(first.next, draft)).toBe(true);
  });

  it('summarises a version in one line', () => {
    const first = decidePublish(null, { ...draft, statement: 'x'.repeat(300) }, stamp, '');
    if (first.kind !== 'publish') throw new Error('expected a version');
    expect(versionSummary(first.next).statement).toHaveLength(140);
  });
});
