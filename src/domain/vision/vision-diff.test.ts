import fc from 'fast-check';
import type { PublishableVision, VersionRefInfo } from '../../contract/vision/publishing';
import { diffText, diffVisions, sideOf } from './vision-diff';

const info = (ref: number): VersionRefInfo => ({ ref, label: `Version ${ref}`, by: 'a', at: '2026-01-01T00:00:00Z', changeNote: '' });

describe('diffText', () => {
  it('marks the changed words and keeps the rest', () => {
    expect(diffText('the red car', 'the blue car')).toEqual([
      { op: 'same', text: 'the ' },
      { op: 'del', text: 'red' },
      { op: 'add', text: 'blue' },
      { op: 'same', text: ' car' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', 'new text')).toEqual([{ op: 'add', text: 'new text' }]);
    expect(diffText('old text', '')).toEqual([{ op: 'del', text: 'old text' }]);
  });

  it('diffs line by line when asked', () => {
    const segments = diffText('one\ntwo\nthree', 'one\n2\nthree', 'line');
    expect(segments).toEqual([
      { op: 'same', text: 'one\n' },
      { op: 'del', text: 'two\n' },
      { op: 'add', text: '2\n' },
      { op: 'same', text: 'three' },
    ]);
  });

  const words = fc.array(fc.constantFrom('a', 'b', 'c', 'vision', 'goal', ' ', '  ', '\n', 'é', '😀'), { maxLength: 40 }).map((w) => w.join(''));

  it('always rebuilds both sides, in both modes (property)', () => {
    fc.assert(
      fc.property(words, words, fc.constantFrom('word' as const, 'line' as const), (a, b, mode) => {
        const segments = diffText(a, b, mode);
        expect(sideOf(segments, 'before')).toBe(a);
        expect(sideOf(segments, 'after')).toBe(b);
        // Neighbours never share an op (segments are merged), and none is empty.
        for (let i = 0; i < segments.length; i++) {
          expect(segments[i]!.text).not.toBe('');
          if (i > 0) expect(segments[i]!.op).not.toBe(segments[i - 1]!.op);
        }
      }),
    );
  });

  it('finds nothing to change between equal texts, and removes nothing when words are added (property)', () => {
    fc.assert(
      fc.property(words, (a) => {
        expect(diffText(a, a).every((s) => s.op === 'same')).toBe(true);
      }),
    );
    fc.assert(
      fc.property(words, (a) => {
        // Adding words at the end removes nothing.
        const base = `${a}q`;
        const segments = diffText(base, `${base} more words`);
        expect(segments.some((s) => s.op === 'del')).toBe(false);
      }),
    );
  });

  it('stays correct (if coarse) for very long, very different texts', () => {
    const a = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const b = Array.from({ length: 2000 }, (_, i) => `v${i}`).join(' ');
    const segments = diffText(a, b);
    expect(sideOf(segments, 'before')).toBe(a);
    expect(sideOf(segments, 'after')).toBe(b);
  });
});

describe('diffVisions', () => {
  const v1: PublishableVision = {
    statement: 'Customers help themselves.',
    targetUsers: 'Retail customers',
    problem: '',
    valueProposition: 'Fast answers',
    horizon: '2028',
    reviewCadenceDays: 90,
    bets: [
      { id: 'b1', kind: 'assumption', text: 'Customers prefer self-service', ownerAccountId: null, reviewBy: '2026-06-30' },
      { id: 'b2', kind: 'risk', text: 'Support staff resist', ownerAccountId: null, reviewBy: '2026-06-30' },
    ],
  };

  it('lists every field, marks the changed ones and diffs the bets by id', () => {
    const v2: PublishableVision = {
      ...v1,
      statement: 'Every customer helps themselves.',
      reviewCadenceDays: 60,
      bets: [
        { ...v1.bets[0]!, text: 'Most customers prefer self-service' },
        { id: 'b3', kind: 'technology', text: 'A chatbot can answer half', ownerAccountId: null, reviewBy: '2026-09-30' },
      ],
    };
    const d = diffVisions(v1, v2, { from: info(1), to: info(2) });
    expect(d.fields.map((f) => [f.field, f.changed])).toEqual([
      ['statement', true],
      ['targetUsers', false],
      ['problem', false],
      ['valueProposition', false],
      ['horizon', false],
      ['reviewCadenceDays', true],
    ]);
    expect(d.bets.map((b) => b.change)).toEqual(['changed', 'added', 'removed']);
    expect(d.changes).toBe(5);
    expect(d.fields[5]).toMatchObject({ before: 'Every 90 days', after: 'Every 60 days' });
  });

  it('finds no change between a version and itself', () => {
    expect(diffVisions(v1, v1, { from: info(1), to: info(1) }).changes).toBe(0);
  });
});
