import { failureKind, reapplyOver, shownErrors } from './conflict-form';
import { mergeDraft } from './merge-draft';

type Doc = { id: string; a: string; b: string };
const draftOf = (d: Doc | null) => ({ a: d?.a ?? '', b: d?.b ?? '' });

describe('reapplyOver', () => {
  it('merges the user’s changes over the current version and saves against it', () => {
    const base = { id: 'g1', a: 'old', b: 'x' };
    const theirs = { id: 'g1', a: 'old', b: 'theirs' };
    expect(reapplyOver({ a: 'mine', b: 'x' }, base, theirs, draftOf, mergeDraft)).toEqual({ against: theirs, values: { a: 'mine', b: 'theirs' } });
  });

  it('sends the edit as a new one when there is no current version', () => {
    const draft = { a: 'mine', b: 'x' };
    expect(reapplyOver(draft, { id: 'g1', a: 'old', b: 'x' }, null, draftOf, mergeDraft)).toEqual({ against: null, values: draft });
    expect(reapplyOver(draft, null, null, draftOf, mergeDraft)).toEqual({ against: null, values: draft });
  });

  it('merges over a version that appeared while the form started empty', () => {
    const theirs = { id: 'v', a: 'theirs', b: 'theirs' };
    expect(reapplyOver({ a: 'mine', b: '' }, null, theirs, draftOf, mergeDraft).values).toEqual({ a: 'mine', b: 'theirs' });
  });
});

describe('shownErrors', () => {
  it('hides local messages until the first save and lets the server’s win', () => {
    expect(shownErrors({ a: 'local' }, {}, false)).toEqual({});
    expect(shownErrors({ a: 'local', b: 'local' }, { a: 'server' }, true)).toEqual({ a: 'server', b: 'local' });
  });
});

describe('failureKind', () => {
  const gone = { code: 'NOT_FOUND' as const, message: 'This goal was deleted by someone else.', details: { gone: { kind: 'goal', id: 'g1' } } };
  const isGone = (e: { details?: unknown }) => !!(e.details as { gone?: unknown } | undefined)?.gone;
  it('keeps an edit of something deleted meanwhile as a conflict with no current version (the typed values stay)', () => {
    expect(failureKind(gone, true, isGone)).toBe('gone');
  });
  it('shows any other NOT_FOUND, or one for a new item, or one the form cannot read, as a banner', () => {
    expect(failureKind(gone, false, isGone)).toBe('banner');
    expect(failureKind(gone, true)).toBe('banner');
    expect(failureKind({ code: 'NOT_FOUND', message: 'No project.' }, true, isGone)).toBe('banner');
  });
  it('puts validation next to the fields and CONFLICT in the conflict message', () => {
    expect(failureKind({ code: 'VALIDATION_FAILED', message: 'x', fields: [] }, true, isGone)).toBe('fields');
    expect(failureKind({ code: 'CONFLICT', message: 'x' }, true, isGone)).toBe('conflict');
  });
});
