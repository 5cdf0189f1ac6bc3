/** Jira decides who may write the link: its answers map to clear errors, and no-ops write nothing. */
import type { JiraPort, PropertyWrite } from '../../ports';
import { writeGoalLink } from './write-goal-link';

const target = { issue: { id: '10020', key: 'PV-1' }, project: { id: '10000', key: 'PV' }, hasProperty: true, currentGoalId: 'g1' };
const clock = { now: () => new Date('2026-03-04T10:00:00Z') };

function jira(outcome: PropertyWrite) {
  const calls: string[] = [];
  const port = {
    setIssueProperty: async (id: string, key: string, value: unknown) => (calls.push(`PUT ${id} ${key} ${JSON.stringify(value)}`), outcome),
    deleteIssueProperty: async (id: string, key: string) => (calls.push(`DELETE ${id} ${key}`), outcome),
  } as unknown as JiraPort;
  return { port, calls };
}

it('writes { goalId, setBy, setAt } as the user', async () => {
  const { port, calls } = jira('ok');
  const r = await writeGoalLink({ jira: port, clock }, target, 'g2', 'acc-1', null);
  expect(r).toEqual({ ok: true, data: { goalId: 'g2', setBy: 'acc-1', setAt: '2026-03-04T10:00:00.000Z' } });
  expect(calls).toEqual(['PUT 10020 product-vision-goal {"goalId":"g2","setBy":"acc-1","setAt":"2026-03-04T10:00:00.000Z"}']);
});

it.each([
  ['forbidden', 'FORBIDDEN', /can't edit PV-1/],
  ['not-found', 'NOT_FOUND', /PV-1 no longer exists/],
] as const)('maps Jira’s %s to %s', async (outcome, code, message) => {
  const { port } = jira(outcome);
  expect(await writeGoalLink({ jira: port, clock }, target, 'g2', 'acc-1', null)).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  expect(await writeGoalLink({ jira: port, clock }, target, null, 'acc-1', null)).toMatchObject({ ok: false, error: { code } });
});

it('writes nothing to choose the same goal again, or to clear what is not there', async () => {
  const { port, calls } = jira('ok');
  const previous = { goalId: 'g1', setBy: 'a', setAt: 't' };
  expect(await writeGoalLink({ jira: port, clock }, target, 'g1', 'acc-1', previous)).toEqual({ ok: true, data: previous });
  expect(await writeGoalLink({ jira: port, clock }, { ...target, hasProperty: false, currentGoalId: null }, null, 'acc-1', null)).toEqual({ ok: true, data: null });
  expect(calls).toEqual([]);
});
