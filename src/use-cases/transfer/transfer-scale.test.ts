/**
 * The bench-sized project (20 KPIs × 5 years of daily measurements = 36,520, and 2,000 feedback items,
 * laid out in storage as the app writes them): exported and imported through the real resolvers. Checks
 * that every answer stays well under the bridge's size limit, and that the round trip is lossless; prints
 * the figures (file size, invocations, storage calls) as one line.
 */
import { DEMO_USERS } from '../../../devtools/simulated-jira/seed';
import { addDays } from '../../domain/post-launch/days';
import { assembleExport } from '../../contract';
import { createTestApp, goalInput, kpiInput } from '../../../test/support/local-app';
import { fixedClock, TODAY } from '../../../test/support/post-launch';
import { seedDailyMeasurements, seedFeedback } from '../../../test/support/post-launch-history';
import { comparable, exportDocument, exportParts, importDocument, MOB } from '../../../test/support/transfer';
import { PV } from '../../../test/support/local-app';

jest.setTimeout(300_000);

it('exports and imports 36,520 measurements and 2,000 feedback items in parts under 2 MB, losslessly', async () => {
  const app = createTestApp({ clock: fixedClock() });
  let book = (await app.call('admin', 'goal/create', { goal: goalInput(), baseRevision: 0 }) as any).data;
  for (let k = 0; k < 20; k++)
    book = (await app.call('admin', 'kpi/create', { kpi: kpiInput(book.goals[0].id, { name: `KPI ${k + 1}` }), baseRevision: book.revision }) as any).data;
  const kpiIds: string[] = book.kpis.map((k: { id: string }) => k.id);
  const measurements = await seedDailyMeasurements(app.store, PV.id, kpiIds, {
    from: addDays(TODAY, -Math.round(365.25 * 5) + 1),
    to: TODAY,
    by: DEMO_USERS.admin,
    value: (k, d) => 1000 + ((k % 2 === 0 ? 1 : -1) * d) / 5 + ((d * 37) % 23),
  });
  const launched = (await app.call('admin', 'launch/create', { name: '', versionId: '10100', date: null, preset: '30-60-90', baseRevision: 0 }) as any).data;
  await seedFeedback(app.store, PV.id, launched.launchBook.launches[0], { count: 2000, goalId: book.goals[0].id, kpiIds, by: DEMO_USERS.admin });
  expect(measurements).toBe(36_520);

  app.store.resetCalls();
  let started = performance.now();
  const parts = await exportParts(app);
  const exportMs = Math.round(performance.now() - started);
  const exportStorage = Object.values(app.store.calls).reduce((a, b) => a + b, 0);
  const partBytes = parts.map((p) => Buffer.byteLength(JSON.stringify({ ok: true, data: p })));
  const doc = assembleExport(parts);
  const text = JSON.stringify(doc);
  expect(doc.data.measurements).toHaveLength(36_520);
  expect(doc.data.feedback).toHaveLength(2_000);
  expect(Math.max(...partBytes)).toBeLessThan(2 * 1024 * 1024);
  expect(parts.every((p) => p.progress.unknown === 0)).toBe(true);

  app.store.resetCalls();
  started = performance.now();
  const run = await importDocument(app, text, MOB);
  const importMs = Math.round(performance.now() - started);
  const importStorage = Object.values(app.store.calls).reduce((a, b) => a + b, 0);
  expect(run.progress.status).toBe('done');
  const again = await exportDocument(app, MOB);
  const expected = structuredClone(doc.data);
  for (const l of expected.launchBook!.launches) Object.assign(l, { versionId: null, versionName: null });
  expect(again.data).toEqual(expected);
  expect(comparable(again).format).toBe('product-vision-export');

  const figures = {
    measurements,
    feedback: 2000,
    fileBytes: Buffer.byteLength(text),
    exportInvokes: parts.length,
    largestPartBytes: Math.max(...partBytes),
    exportStorageCalls: exportStorage,
    exportMs,
    importInvokes: run.invokes,
    importWrites: run.progress.total,
    importStorageCalls: importStorage,
    importMs,
  };
  console.log(`export/import bench: ${JSON.stringify(figures)}`);
});
