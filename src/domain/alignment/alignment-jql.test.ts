import { alignedJql, epicsJql, jqlString, openChildrenJql, unalignedJql } from './alignment-jql';

const scope = { projectId: '10000', epicTypeIds: ['10000', '10042'] };

it('bounds every query by project and epic types', () => {
  expect(epicsJql(scope)).toBe('project = "10000" AND issuetype in ("10000", "10042")');
});

it('counts aligned epics on the property alias, and answers null when no goal can align', () => {
  expect(alignedJql(scope, ['g1', 'g2'])).toBe('project = "10000" AND issuetype in ("10000", "10042") AND visionGoal in ("g1", "g2")');
  expect(alignedJql(scope, [])).toBeNull();
});

it('lists unaligned epics newest first: empty or not one of the goals (no empty IN list)', () => {
  expect(unalignedJql(scope, ['g1'])).toBe(
    'project = "10000" AND issuetype in ("10000", "10042") AND (visionGoal IS EMPTY OR visionGoal NOT IN ("g1")) ORDER BY created DESC',
  );
  expect(unalignedJql(scope, [])).toBe('project = "10000" AND issuetype in ("10000", "10042") ORDER BY created DESC');
});

it('finds open work directly under epics', () => {
  expect(openChildrenJql('10000', ['10001'])).toBe('project = "10000" AND issuetype in ("10001") AND parent IS NOT EMPTY AND statusCategory != Done');
});

it('quotes values so none can change the query', () => {
  expect(jqlString('a" OR project = "X')).toBe('"a\\" OR project = \\"X"');
  expect(jqlString('back\\slash')).toBe('"back\\\\slash"');
});
