/**
 * 50 concurrent writers on one project, over the preview's HTTP invoke endpoint: every accepted write
 * must be present afterwards, every refused one must have got a CONFLICT answer, none lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPreview } from '../../preview/preview-app';

const WRITERS = 50;
const PV = { id: '10000', key: 'PV', type: 'software' };
const context = { moduleKey: 'vision-settings', extension: { type: 'jira:projectSettingsPage', project: PV } };

it(`${WRITERS} concurrent writers: accepted writes all present, refusals all CONFLICT, none lost`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pv-load-'));
  // A little Jira latency widens the window between reading a revision and writing the next.
  const preview = createPreview({ dataDir, jiraLatencyMs: 5 });
  const { server, url } = await preview.listen(0);
  const invoke = async (functionKey: string, payload: unknown) => {
    const res = await fetch(`${url}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ functionKey, payload, context, accountId: preview.users.admin }),
    });
    return res.json();
  };
  try {
    const outcomes = await Promise.all(
      Array.from({ length: WRITERS }, async (_, i) => {
        const loaded = await invoke('project/load', {});
        const title = `Goal from writer ${i}`;
        const answer = await invoke('goal/create', {
          goal: { title, description: '', ownerAccountId: null, status: 'active', targetDate: null },
          baseRevision: loaded.data.goalBook.revision,
        });
        return { title, answer };
      }),
    );
    const accepted = outcomes.filter((o) => o.answer.ok).map((o) => o.title);
    const refused = outcomes.filter((o) => !o.answer.ok);
    const final = await invoke('project/load', {});
    const present = new Set(final.data.goalBook.goals.map((g: { title: string }) => g.title));
    const lost = accepted.filter((t) => !present.has(t));

    console.log(`concurrent writers: ${WRITERS}, accepted ${accepted.length}, refused ${refused.length}, lost ${lost.length}`);
    expect(accepted.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(refused.every((o) => o.answer.error.code === 'CONFLICT' && o.answer.error.details?.current)).toBe(true);
    expect(accepted.length + refused.length).toBe(WRITERS);
    expect(final.data.goalBook.goals).toHaveLength(accepted.length);
    expect(final.data.goalBook.revision).toBe(accepted.length);
  } finally {
    server.close();
    preview.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);

it(`${WRITERS} concurrent writers of one KPI's day and of feedback: one value wins, the rest get CONFLICT with it; every feedback item counted once`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pv-load-'));
  const preview = createPreview({ dataDir, jiraLatencyMs: 5 });
  const { server, url } = await preview.listen(0);
  const invoke = async (functionKey: string, payload: unknown) => {
    const res = await fetch(`${url}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ functionKey, payload, context, accountId: preview.users.admin }),
    });
    return res.json();
  };
  try {
    const goals = await invoke('goal/create', { goal: { title: 'G', description: '', ownerAccountId: null, status: 'active', targetDate: null }, baseRevision: 0 });
    const goalId = goals.data.goals[0].id;
    const book = await invoke('kpi/create', {
      kpi: { goalId, name: 'K', unit: '', direction: 'increase', baseline: 0, target: 100, bandLow: null, bandHigh: null },
      baseRevision: 1,
    });
    const kpiId = book.data.kpis[0].id;
    const launch = await invoke('launch/create', { name: 'L', versionId: null, date: '2025-01-01', preset: '30-60-90', baseRevision: 0 });
    const it30 = launch.data.launchBook.launches[0].iterations[0];
    const ref = { launchId: launch.data.launchBook.launches[0].id, iterationId: it30.id };
    const day = it30.start;

    const [measures, feedback] = await Promise.all([
      Promise.all(Array.from({ length: WRITERS }, (_, i) => invoke('kpi/measure', { kpiId, date: day, value: i + 1, note: '', baseRevision: 0 }))),
      Promise.all(Array.from({ length: WRITERS }, (_, i) => invoke('feedback/create', { source: 'survey', text: `Item ${i}`, sentiment: 'neutral', goalId, kpiId, iteration: ref }))),
    ]);
    const accepted = measures.filter((m) => m.ok);
    const refused = measures.filter((m) => !m.ok);
    console.log(`concurrent measurements of one day: ${WRITERS}, accepted ${accepted.length}, refused ${refused.length}; concurrent feedback: ${feedback.filter((f) => f.ok).length} of ${WRITERS} accepted`);
    expect(accepted).toHaveLength(1);
    expect(refused.every((m) => m.error.code === 'CONFLICT' && m.error.details.current.value === accepted[0].data.value)).toBe(true);
    const chart = await invoke('kpi/chart', { kpiId });
    expect(chart.data.points.filter((p: { date: string }) => p.date === day).map((p: { value: number }) => p.value)).toEqual([accepted[0].data.value]);
    expect(feedback.every((f) => f.ok)).toBe(true);
    const page = await invoke('iteration/load', ref);
    expect(page.data.outcome.feedback).toEqual({ positive: 0, neutral: WRITERS, negative: 0 });
  } finally {
    server.close();
    preview.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
