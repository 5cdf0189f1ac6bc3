import { FORMER_USER_ACCOUNT_ID } from '../../contract/privacy/privacy';
import { anonymise } from './anonymise';
import { collectAccountIds } from './collect-accounts';
import { scrubSummary } from './scrub-summary';

const book = {
  revision: 4,
  updatedBy: 'gone-1',
  updatedAt: '2026-01-01T00:00:00.000Z',
  goals: [
    { id: 'g1', ownerAccountId: 'gone-1', createdBy: 'kept-2' },
    { id: 'g2', ownerAccountId: 'kept-2', createdBy: 'gone-1' },
  ],
  kpis: [],
};

describe('personal data in stored documents', () => {
  it('collects the distinct account ids a document names, at any depth, and no placeholders', () => {
    expect([...collectAccountIds(book)].sort()).toEqual(['gone-1', 'kept-2']);
    expect([...collectAccountIds({ publishedBy: { accountId: 'p' }, by: FORMER_USER_ACCOUNT_ID, setBy: '' })]).toEqual(['p']);
  });

  it('erases a closed account: owner → null, who did it → the former-user marker, others untouched', () => {
    const { value, changed } = anonymise(book, new Set(['gone-1']));
    expect(changed).toBe(true);
    expect(value).toEqual({
      ...book,
      updatedBy: FORMER_USER_ACCOUNT_ID,
      goals: [
        { id: 'g1', ownerAccountId: null, createdBy: 'kept-2' },
        { id: 'g2', ownerAccountId: 'kept-2', createdBy: FORMER_USER_ACCOUNT_ID },
      ],
    });
    expect(JSON.stringify(value)).not.toContain('gone-1');
  });

  it('replaces the id in free text too (an uploaded export chunk), and leaves a value that names nobody closed as it is', () => {
    expect(anonymise('{"by":"gone-1"}', new Set(['gone-1'])).value).toBe(`{"by":"${FORMER_USER_ACCOUNT_ID}"}`);
    const same = anonymise(book, new Set(['someone-else']));
    expect(same).toEqual({ value: book, changed: false });
  });

  it('rewrites a schema 1 summary without names; a value that is not a summary is left alone', () => {
    const legacy = {
      schema: 1,
      project: { id: '1', key: 'P' },
      version: 1,
      publishedAt: 'x',
      publishedBy: { accountId: 'gone-1', displayName: 'Gone Person' },
      changeNote: '',
      vision: { statement: 's', targetUsers: '', problem: '', valueProposition: '', horizon: '' },
      bets: [{ kind: 'risk', text: 't', reviewBy: '2027-01-01', owner: 'Gone Person' }],
      review: { cadenceDays: 90, dueOn: '2026-04-01' },
      goals: [],
      coverage: null,
      latestIteration: null,
      versions: [],
      truncated: false,
    };
    const scrubbed = scrubSummary(legacy, new Set(['gone-1']));
    expect(scrubbed).toMatchObject({ schema: 2, publishedBy: { accountId: FORMER_USER_ACCOUNT_ID }, bets: [{ ownerAccountId: null }] });
    expect(JSON.stringify(scrubbed)).not.toMatch(/gone-1|Gone Person/);
    expect(scrubSummary(legacy, new Set(['other']))).toBeNull();
    expect(scrubSummary({ note: 'gone-1' }, new Set(['gone-1']))).toBeNull();
  });
});
