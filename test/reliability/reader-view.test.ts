/**
 * "What Confluence readers see" on the settings page (`vision/reader-view`), through the bundle `forge deploy`
 * uploads: the macro's own view of the project (every section, latest version) with a KPI value entered a
 * minute ago and the vision version, equal to what `macro/load` answers for a macro set to the same project;
 * the macro's refusals when there is nothing to show; two Jira calls, as the admin.
 */
import { createTestApp, goalInput, kpiInput, visionInput } from '../support/local-app';
import { createMacroTestApp, PV_CONFIG } from '../support/macro-app';

const data = (r: { ok: boolean; data?: any; error?: any }) => {
  if (!r.ok) throw new Error(`Expected success, got ${JSON.stringify(r.error)}`);
  return r.data;
};

/** The in-process calls that set the project up run a day earlier than the bundle's (platform) clock. */
const clock = { now: () => new Date(Date.now() - 24 * 3600 * 1000) };

async function published() {
  const app = createMacroTestApp({ clock });
  const must = async (key: string, payload: unknown) => data(await app.call('admin', key as never, payload));
  await must('vision/save', visionInput());
  await must('goal/create', { goal: goalInput({ title: 'Halve support calls' }), baseRevision: 0 });
  await must('kpi/create', { kpi: kpiInput('id-1'), baseRevision: 1 });
  await must('vision/publish', { baseRevision: 1, changeNote: 'First.' });
  return app;
}

it('after a KPI value is entered, the reader view shows it and the vision version, exactly as the macro does', async () => {
  const app = await published();
  data(await app.callBundled('admin', 'kpi/measure', { kpiId: 'id-2', date: new Date().toISOString().slice(0, 10), value: 950, note: '', baseRevision: 0 }));
  await app.forge().queue.drain();

  const reader = data(await app.callBundled('admin', 'vision/reader-view', {}));
  expect(reader.sections).toEqual(['vision', 'goals', 'coverage', 'iteration']);
  expect(reader.pinned).toBeNull();
  // The link to the app's project page, with the app's ids as Forge gives them.
  expect(reader.projectPagePath).toMatch(/^\/jira\/software\/projects\/PV\/apps\/[^/]+\/[^/]+$/);
  expect(reader.summary).toMatchObject({ version: 1, changeNote: 'First.', vision: { statement: visionInput().statement } });
  expect(reader.summary.goals[0].kpis[0]).toMatchObject({ current: { value: 950 }, status: 'on-track' });
  expect(reader.figuresAsOf > reader.summary.publishedAt).toBe(true);
  // The same answer a macro set to this project gives the same person.
  expect(reader).toEqual(data(await app.callMacroBundled('admin', 'macro/load', {}, PV_CONFIG)));

  // A newer version shows once published, not while it is a draft.
  data(await app.callBundled('admin', 'vision/save', { ...visionInput(1), statement: 'Second thoughts.' }));
  expect(data(await app.callBundled('admin', 'vision/reader-view', {})).summary).toMatchObject({ version: 1, vision: { statement: visionInput().statement } });
  data(await app.callBundled('admin', 'vision/publish', { baseRevision: 2, changeNote: 'Second.' }));
  expect(data(await app.callBundled('admin', 'vision/reader-view', {})).summary).toMatchObject({ version: 2, vision: { statement: 'Second thoughts.' } });
});

it('says what the macro says when nothing is published yet, and refuses those who are not project admins', async () => {
  const app = createTestApp();
  data(await app.call('admin', 'vision/save', visionInput()));
  const before = await app.snapshot();
  const answer = await app.callBundled('admin', 'vision/reader-view', {});
  expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'not-published' } } });
  expect(!answer.ok && answer.error.message).toMatch(/has not been published yet/);
  for (const [role, code] of [['member', 'FORBIDDEN'], ['viewer', 'FORBIDDEN'], ['outsider', 'NO_ACCESS'], ['anonymous', 'UNAUTHENTICATED']] as const)
    expect(await app.callBundled(role, 'vision/reader-view', {})).toMatchObject({ ok: false, error: { code } });
  expect(await app.callBundled('admin', 'vision/reader-view', { projectId: '10001' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(await app.snapshot()).toEqual(before);
});

it('asks Jira twice, as the admin: permissions once, then the project with both properties', async () => {
  const app = await published();
  const calls = { ...app.site.calls };
  data(await app.callBundled('admin', 'vision/reader-view', {}));
  const made = Object.fromEntries(Object.entries(app.site.calls).filter(([op, n]) => n !== (calls[op] ?? 0)).map(([op, n]) => [op, n - (calls[op] ?? 0)]));
  expect(made).toEqual({ 'GET /rest/api/3/mypermissions': 1, 'GET /rest/api/3/project/{projectIdOrKey}': 1 });
});
