/**
 * The issue panel shows the verdict of the iteration an epic shipped in: outcome next to output.
 * Seed: Portal 1.0 launched 30 Jun 2025 with +30/+60/+90 iterations; PV-7 was done on 14 Aug 2025.
 */
import { goalInput, kpiInput, panelOn } from '../../test/support/local-app';
import { IDS, seededPostLaunch } from '../../test/support/post-launch';

describe('issue panel: iteration verdict', () => {
  it('credits an epic that serves no goal with no KPI movement (PV-7), and says why', async () => {
    const { app } = await seededPostLaunch();
    const r = await app.call('member', 'panel/load', {}, panelOn(app.issue('PV-7')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.goal).toBeNull();
    expect(r.data.iterationVerdict).toMatchObject({ shippedBy: 'resolved-in-window', goal: null, kpis: [], tally: { toward: 0, flat: 0, away: 0, 'no-data': 0 } });
    expect(r.data.iterationVerdict!.start <= '2025-08-14' && '2025-08-14' <= r.data.iterationVerdict!.end).toBe(true);
  });

  it('once PV-7 serves a goal, credits it with that goal’s KPIs only, not another goal’s', async () => {
    const { app } = await seededPostLaunch();
    const other = await app.call('admin', 'goal/create', { goal: goalInput({ title: 'Grow the shop' }), baseRevision: 3 });
    if (!other.ok) throw new Error(other.error.message);
    const otherGoal = other.data.goals[1]!.id;
    const kpi = await app.call('admin', 'kpi/create', { kpi: kpiInput(otherGoal, { name: 'Orders', direction: 'increase', baseline: 1, target: 9 }), baseRevision: 4 });
    expect(kpi.ok).toBe(true);
    const set = await app.call('admin', 'panel/set-goal', { goalId: IDS.goal, baseGoalId: null }, panelOn(app.issue('PV-7')));
    expect(set.ok).toBe(true);
    const r = await app.call('member', 'panel/load', {}, panelOn(app.issue('PV-7')));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.iterationVerdict).toMatchObject({
      goal: { id: IDS.goal, title: 'Cut support calls' },
      kpis: [
        { kpiId: IDS.calls, name: 'Support calls per week', verdict: expect.stringMatching(/toward|flat|away|no-data/) },
        { kpiId: IDS.csat, name: 'CSAT', verdict: 'no-data' },
      ],
    });
    expect(r.data.iterationVerdict!.kpis.map((k: { name: string }) => k.name)).not.toContain('Orders');
  });

  it('shows none for an epic that is not done and in no launch version', async () => {
    const { app } = await seededPostLaunch();
    const r = await app.call('member', 'panel/load', {}, panelOn(app.issue('PV-4')));
    expect(r.ok && r.data.iterationVerdict).toBeFalsy();
  });

  it('shows a story the verdict of the iteration its epic shipped in', async () => {
    const { app } = await seededPostLaunch();
    const story = app.site.issues.find((i) => i.parentId === app.issue('PV-7').id)!;
    const r = await app.call('member', 'panel/load', {}, panelOn(app.issue(story.key)));
    expect(r.ok && r.data.iterationVerdict).toMatchObject({ shippedBy: 'resolved-in-window', goal: null, kpis: [] });
  });
});
