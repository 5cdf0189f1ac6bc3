/**
 * The portfolio's part of the preview: a third project (DATA, the data platform) and an IT director who
 * browses every project, added to the simulated site; and, for `npm start` on a new data file, two
 * company goals that the three projects' goals contribute to, with DATA's vision published long enough
 * ago that its review is overdue.
 */
import { DEMO_GROUPS, DEMO_USERS } from '../devtools/simulated-jira/seed';
import { addIssue, addUser, type JiraSite } from '../devtools/simulated-jira/site';
import type { DemoTools } from './demo-tools';

export const DIRECTOR = '5e8a7c6b5d4c3b2a1f0e9d8c';
export const DATA = { id: '10003', key: 'DATA', type: 'software' };

/** DATA (the director administers it) and the director, who browses PV and MOB as a viewer. */
export function addPortfolioSite(site: JiraSite): void {
  if (site.projects.some((p) => p.key === DATA.key)) return;
  addUser(site, { accountId: DIRECTOR, displayName: 'Alex Moreau', active: true, accountType: 'atlassian', timeZone: 'Europe/Paris' });
  const pv = site.projects.find((p) => p.key === 'PV')!;
  for (const p of site.projects) p.roles.Viewers = [...(p.roles.Viewers ?? []), DIRECTOR];
  site.projects.push({
    id: DATA.id,
    key: DATA.key,
    name: 'Data Platform',
    description: 'Shared data for reporting and the self-service products.',
    projectTypeKey: 'software',
    style: 'classic',
    leadAccountId: DIRECTOR,
    issueTypes: pv.issueTypes,
    versions: [],
    roles: { Administrators: [DIRECTOR], Members: [], Viewers: [] },
    permissionScheme: pv.permissionScheme,
    properties: new Map(),
  });
  addIssue(site, { projectKey: 'DATA', type: 'Epic', summary: 'Customer 360 tables', created: '2025-03-01T09:00:00Z' });
  addIssue(site, { projectKey: 'DATA', type: 'Epic', summary: 'Self-service reporting', created: '2025-04-01T09:00:00Z' });
  addIssue(site, { projectKey: 'DATA', type: 'Epic', summary: 'Retire the old warehouse', created: '2025-05-01T09:00:00Z' });
  site.groups.find((g) => g.groupId === DEMO_GROUPS.everyone.groupId)?.members.push(DIRECTOR);
}

const settings = (project: { id: string; key: string; type: string }) => ({ moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project } });
const globalPage = { moduleKey: 'product-portfolio', extension: { type: 'jira:globalPage' } };

/** Company goals and contributions (after seedDemoData: PV's and MOB's goals exist). */
export async function seedPortfolioDemo(tools: DemoTools): Promise<void> {
  const as = async (accountId: string, functionKey: string, payload: unknown, context: Record<string, unknown>) => {
    const { body } = await tools.invoke({ functionKey, payload, context: context as never, accountId });
    const result = body as { ok: boolean; data?: any; error?: unknown };
    if (!result?.ok) throw new Error(`Portfolio demo data: ${functionKey} failed: ${JSON.stringify(result?.error ?? body)}`);
    return result.data;
  };
  // DATA: a vision published 200 days ago, reviewed every 90 days, so its review is overdue.
  tools.setDaysAgo(200);
  await as(DIRECTOR, 'vision/save', {
    statement: 'Every team answers its own data questions in minutes, from one trusted source.',
    targetUsers: 'Analysts and product teams',
    problem: 'Numbers differ between reports.',
    valueProposition: 'One governed platform.',
    horizon: '2027',
    reviewCadenceDays: 90,
    baseRevision: 0,
  }, settings(DATA));
  await as(DIRECTOR, 'vision/publish', { baseRevision: 1, changeNote: 'First version.' }, settings(DATA));
  const data = await as(DIRECTOR, 'goal/create', { goal: { title: 'Trusted self-service numbers', description: '', ownerAccountId: DIRECTOR, status: 'active', targetDate: '2027-06-30' }, baseRevision: 0 }, settings(DATA));
  tools.setDaysAgo(0);

  await as(DEMO_USERS.siteAdmin, 'company-goal/create', {
    goal: { title: 'Grow self-service revenue', description: 'Customers buy, change and fix things themselves, in every channel.', businessUnit: 'Digital Sales', ownerAccountId: DEMO_USERS.siteAdmin, targetDate: '2027-12-31', status: 'active', kpis: [{ name: 'Self-service share of revenue', unit: '%', target: 40 }] },
    baseRevision: 0,
  }, globalPage);
  const book = await as(DEMO_USERS.siteAdmin, 'company-goal/create', {
    goal: { title: 'Cut the cost to serve', description: 'Fewer calls and tickets per customer.', businessUnit: 'Customer Service', ownerAccountId: null, targetDate: '2027-06-30', status: 'active', kpis: [] },
    baseRevision: 1,
  }, globalPage);
  const [revenue, cost] = book.goals.map((g: { id: string }) => g.id);

  const contribute = async (accountId: string, project: typeof DATA, goalIndex: number, companyGoalId: string) => {
    const view = await as(accountId, 'project/load', {}, settings(project));
    const goal = view.goalBook.goals[goalIndex];
    await as(accountId, 'goal/contribute', { goalId: goal.id, companyGoalId, baseRevision: view.goalBook.revision }, settings(project));
  };
  const PV = { id: '10000', key: 'PV', type: 'software' };
  const MOB = { id: '10001', key: 'MOB', type: 'software' };
  await contribute(DEMO_USERS.admin, PV, 0, cost!);
  await contribute(DEMO_USERS.admin, PV, 1, revenue!);
  await contribute(DEMO_USERS.admin, MOB, 0, revenue!);
  await as(DIRECTOR, 'goal/contribute', { goalId: data.goals[0].id, companyGoalId: revenue, baseRevision: data.revision }, settings(DATA));
  await tools.drain();
}
