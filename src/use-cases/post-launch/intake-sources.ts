/**
 * An admin's feedback sources: add (a JQL checked by Jira's parser as that admin, bounded to projects
 * the admin may browse), remove, and *Fetch now* (checked again as the admin who asks, then queued).
 * Every refusal is a field error and writes nothing.
 */
import { fail, ok, type Result } from '../../contract';
import { INTAKE_LIMITS, type IntakeSource, type IntakeSourceStatus } from '../../contract/post-launch/intake';
import { boundingProjects, hasOrderBy } from '../../domain/post-launch/intake';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { dayOf } from '../../domain/post-launch/days';
import { deleteIntakeState, indexIntakeProject, readIntakeSources, unindexIntakeProject, updateIntakeSources, type IntakeState } from '../../storage/intake';
import { startFetch } from './intake-run';

const refuse = (path: string, message: string) => fail<never>('VALIDATION_FAILED', message, { fields: [{ path, message }] });

/** What the settings page shows of a source. */
export function statusOf(source: IntakeSource, s: IntakeState | undefined, today: string): IntakeSourceStatus {
  return {
    ...source,
    state: s?.state ?? 'idle',
    startedAt: s?.startedAt ?? null,
    updatedAt: s?.updatedAt ?? null,
    added: s?.added ?? 0,
    today: s && s.day === today ? s.dayCount : 0,
    total: s?.total ?? 0,
    message: s?.message ?? null,
  };
}

/**
 * Jira's check of a JQL as the caller (so projects they may not browse are refused by Jira itself),
 * then the app's: bounded to named projects, no ORDER BY (sources are read oldest first).
 */
async function checkJql(deps: Deps, jql: string, path: string): Promise<Result<string[]>> {
  const [parsed] = await deps.jira.parseJql([jql]);
  // Jira's own words (in the user's Jira language), inside a sentence of ours.
  if (!parsed || parsed.errors.length)
    return refuse(path, parsed?.errors.length ? `Jira did not accept this JQL: ${parsed.errors.join(' ')}` : 'Jira did not accept this JQL.');
  if (hasOrderBy(parsed.structure)) return refuse(path, 'Leave out ORDER BY: a source’s issues are brought in oldest first.');
  const projects = boundingProjects(parsed.structure);
  if (!projects)
    return refuse(path, 'Name the projects to read: start the query with “project = KEY AND …” or “project in (A, B) AND …” (an OR at the top level is not bounded).');
  const named = projects.find((p) => !/^(\d{1,18}|[A-Za-z][A-Za-z0-9_]{0,254})$/.test(p));
  if (named !== undefined) return refuse(path, `Name each project by its key, not “${named}”.`);
  // Jira's parser accepts a project its admins administer but may not browse: the app reads the issues
  // as itself later, so it reads only projects the admin may browse now.
  for (const p of projects)
    if (!(await deps.jira.projectPermissions(p)).canBrowse) return refuse(path, `You may not browse project ${p}: a feedback source reads only projects you can browse.`);
  return ok(projects);
}

export async function addSource(deps: Deps, caller: Caller, input: { jql: string }): Promise<Result<IntakeSourceStatus>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const seen = await readIntakeSources(deps, project.id, project.key);
  const full = `A project has at most ${INTAKE_LIMITS.sourcesPerProject} feedback sources; remove one first.`;
  const same = 'This JQL is already a feedback source of this project.';
  if (seen.sources.length >= INTAKE_LIMITS.sourcesPerProject) return refuse('jql', full);
  if (seen.sources.some((s) => s.jql === input.jql)) return refuse('jql', same);
  const checked = await checkJql(deps, input.jql, 'jql');
  if (!checked.ok) return checked;

  const source: IntakeSource = { id: deps.ids.next().replace(/-/g, '').slice(0, 16), jql: input.jql, setBy: accountId, setAt: deps.clock.now().toISOString() };
  // The index first: an entry for a project without sources is harmless (the daily job drops it).
  await indexIntakeProject(deps, project);
  const raced: { refusal: Result<never> | null } = { refusal: null };
  await updateIntakeSources(deps, project.id, project.key, (d) => {
    // Checked again on the document being replaced: another admin may have added one meanwhile.
    raced.refusal = d.sources.length >= INTAKE_LIMITS.sourcesPerProject ? refuse('jql', full) : d.sources.some((s) => s.jql === input.jql) ? refuse('jql', same) : null;
    return raced.refusal ? null : { ...d, projectKey: project.key, sources: [...d.sources, source] };
  });
  if (raced.refusal) return raced.refusal;
  return ok(statusOf(source, undefined, dayOf(deps.clock.now())));
}

export async function removeSource(deps: Deps, caller: Caller, input: { sourceId: string }): Promise<Result<{ removed: string }>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const seen = await readIntakeSources(deps, project.id, project.key);
  if (!seen.sources.some((s) => s.id === input.sourceId)) return fail('NOT_FOUND', 'This feedback source no longer exists.');
  const doc = await updateIntakeSources(deps, project.id, project.key, (d) =>
    d.sources.some((s) => s.id === input.sourceId) ? { ...d, sources: d.sources.filter((s) => s.id !== input.sourceId) } : null,
  );
  // A fetch under way stops at its next step (it finds no source). Items it brought in stay.
  await deleteIntakeState(deps, project.id, input.sourceId);
  if (doc.sources.length === 0) await unindexIntakeProject(deps, project.id);
  return ok({ removed: input.sourceId });
}

/**
 * *Fetch now*: the JQL is checked again as the admin who asks (a project they may no longer browse is
 * refused), then a fetch is queued; the answer is the source's status, which the page then follows.
 * A failing source that Jira accepts again is fetched again.
 */
export async function fetchNow(deps: Deps, caller: Caller, input: { sourceId: string }): Promise<Result<IntakeSourceStatus>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const source = (await readIntakeSources(deps, project.id, project.key)).sources.find((s) => s.id === input.sourceId);
  if (!source) return fail('NOT_FOUND', 'This feedback source no longer exists.');
  const checked = await checkJql(deps, source.jql, 'sourceId');
  if (!checked.ok) return checked;
  const outcome = await startFetch(deps, project, source, 'manual');
  if (!outcome.started && outcome.why === 'capped')
    return fail('LIMIT_REACHED', `This source brought in ${INTAKE_LIMITS.itemsPerDay.toLocaleString('en-US')} items today; the rest come tomorrow.`, {
      fields: [{ path: 'sourceId', message: 'The day’s limit is reached; the rest come tomorrow.' }],
    });
  return ok(statusOf(source, outcome.state, dayOf(deps.clock.now())));
}
