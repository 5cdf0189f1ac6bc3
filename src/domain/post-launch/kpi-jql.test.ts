import { boundedToProject, jqlString, outputJql } from './kpi-jql';

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
