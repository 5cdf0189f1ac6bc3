/**
 * The issue panel shows the verdict of the iteration an epic shipped in: outcome next to output.
 * Seed: Portal 1.0 launched 30 Jun 2025 with +30/+60/+90 iterations; PV-7 was done on 14 Aug 2025.
 */
import { panelOn } from '../../test/support/local-app';
import { seededPostLaunch } from '../../test/support/post-launch';

describe('issue panel: iteration verdict', () => {
  it('shows the verdict of the iteration an epic was done in, per KPI', async () => {
    const { app } = await seededPostLaunch();
    const r = await app.call('member', 'panel/load', {}, panelOn(app.issue('PV-7')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.iterationVerdict).toMatchObject({
      shippedBy: 'resolved-in-window',
      kpis: [
        { name: 'Support calls per week', verdict: expect.stringMatching(/toward|flat|away|no-data/) },
        { name: 'CSAT', verdict: 'no-data' },
      ],
    });
    expect(r.data.iterationVerdict.start <= '2025-08-14' && '2025-08-14' <= r.data.iterationVerdict.end).toBe(true);
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
    expect(r.ok && r.data.iterationVerdict?.shippedBy).toBe('resolved-in-window');
  });
});
