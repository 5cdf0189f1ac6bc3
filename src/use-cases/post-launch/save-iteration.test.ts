/**
 * Editing an iteration that someone else deleted meanwhile: NOT_FOUND with what is gone and the launch
 * book now (whatever the base revision), nothing written; the same values then go in as a new iteration.
 */
import { IDS, seededPostLaunch } from '../../../test/support/post-launch';

const edit = { name: 'Day 90 review', start: '2025-08-30', end: '2025-10-05', versionId: null };

describe('editing an iteration deleted meanwhile', () => {
  it('answers NOT_FOUND naming the iteration, with the launch book now, and can add it again', async () => {
    const { app, launched } = await seededPostLaunch();
    const base = launched.launchBook.revision;
    expect((await app.call('admin', 'iteration/delete', { launchId: IDS.launch, iterationId: IDS.it90, baseRevision: base, confirm: true })).ok).toBe(true);
    const before = await app.snapshot();
    for (const baseRevision of [base, base + 1]) {
      const r = await app.call('admin', 'iteration/update', { launchId: IDS.launch, iterationId: IDS.it90, iteration: edit, baseRevision });
      expect(!r.ok && r.error).toMatchObject({
        code: 'NOT_FOUND',
        message: 'This iteration was deleted by someone else.',
        details: { gone: { kind: 'iteration', id: IDS.it90, launchExists: true }, current: { revision: base + 1 } },
      });
    }
    expect(await app.snapshot()).toEqual(before);
    const again = await app.call('admin', 'iteration/create', { launchId: IDS.launch, iteration: edit, baseRevision: base + 1 });
    expect(again.ok && again.data.launchBook.launches[0].iterations.map((i: { name: string }) => i.name)).toContain('Day 90 review');
  });

  it('says when the launch went too (nothing to add it to), and a live iteration on a stale base is still a CONFLICT', async () => {
    const { app, launched } = await seededPostLaunch();
    const base = launched.launchBook.revision;
    const stale = await app.call('admin', 'iteration/update', { launchId: IDS.launch, iterationId: IDS.it60, iteration: { ...edit, name: 'x', start: '2025-07-31', end: '2025-08-29' }, baseRevision: base - 1 });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    expect((await app.call('admin', 'launch/delete', { launchId: IDS.launch, baseRevision: base })).ok).toBe(true);
    const r = await app.call('admin', 'iteration/update', { launchId: IDS.launch, iterationId: IDS.it90, iteration: edit, baseRevision: base + 1 });
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', details: { gone: { kind: 'iteration', id: IDS.it90, launchExists: false } } });
  });
});
