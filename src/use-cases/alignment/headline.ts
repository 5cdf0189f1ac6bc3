/**
 * The headline figures, counted live by Jira: epics, and epics tied to an active or achieved goal.
 * Two approximate counts, however many epics; none when the project has no epic-level type.
 */
import type { CoverageFigures } from '../../contract';
import { coverageFigures } from '../../domain/alignment/alignment';
import { alignedJql, epicsJql } from '../../domain/alignment/alignment-jql';
import type { Deps } from '../../ports';

export async function countHeadline(
  deps: Pick<Deps, 'jira'>,
  projectId: string,
  epicTypeIds: readonly string[],
  goalIds: readonly string[],
): Promise<CoverageFigures> {
  if (epicTypeIds.length === 0) return coverageFigures(0, 0);
  const scope = { projectId, epicTypeIds };
  const aligned = alignedJql(scope, goalIds);
  const [epics, alignedCount] = await Promise.all([
    deps.jira.countIssues(epicsJql(scope)),
    aligned ? deps.jira.countIssues(aligned) : Promise.resolve(0),
  ]);
  return coverageFigures(epics, alignedCount);
}
