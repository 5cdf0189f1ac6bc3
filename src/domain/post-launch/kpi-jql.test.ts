import { boundedToProject, jqlString, outputJql, projectBound } from './kpi-jql';

const PV = { id: '10000', key: 'PV' };
const clause = (name: string, operator: string, operand: unknown) => ({ field: { name }, operator, operand });

describe('boundedToProject', () => {
  it('accepts a project clause naming this project by key or id, alone or inside a top-level AND', () => {
    expect(boundedToProject({ where: clause('project', '=', { value: 'PV' }) }, PV)).toBe(true);
    expect(boundedToProject({ where: clause('Project', 'in', { values: [{ value: 'pv' }, { value: '10000' }] }) }, PV)).toBe(true);
    const and = { operator: 'and', clauses: [clause('statusCategory', '=', { value: 'Done' }), clause('project', '=', { value: '10000' })] };
    expect(boundedToProject({ where: and }, PV)).toBe(true);
    expect(boundedToProject({ where: { operator: 'and', clauses: [clause('x', '=', { value: '1' }), and] } }, PV)).toBe(true);
  });

  it('refuses no restriction, another project, an OR at the top, or a negated project clause', () => {
    expect(boundedToProject({}, PV)).toBe(false);
    expect(boundedToProject({ orderBy: { fields: [] } }, PV)).toBe(false);
    expect(boundedToProject({ where: clause('project', '=', { value: 'MOB' }) }, PV)).toBe(false);
    expect(boundedToProject({ where: clause('project', 'in', { values: [{ value: 'PV' }, { value: 'MOB' }] }) }, PV)).toBe(false);
    expect(boundedToProject({ where: clause('project', '!=', { value: 'PV' }) }, PV)).toBe(false);
    const or = { operator: 'or', clauses: [clause('project', '=', { value: 'PV' }), clause('type', '=', { value: 'Bug' })] };
    expect(boundedToProject({ where: or }, PV)).toBe(false);
    expect(boundedToProject('nonsense', PV)).toBe(false);
  });
});

describe('outputJql', () => {
  it('counts issues resolved inside the window, the end day included', () => {
    expect(outputJql('PV', { start: '2025-07-01', end: '2025-07-30', versionId: null })).toEqual({
      jql: 'project = PV AND statusCategory = Done AND resolved >= "2025-07-01" AND resolved < "2025-07-31" ORDER BY resolved DESC',
      basis: 'window',
    });
  });

  it('or the done issues of the iteration’s version', () => {
    expect(outputJql('PV', { start: '2025-07-01', end: '2025-07-30', versionId: '10100' })).toEqual({
      jql: 'project = PV AND fixVersion = 10100 AND statusCategory = Done ORDER BY resolved DESC',
      basis: 'version',
    });
  });

  it('quotes strings', () => {
    expect(jqlString('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
  });
});

describe('projectBound', () => {
  const and = (...clauses: unknown[]) => ({ operator: 'and', clauses });
  const or = (...clauses: unknown[]) => ({ operator: 'or', clauses });
  const project = (...keys: string[]) => clause('project', keys.length > 1 ? 'in' : '=', keys.length > 1 ? { values: keys.map((value) => ({ value })) } : { value: keys[0] });
  const bug = clause('issuetype', '=', { value: 'Bug' });

  it('names the projects of a project clause, upper-cased and sorted', () => {
    expect(projectBound({ where: project('pv') })).toEqual(['PV']);
    expect(projectBound({ where: project('SD', 'PV', '10001') })).toEqual(['10001', 'PV', 'SD']);
  });

  it('bounds an AND by its bounded parts (intersected), an OR only when each part is bounded (joined)', () => {
    expect(projectBound({ where: and(bug, project('PV', 'MOB')) })).toEqual(['MOB', 'PV']);
    expect(projectBound({ where: and(project('PV', 'MOB'), project('MOB')) })).toEqual(['MOB']);
    expect(projectBound({ where: or(and(project('PV'), bug), and(project('MOB'), bug)) })).toEqual(['MOB', 'PV']);
    expect(projectBound({ where: or(project('PV'), bug) })).toBeNull();
  });

  it('is null without a project clause, or with a negated one', () => {
    expect(projectBound({})).toBeNull();
    expect(projectBound({ where: bug })).toBeNull();
    expect(projectBound({ where: clause('project', '!=', { value: 'PV' }) })).toBeNull();
    expect(projectBound({ where: clause('project', 'not in', { values: [{ value: 'PV' }] }) })).toBeNull();
    expect(projectBound({ where: { operator: 'not', clauses: [project('PV')] } })).toBeNull();
  });
});
