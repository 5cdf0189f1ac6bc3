/**
 * Editing a goal or KPI that someone else deleted meanwhile: the answer is NOT_FOUND with what is gone
 * and the book as it is now (whatever revision the edit was based on), nothing is written, and sending
 * the same values as a new item works — what the form offers as "add it again".
 */
import { createTestApp, goalInput, kpiInput } from '../../../test/support/local-app';

/** Goals id-1 and id-3, KPI id-2 under id-1 and id-4 under id-3 (book revision 4). */
async function twoGoals() {
  const app = createTestApp();
  for (const [key, payload] of [
    ['goal/create', { goal: goalInput(), baseRevision: 0 }],
    ['kpi/create', { kpi: kpiInput('id-1'), baseRevision: 1 }],
    ['goal/create', { goal: goalInput({ title: 'Grow self-service' }), baseRevision: 2 }],
    ['kpi/create', { kpi: kpiInput('id-3', { name: 'Self-service share', direction: 'increase', baseline: 10, target: 40, unit: '%' }), baseRevision: 3 }],
  ] as const)
    expect((await app.call('admin', key, payload)).ok).toBe(true);
  return app;
}

describe('editing something deleted meanwhile', () => {
  it('a goal: NOT_FOUND naming the goal, with the current book; stale or current base alike; nothing written', async () => {
    const app = await twoGoals();
    expect((await app.call('admin', 'goal/delete', { goalId: 'id-1', baseRevision: 4, confirm: true })).ok).toBe(true);
    const before = await app.snapshot();
    for (const baseRevision of [4, 5]) {
      const r = await app.call('admin', 'goal/update', { goalId: 'id-1', goal: goalInput({ title: 'Typed meanwhile' }), baseRevision });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatchObject({
        code: 'NOT_FOUND',
        message: 'This goal was deleted by someone else.',
        details: { gone: { kind: 'goal', id: 'id-1', goalExists: false }, current: { revision: 5 } },
      });
      // The book now: the other goal and its KPI only.
      const current = !r.ok && (r.error.details as { current: { goals: Array<{ id: string }>; kpis: Array<{ id: string }> } }).current;
      expect(current && current.goals.map((g) => g.id)).toEqual(['id-3']);
      expect(current && current.kpis.map((k) => k.id)).toEqual(['id-4']);
    }
    expect(await app.snapshot()).toEqual(before);
    // "Add it again": the typed values as a new goal, against the book the answer carried.
    const again = await app.call('admin', 'goal/create', { goal: goalInput({ title: 'Typed meanwhile' }), baseRevision: 5 });
    expect(again.ok && again.data.goals.map((g: { title: string }) => g.title)).toEqual(['Grow self-service', 'Typed meanwhile']);
  });

  it('a KPI whose goal still exists: NOT_FOUND with goalExists, and it can be added again under that goal', async () => {
    const app = await twoGoals();
    expect((await app.call('admin', 'kpi/delete', { kpiId: 'id-4', baseRevision: 4 })).ok).toBe(true);
    const edit = kpiInput('id-3', { name: 'Self-service share', direction: 'increase', baseline: 10, target: 55, unit: '%' });
    const r = await app.call('admin', 'kpi/update', { kpiId: 'id-4', kpi: edit, baseRevision: 4 });
    expect(!r.ok && r.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This KPI was deleted by someone else.',
      details: { gone: { kind: 'kpi', id: 'id-4', goalExists: true }, current: { revision: 5 } },
    });
    const again = await app.call('admin', 'kpi/create', { kpi: edit, baseRevision: 5 });
    expect(again.ok && again.data.kpis.map((k: { name: string; target: number }) => [k.name, k.target])).toEqual([
      ['Support calls per week', 600],
      ['Self-service share', 55],
    ]);
  });

  it('a KPI that went with its goal: goalExists false (re-creating it needs the goal first)', async () => {
    const app = await twoGoals();
    expect((await app.call('admin', 'goal/delete', { goalId: 'id-3', baseRevision: 4, confirm: true })).ok).toBe(true);
    const r = await app.call('admin', 'kpi/update', { kpiId: 'id-4', kpi: kpiInput('id-3', { direction: 'increase', baseline: 10, target: 55 }), baseRevision: 5 });
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', details: { gone: { kind: 'kpi', id: 'id-4', goalExists: false } } });
  });

  it('an edit of a goal that still exists, on a stale base, is still a CONFLICT (only that goal is checked)', async () => {
    const app = await twoGoals();
    expect((await app.call('admin', 'goal/delete', { goalId: 'id-1', baseRevision: 4, confirm: true })).ok).toBe(true);
    const r = await app.call('admin', 'goal/update', { goalId: 'id-3', goal: goalInput({ title: 'Renamed' }), baseRevision: 4 });
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', details: { current: { revision: 5 } } });
    const ok = await app.call('admin', 'goal/update', { goalId: 'id-3', goal: goalInput({ title: 'Renamed' }), baseRevision: 5 });
    expect(ok.ok && ok.data.goals.map((g: { title: string }) => g.title)).toEqual(['Renamed']);
  });

  it('members still get FORBIDDEN, not what is gone', async () => {
    const app = await twoGoals();
    expect((await app.call('admin', 'goal/delete', { goalId: 'id-1', baseRevision: 4, confirm: true })).ok).toBe(true);
    const r = await app.call('member', 'goal/update', { goalId: 'id-1', goal: goalInput(), baseRevision: 5 });
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(!r.ok && r.error.details).toBeUndefined();
  });
});
