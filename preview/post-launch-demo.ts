/**
 * Post-launch demo data for a fresh preview (after seedDemoData's goals and KPIs): two launches of PV —
 * Portal 1.0 (a released version, with its +30/+60/+90 day iterations) and Portal 1.1 (with two named
 * iterations) — KPI measurements before and after them, end-user feedback and decisions, all written by
 * the demo admin through the app's own resolvers.
 */
import { DEMO_USERS } from '../devtools/simulated-jira/seed';
import type { DemoTools } from './demo-tools';

const PV = { id: '10000', key: 'PV', type: 'software' };

/** Values by KPI name, by day. */
const SERIES: Record<string, Array<[string, number]>> = {
  'Support calls per week': [
    ['2025-05-05', 1290], ['2025-05-19', 1270], ['2025-06-02', 1260], ['2025-06-16', 1240], ['2025-06-30', 1230],
    ['2025-07-07', 1190], ['2025-07-14', 1150], ['2025-07-28', 1120], ['2025-08-11', 1130], ['2025-08-25', 1100],
    ['2025-09-08', 1060], ['2025-09-22', 1040], ['2025-10-20', 1050], ['2025-11-17', 1010], ['2025-12-15', 990],
    ['2026-01-12', 960], ['2026-02-09', 930], ['2026-03-09', 910], ['2026-04-06', 880], ['2026-05-04', 870], ['2026-06-01', 860],
  ],
  'Business accounts': [
    ['2025-06-16', 41], ['2025-06-30', 42], ['2025-07-21', 44], ['2025-08-18', 44], ['2025-09-15', 49], ['2025-10-20', 55],
    ['2025-12-15', 61], ['2026-01-19', 66], ['2026-02-16', 73], ['2026-03-16', 78], ['2026-04-20', 84], ['2026-05-18', 90],
  ],
  'Accessibility issues open': [
    ['2025-06-23', 12], ['2025-07-21', 10], ['2025-08-18', 8], ['2025-09-15', 9], ['2025-12-08', 6], ['2026-01-19', 4],
    ['2026-02-23', 3], ['2026-04-13', 2], ['2026-05-25', 2],
  ],
};

export async function seedPostLaunchDemo(tools: DemoTools): Promise<void> {
  const as = async (functionKey: string, payload: unknown) => {
    const { body } = await tools.invoke({
      functionKey,
      payload,
      context: { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: PV } },
      accountId: DEMO_USERS.admin,
    });
    const result = body as { ok: boolean; data?: any; error?: unknown };
    if (!result?.ok) throw new Error(`Post-launch demo data: ${functionKey} failed: ${JSON.stringify(result?.error ?? body)}`);
    return result.data;
  };
  const overview = await as('launch/overview', {});
  const kpiId = new Map<string, string>(overview.kpis.map((k: { name: string; id: string }) => [k.name, k.id]));
  const measure = async (name: string, from: string, to: string) => {
    if (!kpiId.has(name)) return;
    for (const [date, value] of SERIES[name] ?? [])
      if (date >= from && date <= to) await as('kpi/measure', { kpiId: kpiId.get(name), date, value, note: '', baseRevision: 0 });
  };
  const measureAll = async (from: string, to: string) => {
    for (const name of Object.keys(SERIES)) await measure(name, from, to);
  };

  // Portal 1.0: baselines from the spring, then its three iterations.
  await measureAll('2025-01-01', '2025-06-30');
  const first = await as('launch/create', { name: '', versionId: '10100', date: null, preset: '30-60-90', baseRevision: 0 });
  const l1 = first.launchBook.launches[0];
  await measureAll('2025-07-01', '2025-12-15');
  const [it30, it60, it90] = l1.iterations;
  let feedbackAge = 6;
  // Recorded weeks ago (the newest 45 days ago, past the default cadence of 30 days), so the project page,
  // settings and macro show "No user feedback for 45 days" until someone adds feedback.
  const feedback = async (iteration: { id: string }, launchId: string, source: string, sentiment: string, text: string, kpi?: string) => {
    tools.setDaysAgo(45 + --feedbackAge);
    try {
      return await as('feedback/create', { source, sentiment, text, goalId: null, kpiId: kpi ? (kpiId.get(kpi) ?? null) : null, iteration: { launchId, iterationId: iteration.id } });
    } finally {
      tools.setDaysAgo(0);
    }
  };
  await feedback(it30, l1.id, 'interview', 'positive', 'I reset my password myself at midnight: no need to wait for support in the morning.', 'Support calls per week');
  await feedback(it30, l1.id, 'support', 'negative', 'Three tickets this week: the reset e-mail lands in spam for Outlook users.', 'Support calls per week');
  await feedback(it60, l1.id, 'survey', 'neutral', 'Order history is handy, but invoices still have to be requested by e-mail.');
  await feedback(it90, l1.id, 'analytics', 'positive', 'Self-service sessions up 18% since the portal launch; calls about passwords down by a third.', 'Support calls per week');
  await as('iteration/decide', { launchId: l1.id, iterationId: it30.id, kind: 'decision', text: 'Send reset e-mails from our own domain with SPF/DKIM, so they stop landing in spam.' });
  await as('iteration/decide', { launchId: l1.id, iterationId: it90.id, kind: 'next-step', text: 'Invoices as PDF in the portal (PV-12) before the next release.' });

  // Portal 1.1 and its two named iterations.
  const second = await as('launch/create', { name: '', versionId: '10101', date: null, preset: 'none', baseRevision: first.launchBook.revision });
  const l2 = second.launchBook.launches.find((l: { versionId: string }) => l.versionId === '10101');
  const winter = await as('iteration/create', {
    launchId: l2.id,
    iteration: { name: 'Winter', start: '2025-12-16', end: '2026-03-15', versionId: null },
    baseRevision: second.launchBook.revision,
  });
  await as('iteration/create', {
    launchId: l2.id,
    iteration: { name: 'Spring', start: '2026-03-16', end: '2026-06-15', versionId: null },
    baseRevision: winter.launchBook.revision,
  });
  await measureAll('2025-12-16', '2026-12-31');
  const l2now = (await as('launch/summary', { launchId: l2.id })).launch;
  await feedback(l2now.iterations[0], l2.id, 'interview', 'positive', 'Single sign-on was the last thing our IT department asked for; we moved all 40 buyers.', 'Business accounts');
  await feedback(l2now.iterations[1], l2.id, 'survey', 'negative', 'The chat widget covers the checkout button on small screens.');
  await as('iteration/decide', { launchId: l2.id, iterationId: l2now.iterations[1].id, kind: 'next-step', text: 'Move the chat widget out of the checkout flow on narrow screens.' });
}
