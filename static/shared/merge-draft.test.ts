import { mergeDraft } from './merge-draft';

describe('mergeDraft', () => {
  it('keeps the fields the user changed and takes the newer value elsewhere', () => {
    expect(mergeDraft({ a: 'mine', b: 'x', c: 'y' }, { a: 'old', b: 'x', c: 'y' }, { a: 'old', b: 'theirs', c: 'z' })).toEqual({
      a: 'mine',
      b: 'theirs',
      c: 'z',
    });
  });

  it('lets the user win when both changed the same field', () => {
    expect(mergeDraft({ a: 'mine' }, { a: 'old' }, { a: 'theirs' })).toEqual({ a: 'mine' });
  });
});
