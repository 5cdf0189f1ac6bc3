import type { PublishedVision, PublishOutcome } from '../../../src/contract/vision/publishing';
import type { Result } from '../../../src/contract/shared/result';
import { formatDateTime } from '../../shared/format';
import { publishView, unsavedRefused } from './publish-outcome';

const people = new Map([
  ['acc-maya', 'Maya'],
  ['acc-sam', 'Sam'],
]);
const version = (n: number, over: Partial<PublishedVision> = {}): PublishedVision => ({
  statement: 'S',
  targetUsers: '',
  problem: '',
  valueProposition: '',
  horizon: '',
  bets: [],
  reviewCadenceDays: 90,
  version: n,
  publishedBy: 'acc-maya',
  publishedAt: '2026-12-01T10:02:00.000Z',
  changeNote: '',
  draftRevision: n,
  ...over,
});
const review = { overdue: false, dueOn: '2027-03-01', cadenceDays: 90, overdueBets: [] } as unknown as PublishOutcome['review'];
const okRes = (published: PublishedVision, created: boolean, summary: 'written' | 'failed' = 'written'): Result<PublishOutcome> => ({
  ok: true,
  data: { published, created, summary, review },
});

describe('publishView: the change note goes only with a new version', () => {
  it('a new version clears the note and says so', () => {
    const v = publishView(okRes(version(3), true), people);
    expect(v).toMatchObject({ clearNote: true, error: null, notice: { kind: 'success', title: 'Published version 3' }, published: { version: 3 } });
  });

  it('nothing new keeps the note and names the version readers see (number, who, when)', () => {
    const v = publishView(okRes(version(3, { changeNote: '"Q3 refresh"' }), false), people);
    expect(v.clearNote).toBe(false);
    expect(v.notice).toMatchObject({ kind: 'info', title: 'Nothing new to publish' });
    expect(v.notice?.text).toContain(`version 3, published ${formatDateTime('2026-12-01T10:02:00.000Z')} by Maya (“Q3 refresh”)`);
    expect(v.notice?.text).toContain('Your change note is still here.');
  });

  it('a lost race keeps the note and says which version won, who and when', () => {
    const won = version(4, { publishedBy: 'acc-sam', changeNote: 'Theirs' });
    const res: Result<PublishOutcome> = {
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Someone else published version 4 just now.',
        details: { reason: 'published-meanwhile', current: won, published: won, winner: { version: 4, publishedBy: 'acc-sam', publishedAt: won.publishedAt, changeNote: 'Theirs' } },
      },
    };
    const v = publishView(res, people);
    expect(v.clearNote).toBe(false);
    expect(v.published).toBe(won);
    expect(v.error?.title).toBe('Not published: version 4 was published first');
    expect(v.error?.message).toContain(`Readers now see version 4, published ${formatDateTime(won.publishedAt)} by Sam (“Theirs”).`);
    expect(v.error?.message).toContain('Your change note is still here.');
  });

  it('a draft changed meanwhile, a validation failure or any other refusal keeps the note', () => {
    const refusals: Array<Result<PublishOutcome>> = [
      { ok: false, error: { code: 'CONFLICT', message: 'Someone else changed the draft.', details: { reason: 'draft-changed', current: { revision: 5 }, published: version(2) } } },
      { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Check.', fields: [{ path: 'changeNote', message: 'Change note is too long.' }] } },
      { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer.' } },
    ];
    const views = refusals.map((r) => publishView(r, people));
    expect(views.map((v) => v.clearNote)).toEqual([false, false, false]);
    expect(views.map((v) => v.error?.message.endsWith('Your change note is still here.') || v.error?.message.includes('still here'))).toEqual([true, true, true]);
    expect(views[0]).toMatchObject({ error: { title: 'Not published: the draft changed meanwhile' }, published: { version: 2 } });
    expect(views[1]?.error?.message).toContain('Change note is too long.');
  });

  it('unsaved edits the form could not save: nothing sent, the note kept', () => {
    expect(unsavedRefused()).toMatchObject({ clearNote: false, published: null, notice: { kind: 'warning', title: 'Not published: your edits are not saved' } });
  });
});
