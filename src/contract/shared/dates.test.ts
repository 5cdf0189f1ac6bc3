import { dateSchema, isRealDate, NOT_A_DATE_MESSAGE, DATE_SHAPE_MESSAGE } from './dates';
import { goalFieldsSchema } from './schemas';
import { betSchema } from '../vision/publishing';
import { createLaunchSchema, measureSchema } from '../post-launch/post-launch-schemas';

const messages = (s: string) => dateSchema('Date').safeParse(s).error?.issues.map((i) => i.message) ?? [];

describe('isRealDate', () => {
  it.each([
    ['2028-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['2025-02-29', false], // common year
    ['2100-02-29', false], // outside the range (and not a leap year)
    ['2025-02-28', true],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-04-30', true],
    ['2025-12-31', true],
    ['2025-13-01', false], // month 13
    ['2025-00-10', false], // month 0
    ['2025-01-00', false], // day 0
    ['2025-01-32', false],
    ['2000-01-01', true], // first day of the range
    ['2099-12-31', true], // last day of the range
    ['1999-12-31', false],
    ['2100-01-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    ['', false],
  ])('%s → %s', (s, expected) => expect(isRealDate(s)).toBe(expected));
});

describe('dateSchema', () => {
  it('says which rule a value breaks: the shape, or the calendar', () => {
    expect(messages('2025-02-30')).toEqual([NOT_A_DATE_MESSAGE]);
    expect(messages('30/02/2025')).toEqual([DATE_SHAPE_MESSAGE]);
    expect(messages('2028-02-29')).toEqual([]);
    expect(dateSchema('Target date').safeParse(20250230).error?.issues[0]?.message).toBe('Target date must be a date.');
  });

  it('is the rule of the goal, bet, launch and measurement schemas alike', () => {
    const goal = goalFieldsSchema.safeParse({ title: 'G', description: '', ownerAccountId: null, status: 'active', targetDate: '2025-02-30' });
    expect(goal.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['targetDate', NOT_A_DATE_MESSAGE]]);
    const bet = betSchema.safeParse({ kind: 'risk', text: 'x', ownerAccountId: null, reviewBy: '2025-02-30' });
    expect(bet.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reviewBy', NOT_A_DATE_MESSAGE]]);
    const launch = createLaunchSchema.safeParse({ name: '', versionId: null, date: '2025-02-30', preset: 'none', baseRevision: 0 });
    expect(launch.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['date', NOT_A_DATE_MESSAGE]]);
    const measure = measureSchema.safeParse({ kpiId: 'k', date: '2025-13-01', value: 1, note: '', baseRevision: 0 });
    expect(measure.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['date', NOT_A_DATE_MESSAGE]]);
  });
});
