import fc from 'fast-check';
import { GOAL_STATUSES, KPI_DIRECTIONS, LIMITS, type GoalBook } from '../../contract';
import { BET_KINDS, PUBLISHING_LIMITS, SUMMARY_BUDGET_CHARS, type PublishedVision } from '../../contract/vision/publishing';
import { readSummary } from '../../contract/vision/summary-schema';
import { macroMessageToAdf, macroViewToAdf } from '../macro/macro-adf';
import { buildSummary, summarySize } from './published-summary';

const published = (over: Partial<PublishedVision> = {}): PublishedVision => ({
  statement: 'Every customer solves their own problem in under five minutes.',
  targetUsers: 'Retail customers',
  problem: 'Support queues are long.',
  valueProposition: 'Self-service that works.',
  horizon: '2028',
  bets: [{ id: 'b1', kind: 'assumption', text: 'Customers prefer self-service', ownerAccountId: 'maya', reviewBy: '2026-06-30' }],
  reviewCadenceDays: 90,
  version: 3,
  publishedBy: 'maya',
  publishedAt: '2026-01-15T10:00:00.000Z',
  changeNote: 'Sharper statement',
  draftRevision: 5,
  ...over,
});

const book: GoalBook = {
  revision: 2,
  updatedBy: 'maya',
  updatedAt: '2026-01-01T00:00:00Z',
  goals: [{ id: 'g1', title: 'Cut support calls', description: 'Half by 2028', ownerAccountId: 'maya', status: 'active', targetDate: '2028-01-31', createdAt: 'x', createdBy: 'maya' }],
  kpis: [{ id: 'k1', goalId: 'g1', name: 'Support calls per week', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null }],
};

const input = (over: Partial<Parameters<typeof buildSummary>[0]> = {}) => ({
  project: { id: '10000', key: 'PV' },
  published: published(),
  goalBook: book,
  highlights: {},
  versions: [{ version: 3, publishedAt: 'a', changeNote: '' }],
  ...over,
});

describe('published summary', () => {
  it('carries the vision, bets and goals with their owners by account id (no display names), KPI status and the review date', () => {
    const s = buildSummary(input({ highlights: { kpiCurrent: { k1: { value: 900, at: '2026-01-10' } } } }));
    expect(s).toMatchObject({
      schema: 2,
      version: 3,
      publishedBy: { accountId: 'maya' },
      bets: [{ kind: 'assumption', ownerAccountId: 'maya' }],
      review: { cadenceDays: 90, dueOn: '2026-04-15' },
      goals: [{ title: 'Cut support calls', ownerAccountId: 'maya', kpis: [{ status: 'on-track', current: { value: 900 } }] }],
      coverage: null,
      latestIteration: null,
      truncated: false,
    });
    expect(JSON.stringify(s)).not.toMatch(/displayName|"owner"/);
    expect(readSummary(s)).toEqual(s);
  });

  it('still reads a schema 1 summary (owners and publisher by display name)', () => {
    const { publishedBy, bets, goals, ...rest } = buildSummary(input());
    const legacy = {
      ...rest,
      schema: 1,
      publishedBy: { ...publishedBy, displayName: 'Maya Lindqvist' },
      bets: bets.map(({ ownerAccountId: _o, ...b }) => ({ ...b, owner: 'Maya Lindqvist' })),
      goals: goals.map(({ ownerAccountId: _o, ...g }) => ({ ...g, owner: null })),
    };
    expect(readSummary(legacy)).toEqual(legacy);
    expect(readSummary({ ...legacy, schema: 2 })).toBeNull();
  });

  it('is refused by the reader when it is not a summary', () => {
    expect(readSummary({ schema: 1, version: 'three' })).toBeNull();
    expect(readSummary('junk')).toBeNull();
  });

  it('stays under the budget for anything within the app’s limits, shortening and saying so (property)', () => {
    const big = (max: number) => fc.string({ unit: fc.constantFrom('a', '"', '\\', '\u0001', '😀', ' '), minLength: 0, maxLength: max });
    fc.assert(
      fc.property(
        big(LIMITS.visionField),
        big(LIMITS.visionField),
        fc.integer({ min: 0, max: PUBLISHING_LIMITS.maxBets }),
        fc.integer({ min: 0, max: LIMITS.maxGoals }),
        fc.integer({ min: 0, max: LIMITS.maxKpis }),
        (text, note, betCount, goalCount, kpiCount) => {
          const goals = Array.from({ length: goalCount }, (_, i) => ({ ...book.goals[0]!, id: `g${i}`, title: text.slice(0, LIMITS.goalTitle), status: GOAL_STATUSES[i % 3]! }));
          const kpis = Array.from({ length: goalCount ? kpiCount : 0 }, (_, i) => ({
            ...book.kpis[0]!,
            id: `k${i}`,
            goalId: `g${i % goalCount}`,
            name: text.slice(0, LIMITS.kpiName),
            unit: text.slice(0, LIMITS.kpiUnit),
            direction: KPI_DIRECTIONS[i % 3]!,
          }));
          const p = published({
            statement: text,
            targetUsers: text,
            problem: text,
            valueProposition: text,
            horizon: text.slice(0, LIMITS.horizon),
            changeNote: note.slice(0, PUBLISHING_LIMITS.changeNote),
            bets: Array.from({ length: betCount }, (_, i) => ({ id: `b${i}`, kind: BET_KINDS[i % 3]!, text: text.slice(0, PUBLISHING_LIMITS.betText), ownerAccountId: 'maya', reviewBy: '2026-01-01' })),
          });
          const versions = Array.from({ length: 20 }, (_, i) => ({ version: 20 - i, publishedAt: '2026-01-01T00:00:00.000Z', changeNote: note.slice(0, 280) }));
          const s = buildSummary(input({ published: p, goalBook: { ...book, goals, kpis }, versions }));
          expect(summarySize(s)).toBeLessThanOrEqual(SUMMARY_BUDGET_CHARS);
          if (!s.truncated) expect(s.vision.statement).toBe(text);
          expect(readSummary(s)).not.toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('macro as ADF (PDF and Word export)', () => {
  it('renders the chosen sections as a document', () => {
    const s = buildSummary(input({ highlights: { coverage: { epics: 8, aligned: 6, coverage: 0.75, asOf: '2026-01-14' } } }));
    const doc = macroViewToAdf(
      {
        project: { id: '10000', key: 'PV', name: 'Customer Portal' },
        projectPagePath: '/browse/PV',
        sections: ['vision', 'goals', 'coverage'],
        pinned: null,
        renamedFrom: null,
        summary: {
          ...s,
          publishedBy: { displayName: null },
          bets: s.bets.map((b) => ({ ...b, owner: null })),
          goals: s.goals.map((g) => ({ ...g, owner: null })),
        },
        review: { dueOn: '2026-04-15', cadenceDays: 90, overdue: true, overdueBets: [], flagged: true },
      },
      'https://example.atlassian.net/browse/PV',
    );
    const text = JSON.stringify(doc);
    expect(doc).toMatchObject({ type: 'doc', version: 1 });
    for (const expected of ['Product vision — Customer Portal (PV)', 'Every customer solves', 'Cut support calls', 'Support calls per week', '75% of epics', 'Due for review', 'Open in Jira'])
      expect(text).toContain(expected);
  });

  it('renders a message in place of the vision', () => {
    expect(JSON.stringify(macroMessageToAdf("You don't have access to this project's vision", 'Ask a project admin.'))).toContain("You don't have access");
  });
});
