/**
 * Differences between two versions of a vision, field by field: word-level (or line-level) for the
 * texts, by id for the bets. Pure; the UI shows the segments side by side or inline.
 */
import type { VisionFields } from '../../contract/goals/model';
import {
  type BetDiff,
  type DiffSegment,
  type FieldDiff,
  type PublishableVision,
  type VersionRefInfo,
  type VisionBet,
  type VisionDiff,
} from '../../contract/vision/publishing';

export type DiffMode = 'word' | 'line';

/** Words and the whitespace between them (`word`), or lines with their line break (`line`). */
export function tokenize(text: string, mode: DiffMode = 'word'): string[] {
  if (text === '') return [];
  return mode === 'word' ? (text.match(/\s+|[^\s]+/g) ?? []) : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

/** Above this many table cells the diff falls back to "all removed, all added" (still correct, just coarse). */
const MAX_CELLS = 2_000_000;

function push(out: DiffSegment[], op: DiffSegment['op'], text: string) {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/**
 * The shortest edit between two texts as segments: `same` + `del` rebuild `a`, `same` + `add` rebuild `b`.
 * @example diffText('the red car', 'the blue car') // same 'the ', del 'red', add 'blue', same ' car'
 */
export function diffText(a: string, b: string, mode: DiffMode = 'word'): DiffSegment[] {
  const x = tokenize(a, mode);
  const y = tokenize(b, mode);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const out: DiffSegment[] = [];
  push(out, 'same', x.slice(0, start).join(''));
  const xs = x.slice(start, endX);
  const ys = y.slice(start, endY);
  const n = xs.length;
  const m = ys.length;
  if (n * m > MAX_CELLS) {
    push(out, 'del', xs.join(''));
    push(out, 'add', ys.join(''));
  } else if (n > 0 || m > 0) {
    // Longest common subsequence lengths of the suffixes, then a walk from the start.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * w + j] = xs[i] === ys[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xs[i] === ys[j]) {
        push(out, 'same', xs[i]!);
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        // On a tie, removals come before additions: "old → new" reads in that order.
        push(out, 'del', xs[i]!);
        i++;
      } else {
        push(out, 'add', ys[j]!);
        j++;
      }
    }
  }
  push(out, 'same', x.slice(endX).join(''));
  return out;
}

/** The text one side of a diff had: `before` (same + del) or `after` (same + add). */
export const sideOf = (segments: readonly DiffSegment[], side: 'before' | 'after'): string =>
  segments
    .filter((s) => s.op === 'same' || s.op === (side === 'before' ? 'del' : 'add'))
    .map((s) => s.text)
    .join('');

export const FIELD_LABELS: Record<keyof VisionFields | 'reviewCadenceDays', string> = {
  statement: 'Vision statement',
  targetUsers: 'Target users',
  problem: 'Problem',
  valueProposition: 'Value proposition',
  horizon: 'Horizon',
  reviewCadenceDays: 'Review cadence',
};

const TEXT_FIELDS = ['statement', 'targetUsers', 'problem', 'valueProposition', 'horizon'] as const;

const cadenceText = (days: number) => `Every ${days} days`;

function diffBets(before: readonly VisionBet[], after: readonly VisionBet[]): BetDiff[] {
  const old = new Map(before.map((b) => [b.id, b]));
  const seen = new Set<string>();
  const out: BetDiff[] = [];
  for (const b of after) {
    const a = old.get(b.id);
    seen.add(b.id);
    if (!a) {
      out.push({ change: 'added', before: null, after: b, segments: [{ op: 'add', text: b.text }] });
      continue;
    }
    const same = a.kind === b.kind && a.text === b.text && a.ownerAccountId === b.ownerAccountId && a.reviewBy === b.reviewBy;
    out.push({ change: same ? 'same' : 'changed', before: a, after: b, segments: diffText(a.text, b.text) });
  }
  for (const a of before)
    if (!seen.has(a.id)) out.push({ change: 'removed', before: a, after: null, segments: [{ op: 'del', text: a.text }] });
  return out;
}

/** Field-by-field differences between two versions (`from` is the older side). */
export function diffVisions(
  from: PublishableVision,
  to: PublishableVision,
  info: { from: VersionRefInfo; to: VersionRefInfo },
  mode: DiffMode = 'word',
): VisionDiff {
  const fields: FieldDiff[] = TEXT_FIELDS.map((field) => {
    const before = from[field];
    const after = to[field];
    return { field, label: FIELD_LABELS[field], changed: before !== after, before, after, segments: diffText(before, after, mode) };
  });
  const cadenceBefore = cadenceText(from.reviewCadenceDays);
  const cadenceAfter = cadenceText(to.reviewCadenceDays);
  fields.push({
    field: 'reviewCadenceDays',
    label: FIELD_LABELS.reviewCadenceDays,
    changed: cadenceBefore !== cadenceAfter,
    before: cadenceBefore,
    after: cadenceAfter,
    segments: diffText(cadenceBefore, cadenceAfter),
  });
  const bets = diffBets(from.bets, to.bets);
  const changes = fields.filter((f) => f.changed).length + bets.filter((b) => b.change !== 'same').length;
  return { from: info.from, to: info.to, fields, bets, changes };
}
