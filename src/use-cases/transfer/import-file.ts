/**
 * The uploaded file, read back from its chunks, validated (export-document.ts) and planned for this
 * project (import-plan.ts), with the ids that differ here worked out. The check and every run read it.
 */
import { fail, ok, type Result } from '../../contract';
import { parseExportText } from '../../contract/transfer/export-document';
import type { ExportDocument } from '../../contract/transfer/transfer-file';
import { boundedToProject } from '../../domain/post-launch/kpi-jql';
import type { Deps } from '../../ports';
import { oversizedWrites, planImport, type ImportRemaps, type SetOperation } from './import-plan';
import { readChunks, type ImportState } from '../../storage/imports';

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

type Loaded = { doc: ExportDocument; ops: SetOperation[] };

/** The uploaded file, read, validated and planned for this project: nothing is written. */
export async function loadFile(deps: Deps, project: { id: string; key: string }, state: ImportState, remaps?: ImportRemaps): Promise<Result<Loaded & { remaps: ImportRemaps; notes: string[] }>> {
  const texts: string[] = [];
  for (let i = 0; i < state.chunks; i += 20) {
    const batch = await readChunks(deps, project.id, state.importId, i, Math.min(20, state.chunks - i));
    const missing = batch.findIndex((t) => typeof t !== 'string');
    if (missing >= 0) return fail('NOT_FOUND', `Part ${i + missing + 1} of ${state.chunks} of the file is missing (not uploaded, or older than a week): upload the file again.`);
    texts.push(...(batch as string[]));
  }
  const text = texts.join('');
  // The same file, project and remaps as the last invocation in this runtime (a warm one): no need to parse and plan again.
  if (remaps && lastLoaded?.text === text && lastLoaded.key === `${project.id} ${state.startedAt} ${JSON.stringify(remaps)}`)
    return ok({ doc: lastLoaded.doc, ops: lastLoaded.ops, remaps, notes: state.notes });
  if (utf8Length(text) !== state.bytes) return fail('VALIDATION_FAILED', 'The uploaded file is not the size the upload announced: upload it again.');
  const parsed = parseExportText(text);
  if (!parsed.ok) return fail('VALIDATION_FAILED', parsed.message, { fields: parsed.fields });
  const worked = remaps ? { remaps, notes: state.notes } : await workOutRemaps(deps, project, parsed.doc);
  const ops = planImport(parsed.doc, { project, remaps: worked.remaps, at: state.startedAt });
  const tooBig = oversizedWrites(ops);
  if (tooBig.length) return fail('VALIDATION_FAILED', `The file cannot be stored: ${tooBig.join(' ')}`);
  lastLoaded = { text, key: `${project.id} ${state.startedAt} ${JSON.stringify(worked.remaps)}`, doc: parsed.doc, ops };
  return ok({ doc: parsed.doc, ops, ...worked });
}

/** The last file read, validated and planned in this runtime: Forge reuses a warm runtime for the next invocation. */
let lastLoaded: (Loaded & { text: string; key: string }) | null = null;

/**
 * Jira versions and automatic KPIs the file names, as they are in this project: a version of the same id,
 * else of the same name, else none (the launch or iteration keeps its dates); a JQL bounded to this project
 * as it is, else with its leading `project = …` clause pointed here, else none (measured by hand). At most
 * two Jira calls.
 */
async function workOutRemaps(deps: Deps, project: { id: string; key: string }, doc: ExportDocument): Promise<{ remaps: ImportRemaps; notes: string[] }> {
  const notes: string[] = [];
  const named = new Map<string, string | null>();
  for (const l of doc.data.launchBook?.launches ?? []) for (const x of [l, ...l.iterations]) if (x.versionId) named.set(x.versionId, x.versionName);
  const versions: Array<[string, string | null]> = [];
  if (named.size) {
    const here = (await deps.jira.projectVersions(project.id)) ?? [];
    for (const [id, name] of named) {
      const match = here.find((v) => v.id === id) ?? here.find((v) => name !== null && v.name === name);
      versions.push([id, match?.id ?? null]);
      if (!match) notes.push(`${project.key} has no version “${name ?? id}”: the launches and iterations of that version keep their dates, without a version.`);
      else if (match.id !== id) notes.push(`Version “${name}” is ${project.key}’s version of that name.`);
    }
  }
  const jql: Array<[string, string | null]> = [];
  const sources = doc.data.kpiSources;
  if (sources.length) {
    const candidates = sources.map((s) => [s.jql, repointJql(s.jql, doc.source, project.key)] as const);
    const queries = [...new Set(candidates.flat().filter((q): q is string => q !== null))];
    const parsed = new Map((await deps.jira.parseJql(queries)).map((r) => [r.query, r]));
    const fits = (q: string | null) => q !== null && !parsed.get(q)?.errors.length && boundedToProject(parsed.get(q)?.structure, project);
    const names = new Map((doc.data.goalBook?.kpis ?? []).map((k) => [k.id, k.name]));
    sources.forEach((s, i) => {
      const [asIs, repointed] = candidates[i]!;
      const chosen = fits(asIs) ? asIs : fits(repointed) ? repointed : null;
      if (chosen !== s.jql) jql.push([s.kpiId, chosen]);
      const kpi = `“${names.get(s.kpiId) ?? s.kpiId}”`;
      if (chosen === null) notes.push(`The automatic KPI ${kpi} counts issues of another project; in ${project.key} it is measured by hand until you set its JQL again.`);
      else if (chosen !== s.jql) notes.push(`The automatic KPI ${kpi} now counts ${project.key}’s issues: ${chosen}`);
    });
  }
  return { remaps: { versions, jql }, notes };
}

/** The JQL with its leading `project = X` (or `project in (X)`) clause naming `key`; null when it has none. */
export function repointJql(jql: string, source: { projectKey: string; projectId: string }, key: string): string | null {
  const names = [source.projectKey, source.projectId].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const clause = new RegExp(`^\\s*project\\s*(?:=\\s*(["']?)(?:${names})\\1|in\\s*\\(\\s*(["']?)(?:${names})\\2\\s*\\))(?=\\s|$)`, 'i');
  return clause.test(jql) ? jql.replace(clause, `project = ${key}`) : null;
}
