/**
 * Automatic KPIs that count issues of other projects. The admin who sets one must be able to browse
 * every project it names (checked as them when it is set); the daily count then runs as the app. A
 * viewer who may not browse those projects sees the counts only: the JQL (which can name issues of
 * those projects) and a failed run's message (Jira's words about them) are withheld.
 */
import { fail, ok, type Result } from '../../contract';
import type { KpiSource, OtherProject } from '../../contract/post-launch/post-launch';
import type { Deps } from '../../ports';

/** Other projects one KPI's JQL may span (Jira's project search takes 50 at once). */
export const MAX_OTHER_PROJECTS = 10;

/** Jira project keys start with a letter; ids are digits. Names (which may change) are not accepted. */
const KEY_OR_ID = /^([A-Z][A-Z0-9_]{0,254}|\d{1,18})$/;

const jqlProblem = (message: string) => fail<never>('VALIDATION_FAILED', 'Jira cannot use this JQL.', { fields: [{ path: 'jql', message }] });

/**
 * The other projects `named` (as the parsed JQL wrote them, upper-cased) besides this one, each of
 * which the caller must be able to browse, or the field error to show. One Jira call per kind of
 * reference (keys, ids), none when the JQL names this project only.
 */
export async function checkOtherProjects(deps: Deps, project: { id: string; key: string }, named: string[]): Promise<Result<OtherProject[]>> {
  const others = named.filter((v) => v !== project.id && v !== project.key.toUpperCase());
  if (!others.length) return ok([]);
  const unnamed = others.filter((v) => !KEY_OR_ID.test(v));
  if (unnamed.length) return jqlProblem(`Name the other projects by key (not ${unnamed.map((v) => `“${v}”`).join(', ')}).`);
  if (others.length > MAX_OTHER_PROJECTS) return jqlProblem(`An automatic KPI can count at most ${MAX_OTHER_PROJECTS} other projects.`);
  const browsable = await deps.jira.browsableAmong(others);
  const matches = (ref: string) => browsable.find((p) => p.id === ref || p.key.toUpperCase() === ref);
  const hidden = others.filter((ref) => !matches(ref));
  if (hidden.length)
    return jqlProblem(
      `You may not browse ${hidden.join(', ')}: an automatic KPI counts only projects that you, who set it, may browse. Leave ${hidden.length > 1 ? 'them' : 'it'} out, or ask someone who may browse ${hidden.length > 1 ? 'them' : 'it'}.`,
    );
  const unique = new Map(others.map((ref) => [matches(ref)!.id, matches(ref)!]));
  unique.delete(project.id);
  return ok([...unique.values()].map(({ id, key }) => ({ id, key })).sort((a, b) => a.key.localeCompare(b.key)));
}

/** A source with its query, the projects it spans and Jira's words withheld: the viewer sees the counts only. */
export function withheld(source: KpiSource): KpiSource {
  const { otherProjects: _named, ...rest } = source;
  return {
    ...rest,
    jql: '',
    hidden: true,
    lastRun: source.lastRun ? { ...source.lastRun, error: source.lastRun.error === null ? null : 'The last daily count failed.' } : null,
  };
}

/**
 * The sources as this viewer may see them: a source that spans other projects keeps its JQL only when
 * the viewer may browse every one of them (Jira's answer, one call for all the sources).
 */
export async function sourcesForViewer(deps: Deps, sources: KpiSource[]): Promise<KpiSource[]> {
  const others = [...new Set(sources.flatMap((s) => (s.otherProjects ?? []).map((p) => p.id)))];
  if (!others.length) return sources;
  const browsable = new Set((await deps.jira.browsableAmong(others)).map((p) => p.id));
  return sources.map((s) => ((s.otherProjects ?? []).every((p) => browsable.has(p.id)) ? s : withheld(s)));
}
