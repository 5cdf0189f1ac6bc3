/**
 * Automatic KPIs: a JQL whose count of matching issues is the KPI's value, taken when the admin sets it
 * and then every day by the scheduled trigger. The JQL is checked by Jira's own parser (its message is
 * shown as is) and must be bounded by project clauses: to this project, or to other projects too, each
 * of which the admin setting it may browse (checked as them; see ./kpi-source-scope).
 */
import { fail, ok, type Result } from '../../contract';
import type { JqlPreview, KpiSource, OtherProject } from '../../contract/post-launch/post-launch';
import { isOutlier } from '../../domain/goals/plausible-values';
import { kpiStatus } from '../../domain/goals/kpi-status';
import { dayOf } from '../../domain/post-launch/days';
import { projectBound } from '../../domain/post-launch/kpi-jql';
import { JiraError, type Caller, type Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readGoalBook } from '../../storage/books';
import { fitsInOneValue } from '../../storage/document-rules';
import { indexAutomaticProject, readSources, unindexAutomaticProject, updateSources, type SourcesDoc } from '../../storage/kpi-sources';
import { loadLatestValues } from '../../storage/kpi-latest';
import { recordSourceSwitch } from '../../storage/kpi-series';
import { readLaunchBook } from '../../storage/launches';
import { writeMeasurement } from '../../storage/measurements';
import { figuresChanged } from '../macro/current-figures';
import { checkOtherProjects, sourcesForViewer } from './kpi-source-scope';

const jqlProblem = (message: string) =>
  fail<never>('VALIDATION_FAILED', 'Jira cannot use this JQL.', { fields: [{ path: 'jql', message }] });

/** Whether the KPI's source now is neither the one the admin saw (`baseJql`) nor the one they ask for (a retry is no conflict). */
const isStale = (doc: SourcesDoc, kpiId: string, baseJql: string | null, wanted: string | null): boolean => {
  const now = doc.sources[kpiId]?.jql ?? null;
  return now !== baseJql && now !== wanted;
};

/**
 * CONFLICT, with the KPI's source as it is now (as this admin may see it: the JQL of one spanning
 * projects they may not browse is withheld), when it changed since they opened it; null when not.
 */
async function staleSource(deps: Deps, doc: SourcesDoc, kpiId: string, baseJql: string | null, wanted: string | null): Promise<Result<never> | null> {
  if (!isStale(doc, kpiId, baseJql, wanted)) return null;
  const stored = doc.sources[kpiId] ?? null;
  const now = stored ? ((await sourcesForViewer(deps, [stored]))[0] ?? null) : null;
  const what = !now ? 'it is now measured by hand' : now.hidden ? 'it now counts issues of projects you may not browse' : `it is now measured by “${now.jql}”`;
  return fail('CONFLICT', `Someone else changed how this KPI is measured since you opened it: ${what}. Check it, then save again.`, {
    details: { current: now },
  });
}

/**
 * Today's count of a JQL as the caller, and the other projects it spans, or the field error to show.
 * Jira's parser checks it; it must be bounded by project clauses, and every other project it names must
 * be one the caller may browse. Writes nothing.
 */
async function countJql(deps: Deps, project: { id: string; key: string }, jql: string): Promise<Result<{ count: number; otherProjects: OtherProject[] }>> {
  const [parsed] = await deps.jira.parseJql([jql]);
  // Jira's own words (in the user's Jira language), inside a sentence of ours.
  if (!parsed || parsed.errors.length)
    return jqlProblem(parsed?.errors.length ? `Jira did not accept this JQL: ${parsed.errors.join(' ')}` : 'Jira did not accept this JQL.');
  const named = projectBound(parsed.structure);
  if (!named)
    return jqlProblem(
      `An automatic KPI counts issues of named projects: start the query with “project = ${project.key} AND …”, or “project in (${project.key}, …) AND …” to count other projects you may browse too (an OR at the top level must name projects in each part).`,
    );
  const others = await checkOtherProjects(deps, project, named);
  if (!others.ok) return others;
  try {
    return ok({ count: await deps.jira.countIssues(jql), otherProjects: others.data });
  } catch (error) {
    if (error instanceof JiraError && error.status === 400) return jqlProblem(error.message);
    throw error;
  }
}

/**
 * What switching a KPI to `jql` would do, before anything is saved: today's count (as the admin, so
 * Jira's own permissions apply), the KPI's status now and with that count, whether the count would be
 * an outlier, and whether it changes how the KPI is measured (verdicts then do not compare across).
 * Admins only, as setting the source is; nothing is written.
 */
