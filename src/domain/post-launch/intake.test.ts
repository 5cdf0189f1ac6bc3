import type { Launch, LaunchBook } from '../../contract/post-launch/post-launch';
import { boundingProjects, dayAllowance, defaultIteration, hasOrderBy, intakeSearch } from './intake';

const launch = (id: string, iterations: Array<[string, string, string]>): Launch => ({
  id,
  name: id,
  versionId: null,
  versionName: null,
  date: '2025-06-30',
  createdBy: 'a',
  createdAt: '2025-06-30T00:00:00.000Z',
  iterations: iterations.map(([itId, start, end]) => ({ id: itId, name: itId, start, end, versionId: null, versionName: null })),
});
const book = (...launches: Launch[]): Pick<LaunchBook, 'launches'> => ({ launches });

describe('defaultIteration: the iteration whose dates contain the issue’s creation day (UTC)', () => {
  const b = book(launch('L', [['it30', '2025-07-01', '2025-07-30'], ['it60', '2025-07-31', '2025-08-29']]));

  it.each([
    ['2025-06-30T23:59:59.999Z', null],
    ['2025-07-01T00:00:00.000Z', 'it30'],
    ['2025-07-30T23:59:59.999Z', 'it30'],
    ['2025-07-31T00:00:00.000Z', 'it60'],
    ['2025-08-29T23:59:59.999Z', 'it60'],
    ['2025-08-30T00:00:00.000Z', null],
  ])('%s → %s (both ends included)', (created, want) => {
    expect(defaultIteration(b, created)?.iterationId ?? null).toBe(want);
  });

  it('reads the day in UTC, whatever offset Jira wrote', () => {
    expect(defaultIteration(b, '2025-07-31T01:30:00+02:00')?.iterationId).toBe('it30');
  });

  it('prefers the iteration that started last when launches overlap, then the newer launch', () => {
    const older = launch('old', [['a', '2025-07-01', '2025-09-30']]);
    const newer = launch('new', [['b', '2025-08-01', '2025-08-31']]);
    expect(defaultIteration(book(newer, older), '2025-08-15T12:00:00Z')).toEqual({ launchId: 'new', iterationId: 'b' });
    expect(defaultIteration(book(newer, older), '2025-09-15T12:00:00Z')).toEqual({ launchId: 'old', iterationId: 'a' });
    const twin = launch('twin', [['c', '2025-08-01', '2025-08-10']]);
    expect(defaultIteration(book(twin, newer), '2025-08-05T00:00:00Z')).toEqual({ launchId: 'twin', iterationId: 'c' });
  });

  it('is null without iterations or for an unreadable instant', () => {
    expect(defaultIteration(book(), '2025-07-01T00:00:00Z')).toBeNull();
    expect(defaultIteration(b, 'yesterday')).toBeNull();
  });
});

const clause = (field: string, operator: string, operand: unknown) => ({ field: { name: field }, operator, operand });

describe('boundingProjects', () => {
  it('finds a project clause at the top level or in a top-level AND', () => {
    expect(boundingProjects({ where: clause('project', '=', { value: 'SD' }) })).toEqual(['SD']);
    expect(boundingProjects({ where: { operator: 'and', clauses: [clause('labels', '=', { value: 'x' }), clause('Project', 'in', { values: [{ value: 'SD' }, { value: 'PV' }] })] } })).toEqual(['SD', 'PV']);
  });

  it('is null for an OR at the top, another operator, or no project clause', () => {
    expect(boundingProjects({ where: { operator: 'or', clauses: [clause('project', '=', { value: 'SD' }), clause('labels', '=', { value: 'x' })] } })).toBeNull();
    expect(boundingProjects({ where: clause('project', '!=', { value: 'SD' }) })).toBeNull();
    expect(boundingProjects({ where: clause('labels', '=', { value: 'x' }) })).toBeNull();
    expect(boundingProjects({})).toBeNull();
  });

  it('tells an ORDER BY', () => {
    expect(hasOrderBy({ where: clause('project', '=', { value: 'SD' }), orderBy: { fields: [] } })).toBe(true);
    expect(hasOrderBy({ where: clause('project', '=', { value: 'SD' }) })).toBe(false);
  });
});

describe('intakeSearch', () => {
  it('reads oldest first, and goes on from the last issue seen less a margin no time zone can beat', () => {
    expect(intakeSearch('project = SD', null)).toBe('(project = SD) ORDER BY created ASC, key ASC');
    expect(intakeSearch('project = SD', { created: '2025-07-03T20:12:30.000Z' })).toBe('(project = SD) AND created >= "2025-07-03 08:12" ORDER BY created ASC, key ASC');
  });
});

describe('dayAllowance', () => {
  it('counts what is left of the day’s 1,000, and starts afresh on a new day', () => {
    expect(dayAllowance(null, 0, '2025-08-20')).toBe(1000);
    expect(dayAllowance('2025-08-20', 999, '2025-08-20')).toBe(1);
    expect(dayAllowance('2025-08-20', 1000, '2025-08-20')).toBe(0);
    expect(dayAllowance('2025-08-19', 1000, '2025-08-20')).toBe(1000);
  });
});
