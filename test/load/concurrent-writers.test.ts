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