export async function previewKpiJql(deps: Deps, caller: Caller, input: { kpiId: string; jql: string }): Promise<Result<JqlPreview>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const [goalBook, sources, latestDoc] = await Promise.all([
    readGoalBook(deps, project.id),
    readSources(deps, project.id, project.key),
    loadLatestValues(deps, project.id),
  ]);
  const kpi = goalBook.kpis.find((k) => k.id === input.kpiId);
  if (!kpi) return fail('VALIDATION_FAILED', 'This KPI no longer exists.', { fields: [{ path: 'kpiId', message: 'This KPI was deleted.' }] });
  const counted = await countJql(deps, project, input.jql);
  if (!counted.ok) return counted;
  const { count } = counted.data;
  const date = dayOf(deps.clock.now());
  const latest = latestDoc?.values[kpi.id] ?? null;
  const at = deps.clock.now().toISOString();
  return ok({
    kpiId: kpi.id,
    count,
    date,
    latest,
    statusNow: kpiStatus(kpi, latest ? { value: latest.value, at: latest.date } : null),
    statusAfter: kpiStatus(kpi, { value: count, at }),
    outlier: isOutlier(kpi, count),
    changesScale: (sources.sources[kpi.id]?.jql ?? null) !== input.jql,
  });
}

/**
 * Sets (or with `jql: null` removes) a KPI's automatic source, and takes today's value at once. The
 * admin names the source they saw (`baseJql`): a source changed since answers CONFLICT with it.
 */
export async function setKpiJql(
  deps: Deps,
  caller: Caller,
  input: { kpiId: string; jql: string | null; baseJql: string | null },
): Promise<Result<KpiSource | null>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const [goalBook, seen] = await Promise.all([readGoalBook(deps, project.id), readSources(deps, project.id, project.key)]);
  if (!goalBook.kpis.some((k) => k.id === input.kpiId))
    return fail('VALIDATION_FAILED', 'This KPI no longer exists.', { fields: [{ path: 'kpiId', message: 'This KPI was deleted.' }] });
  const stale = await staleSource(deps, seen, input.kpiId, input.baseJql, input.jql);
  if (stale) return stale;

  // A change of source is recorded in the series before the source changes: a write that stops in between
  // leaves a switch without a change (verdicts then only decline to compare), never a change the series
  // does not know of (verdicts would compare hand values with counts), and a retry records it again.
  if (input.jql === null) {
    // Measured by hand from today.
    if (seen.sources[input.kpiId]) await recordSourceSwitch(deps, project.id, input.kpiId, dayOf(deps.clock.now()), 'manual', await readLaunchBook(deps, project.id));
    const doc = await updateSources(deps, project.id, project.key, (d) => {
      if (!d.sources[input.kpiId] || d.sources[input.kpiId]!.jql !== input.baseJql) return null;
      const { [input.kpiId]: _gone, ...rest } = d.sources;
      return { ...d, sources: rest };
    });
    const raced = await staleSource(deps, doc, input.kpiId, null, null);
    if (raced) return raced;
    if (Object.keys(doc.sources).length === 0) await unindexAutomaticProject(deps, project.id);
    return ok(null);
  }

  const jql = input.jql;
  const counted = await countJql(deps, project, jql);
  if (!counted.ok) return counted;
  const { count, otherProjects } = counted.data;
  const kpi = goalBook.kpis.find((k) => k.id === input.kpiId)!;

  const at = deps.clock.now().toISOString();
  const date = dayOf(deps.clock.now());
  const source: KpiSource = {
    kpiId: input.kpiId,
    jql,
    setBy: accountId,
    setAt: at,
    lastRun: { at, date, count, error: null },
    ...(otherProjects.length ? { otherProjects } : {}),
  };
  const current = await readSources(deps, project.id, project.key);
  if (!fitsInOneValue({ ...current, sources: { ...current.sources, [input.kpiId]: source } }))
    return fail('LIMIT_REACHED', 'The automatic KPIs of this project have reached the storage limit; shorten some JQL.');
  // The index first: an entry for a project without sources is harmless (the daily job drops it), a
  // source the daily job cannot find would never be measured.
  await indexAutomaticProject(deps, project);
  const launchBook = await readLaunchBook(deps, project.id);
  // Another way of measuring from today (by hand before, or another JQL).
  if ((seen.sources[input.kpiId]?.jql ?? null) !== jql) await recordSourceSwitch(deps, project.id, input.kpiId, date, 'jql', launchBook);
  // Compare-and-set: Jira was asked meanwhile, so someone may have changed the source since the check.
  const doc = await updateSources(deps, project.id, project.key, (d) =>
    isStale(d, input.kpiId, input.baseJql, jql) ? null : { ...d, projectKey: project.key, sources: { ...d.sources, [input.kpiId]: source } },
  );
  if (doc.sources[input.kpiId] !== source)
    return (await staleSource(deps, doc, input.kpiId, input.baseJql, jql)) ?? fail('CONFLICT', 'Someone else changed how this KPI is measured; check it, then save again.');
  // The admin saw this count (the preview) and saved it: a far-off first count is a confirmed outlier.
  await writeMeasurement(
    deps,
    project.id,
    {
      kpiId: input.kpiId,
      day: date,
      value: count,
      note: '',
      source: 'jql',
      by: accountId,
      at,
      baseRevision: 'latest',
      outlier: isOutlier(kpi, count) ? 'confirmed' : null,
    },
    launchBook,
  );
  await figuresChanged(deps, project);
  return ok(source);
}
