/**
 * Demo data for a fresh preview: a vision, three goals with KPIs for PV and one for MOB, written by
 * the demo admin through the app's own resolvers, and epics tied to goals over two weeks through the
 * issue panel's real set-goal path, with a snapshot pass on each of those days so the report's trend
 * has a history. Only for `npm start` on a new data file; tests start empty.
 */
import { DEMO_USERS } from '../devtools/simulated-jira/seed';
import type { DemoTools } from './demo-tools';
import { seedPostLaunchDemo } from './post-launch-demo';
import { seedPortfolioDemo } from './portfolio-demo';

export type { DemoTools };

const PV = { id: '10000', key: 'PV', type: 'software' };
const MOB = { id: '10001', key: 'MOB', type: 'software' };

export async function seedDemoData(tools: DemoTools): Promise<void> {
  const as = async (functionKey: string, payload: unknown, extension: Record<string, unknown>, moduleKey = 'vision-settings') => {
    const { body } = await tools.invoke({ functionKey, payload, context: { moduleKey, extension }, accountId: DEMO_USERS.admin });
    const result = body as { ok: boolean; data?: any; error?: unknown };
    if (!result?.ok) throw new Error(`Demo data: ${functionKey} failed: ${JSON.stringify(result?.error ?? body)}`);
    return result.data;
  };
  const settings = (project: typeof PV) => ({ type: 'jira:projectSettingsPage', project });
  const onIssue = (project: typeof PV, key: string) => ({ type: 'jira:issuePanel', project, issue: { id: tools.issueId(key), key } });
  const tie = (project: typeof PV, key: string, goalId: string) => as('panel/set-goal', { goalId }, onIssue(project, key), 'vision-issue-panel');
  const snapshot = async () => {
    await as('alignment/rescan', {}, settings(PV));
    await tools.drain();
  };

  tools.setDaysAgo(14);
  await as('vision/save', {
    statement: 'Every business customer solves their own problem in the portal in under five minutes.',
    targetUsers: 'Buyers and account admins at our B2B customers',
    problem: 'Simple questions end up in long support queues.',
    valueProposition: 'A self-service portal that answers and acts, so support can focus on hard cases.',
    horizon: '2028',
    baseRevision: 0,
  }, settings(PV));
  await as('vision/publish', { baseRevision: 1, changeNote: 'First version.' }, settings(PV));
  const goals = [
    { title: 'Halve support calls', description: 'Customers find answers and act without calling us.', status: 'active', targetDate: '2027-12-31' },
    { title: 'Win business accounts', description: 'Sign-on and roles that large customers require.', status: 'active', targetDate: '2027-06-30' },
    { title: 'Accessible to everyone', description: 'WCAG 2.2 AA across the portal.', status: 'achieved', targetDate: '2026-06-30' },
  ];
  const ids: string[] = [];
  for (const [i, g] of goals.entries()) {
    const book = await as('goal/create', { goal: { ...g, ownerAccountId: DEMO_USERS.admin }, baseRevision: i }, settings(PV));
    ids.push(book.goals[book.goals.length - 1].id);
  }
  const kpis = [
    { goalId: ids[0], name: 'Support calls per week', unit: 'calls', direction: 'decrease', baseline: 1200, target: 600, bandLow: null, bandHigh: null },
    { goalId: ids[1], name: 'Business accounts', unit: 'accounts', direction: 'increase', baseline: 40, target: 120, bandLow: null, bandHigh: null },
    { goalId: ids[2], name: 'Accessibility issues open', unit: 'issues', direction: 'band', baseline: 12, target: null, bandLow: 0, bandHigh: 3 },
  ];
  for (const [i, kpi] of kpis.entries()) await as('kpi/create', { kpi, baseRevision: 3 + i }, settings(PV));

  await tie(PV, 'PV-1', ids[0]!);
  await snapshot();
  tools.setDaysAgo(10);
  await tie(PV, 'PV-2', ids[0]!);
  await snapshot();
  tools.setDaysAgo(6);
  await tie(PV, 'PV-3', ids[0]!);
  await tie(PV, 'PV-5', ids[1]!);
  await snapshot();
  tools.setDaysAgo(2);
  await tie(PV, 'PV-4', ids[2]!);
  await snapshot();

  // MOB, team-managed, whose epics are "Features": one goal, one feature tied to it.
  tools.setDaysAgo(1);
  const mob = await as('goal/create', {
    goal: { title: 'Work offline', description: 'The app is useful on a plane.', ownerAccountId: DEMO_USERS.admin, status: 'active', targetDate: '2027-03-31' },
    baseRevision: 0,
  }, settings(MOB));
  await tie(MOB, 'MOB-1', mob.goals[0].id);

  tools.setDaysAgo(0);
  await snapshot();
  // MOB's features counted once too, so its figures (tile, report, panel, macro) show from the start.
  await as('alignment/rescan', {}, settings(MOB));
  await tools.drain();

  // Launches, iterations, measurements, feedback and decisions (post-launch tracking).
  await seedPostLaunchDemo(tools);

  // Publishing again with nothing new makes no version but rewrites the summary the Confluence macro
  // reads, now with the goals, KPI values, coverage and iteration verdict written since.
  await as('vision/publish', { baseRevision: 1 }, settings(PV));

  // Company goals, a third project (DATA) and what the projects' goals contribute (the portfolio).
  await seedPortfolioDemo(tools);
}
