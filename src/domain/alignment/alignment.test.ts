import fc from 'fast-check';
import type { Goal, GoalBook, GoalStatus } from '../../contract';
import {
  checkGoalChoice,
  coverageFigures,
  coverageRatio,
  epicAlignment,
  epicTypeIds,
  goalChoices,
  isEpicLevel,
  linkableGoalIds,
  parseGoalLink,
  standardTypeIds,
  visionLine,
  workItemFlag,
} from './alignment';

const goal = (id: string, status: GoalStatus = 'active'): Goal => ({
  id,
  title: `Goal ${id}`,
  description: '',
  ownerAccountId: null,
  status,
  targetDate: null,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'a',
});
const book = (...goals: Goal[]): GoalBook => ({ revision: 1, goals, kpis: [], updatedBy: 'a', updatedAt: '2026-01-01T00:00:00Z' });
const link = (goalId: string) => ({ goalId, setBy: 'acc', setAt: '2026-02-01T00:00:00Z' });

describe('epic detection', () => {
  it('goes by hierarchy level 1, whatever the type is called', () => {
    const types = [
      { id: '1', name: 'Feature', hierarchyLevel: 1 },
      { id: '2', name: 'Story', hierarchyLevel: 0 },
      { id: '3', name: 'Epic', hierarchyLevel: 0 }, // a standard type someone named Epic
      { id: '4', name: 'Subtask', hierarchyLevel: -1 },
      { id: '5', name: 'Initiative', hierarchyLevel: 2 },
    ];
    expect(epicTypeIds(types)).toEqual(['1']);
    expect(standardTypeIds(types)).toEqual(['2', '3']);
    expect(isEpicLevel({ hierarchyLevel: 1 })).toBe(true);
    expect(isEpicLevel({ hierarchyLevel: 2 })).toBe(false);
    expect(isEpicLevel(null)).toBe(false);
  });
});

describe('parseGoalLink', () => {
  it('reads a link, nothing, or a broken value', () => {
    expect(parseGoalLink(undefined)).toEqual({ kind: 'none' });
    expect(parseGoalLink(null)).toEqual({ kind: 'none' });
    expect(parseGoalLink({ goalId: 'g1', setBy: 'a', setAt: 't' })).toEqual({ kind: 'link', link: { goalId: 'g1', setBy: 'a', setAt: 't' } });
    expect(parseGoalLink({ goalId: 'g1' })).toEqual({ kind: 'link', link: { goalId: 'g1', setBy: '', setAt: '' } });
    for (const broken of ['g1', 42, [], [{ goalId: 'g1' }], { goal: 'g1' }, { goalId: 7 }, { goalId: '' }, { goalId: '../x' }, { goalId: 'x'.repeat(65) }])
      expect(parseGoalLink(broken)).toEqual({ kind: 'broken' });
  });

  it('never throws, whatever was written by hand', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseGoalLink(value);
        expect(['none', 'link', 'broken']).toContain(parsed.kind);
        if (parsed.kind === 'link') expect(parsed.link.goalId).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      }),
    );
  });
});

describe('flags', () => {
  const goals = book(goal('g1'), goal('g2', 'achieved'), goal('g3', 'dropped')).goals;

  it.each([
    ['no goal', { kind: 'none' } as const, 'none'],
    ['a broken value', { kind: 'broken' } as const, 'broken-link'],
    ['a deleted goal', { kind: 'link', link: link('gone') } as const, 'goal-deleted'],
    ['a dropped goal', { kind: 'link', link: link('g3') } as const, 'goal-dropped'],
    ['an active goal', { kind: 'link', link: link('g1') } as const, null],
    ['an achieved goal', { kind: 'link', link: link('g2') } as const, null],
  ])('%s → %s', (_label, parsed, flag) => {
    expect(epicAlignment(parsed, goals).flag).toBe(flag);
  });

  it('keeps the goal of a dropped link, and the link of a deleted one', () => {
    expect(epicAlignment({ kind: 'link', link: link('g3') }, goals).goal?.id).toBe('g3');
    expect(epicAlignment({ kind: 'link', link: link('gone') }, goals)).toEqual({ flag: 'goal-deleted', goal: null, link: link('gone') });
  });

  it('flags a work item by its epic', () => {
    expect(workItemFlag(null)).toBe('no-epic');
    expect(workItemFlag({ flag: 'goal-dropped' })).toBe('epic-unaligned');
    expect(workItemFlag({ flag: null })).toBeNull();
  });

  it('is aligned exactly when the link names an active or achieved goal', () => {
    const statuses = fc.constantFrom<GoalStatus>('active', 'achieved', 'dropped');
    fc.assert(
      fc.property(fc.array(statuses, { maxLength: 6 }), fc.option(fc.nat(8), { nil: undefined }), (list, pick) => {
        const gs = list.map((s, i) => goal(`g${i}`, s));
        const parsed = pick === undefined ? ({ kind: 'none' } as const) : ({ kind: 'link', link: link(`g${pick}`) } as const);
        const aligned = epicAlignment(parsed, gs).flag === null;
        expect(aligned).toBe(pick !== undefined && linkableGoalIds(book(...gs)).includes(`g${pick}`));
      }),
    );
  });
});

describe('goal choices', () => {
  const b = book(goal('g1'), goal('g2', 'achieved'), goal('g3', 'dropped'));

  it('offers active and achieved goals only', () => {
    expect(goalChoices(b)).toEqual([
      { id: 'g1', title: 'Goal g1', status: 'active' },
      { id: 'g2', title: 'Goal g2', status: 'achieved' },
    ]);
  });

  it('refuses a goal of another project or a dropped one, with a clear message', () => {
    expect(checkGoalChoice(b, 'g1', 'PV')).toBeNull();
    expect(checkGoalChoice(b, 'other-project-goal', 'PV')).toEqual({ kind: 'unknown', message: expect.stringContaining('PV') });
    expect(checkGoalChoice(b, 'g3', 'PV')).toEqual({ kind: 'dropped', message: expect.stringContaining('dropped') });
  });
});

describe('coverage', () => {
  it('is aligned / all, null without epics', () => {
    expect(coverageRatio(3, 4)).toBe(0.75);
    expect(coverageRatio(0, 0)).toBeNull();
    expect(coverageFigures(10, 7)).toEqual({ epics: 10, aligned: 7, unaligned: 3, coverage: 0.7 });
    expect(coverageFigures(0, 0)).toEqual({ epics: 0, aligned: 0, unaligned: 0, coverage: null });
  });

  it('stays consistent whatever two approximate counts say', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), fc.integer({ min: -5, max: 10_000 }), (epics, aligned) => {
        const f = coverageFigures(epics, aligned);
        expect(f.aligned + f.unaligned).toBe(f.epics);
        expect(f.aligned).toBeGreaterThanOrEqual(0);
        expect(f.unaligned).toBeGreaterThanOrEqual(0);
        if (f.coverage !== null) {
          expect(f.coverage).toBeGreaterThanOrEqual(0);
          expect(f.coverage).toBeLessThanOrEqual(1);
        } else expect(f.epics).toBe(0);
      }),
    );
  });
});

describe('visionLine', () => {
  it('is the first non-empty line, shortened', () => {
    expect(visionLine('\n  Customers help themselves.\nMore')).toBe('Customers help themselves.');
    expect(visionLine('   ')).toBeNull();
    expect(visionLine(null)).toBeNull();
    expect(visionLine('x'.repeat(300))).toHaveLength(200);
  });
});
