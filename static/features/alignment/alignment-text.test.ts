import { adjustCoverage, coverageSentence, flagReason, formatDay, goalOptionLabel, percent, scanStep } from './alignment-text';
import { trendSegments } from '../../shared/trend-chart';

describe('percent', () => {
  it('rounds, but never claims 100% or 0% when it is not exactly so', () => {
    expect(percent(0.72)).toBe('72%');
    expect(percent(0.996)).toBe('99%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.004)).toBe('1%');
    expect(percent(0)).toBe('0%');
    expect(percent(null)).toBe('–');
  });
});

describe('coverage', () => {
  const c = { epics: 25, aligned: 18, unaligned: 7, coverage: 18 / 25 };
  it('says the headline', () => {
    expect(coverageSentence(c)).toBe('72% of epics serve a business goal — 18 of 25');
  });
  it('moves when an epic is tied to a goal, within bounds', () => {
    expect(adjustCoverage(c, 1)).toEqual({ epics: 25, aligned: 19, unaligned: 6, coverage: 19 / 25 });
    expect(adjustCoverage({ epics: 2, aligned: 2, unaligned: 0, coverage: 1 }, 1).aligned).toBe(2);
    expect(adjustCoverage({ epics: 0, aligned: 0, unaligned: 0, coverage: null }, 1).coverage).toBeNull();
  });
});

describe('flagReason', () => {
  it('speaks of the epic itself on an epic', () => {
    expect(flagReason('none', true)).toBe('No goal is set.');
    expect(flagReason('goal-deleted', true)).toBe('Its goal was deleted.');
    expect(flagReason('goal-dropped', true)).toBe('Its goal was dropped.');
    expect(flagReason('broken-link', true)).toBe('The goal link on this epic is not valid; set it again.');
  });
  it('speaks of the epic (or its absence) on other work items', () => {
    expect(flagReason('epic-unaligned', false)).toBe('Its epic is not tied to a business goal.');
    expect(flagReason('goal-deleted', false)).toBe('Its epic is not tied to a business goal.');
    expect(flagReason('no-epic', false)).toBe('This work item has no epic.');
  });
});

describe('small words', () => {
  it('formats days without a time-zone shift for plain dates', () => {
    expect(formatDay('2026-03-01')).toMatch(/2026/);
    expect(formatDay('not a date')).toBe('not a date');
    expect(formatDay(null)).toBe('');
  });
  it('labels achieved and dropped goals in pickers', () => {
    expect(goalOptionLabel({ title: 'A', status: 'active' })).toBe('A');
    expect(goalOptionLabel({ title: 'A', status: 'achieved' })).toBe('A (achieved)');
  });
});

describe('scanStep', () => {
  const base = { state: 'running' as const, startedAt: '', updatedAt: '', epicsSeen: 3, epicsTotal: 8, message: null };
  it('follows the phase of the pass', () => {
    expect(scanStep(base)).toEqual({ text: 'Reading the epics', seen: 3, total: 8, of: '8 epics' });
    expect(scanStep({ ...base, phase: 'child-issues', childIssuesSeen: 40, childIssuesTotal: 120 })).toMatchObject({ seen: 40, total: 120 });
    expect(scanStep({ ...base, phase: 'counting' })).toEqual({ text: 'Counting the epics…', seen: null });
    expect(scanStep({ ...base, phase: 'saving' }).seen).toBeNull();
  });
});

describe('trendSegments', () => {
  it('maps 0..1 to the chart height and breaks the line where a day has no figure', () => {
    const segs = trendSegments([
      { date: '2026-03-01', coverage: 0 },
      { date: '2026-03-02', coverage: 1 },
      { date: '2026-03-03', coverage: null },
      { date: '2026-03-04', coverage: 0.5 },
    ]);
    expect(segs).toEqual([
      [
        [0, 128],
        [200, 0],
      ],
      [[600, 64]],
    ]);
  });
  it('spaces the days by the calendar', () => {
    const segs = trendSegments([
      { date: '2026-03-01', coverage: 0.5 },
      { date: '2026-03-02', coverage: 0.5 },
      { date: '2026-03-07', coverage: 0.5 },
    ]);
    expect(segs[0].map(([x]) => x)).toEqual([0, 100, 600]);
  });
});
