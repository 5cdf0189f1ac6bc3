/**
 * `alignment/unaligned`: the epics not tied to an active or achieved goal, newest first, one search
 * page per call. Jira filters (JQL on the property alias); each row's flag comes from the property
 * value the search returns. Listing them all costs one permission call and one search per page.
 */
import { ALIGNMENT_PAGE_SIZE, fail, GOAL_LINK_PROPERTY, ok, type Result, type UnalignedPage } from '../../contract';
import { linkableGoalIds } from '../../domain/alignment/alignment';
import { unalignedJql } from '../../domain/alignment/alignment-jql';
import { JiraError, type Caller, type Deps } from '../../ports';
import { readGoalBook } from '../../storage/books';
import { authorizeListing } from './cached-authorize';
import { freshHierarchy, readHierarchy } from './project-hierarchy';
import { unalignedRow } from './unaligned-row';

export async function listUnaligned(deps: Deps, caller: Caller, input: { cursor?: string }): Promise<Result<UnalignedPage>> {
  const cursor = input.cursor || undefined;
  const auth = await authorizeListing(deps, caller, cursor !== undefined);
  if (!auth.ok) return auth;
  const { project, permissions } = auth.data;
  const [book, cached] = await Promise.all([readGoalBook(deps, project.id), readHierarchy(deps, project.id)]);
  const hierarchy = await freshHierarchy(deps, project.id, cached);
  const canEdit = permissions.canEditIssues;
  if (!hierarchy || hierarchy.epicTypeIds.length === 0) return ok({ epics: [], nextCursor: null, canEdit });

  const jql = unalignedJql({ projectId: project.id, epicTypeIds: hierarchy.epicTypeIds }, linkableGoalIds(book));
  let page;
  try {
    page = await deps.jira.searchIssues({
      jql,
      fields: ['summary', 'issuetype', 'status', 'created'],
      properties: [GOAL_LINK_PROPERTY],
      maxResults: ALIGNMENT_PAGE_SIZE,
      ...(cursor ? { nextPageToken: cursor } : {}),
    });
  } catch (error) {
    // The cursor belongs to a query that no longer applies (goals changed) or has expired.
    if (cursor && error instanceof JiraError && error.status === 400)
      return fail('CONFLICT', 'The list changed while you were paging through it; reload it from the top.');
    throw error;
  }
  return ok({ epics: page.issues.flatMap((e) => unalignedRow(e, book) ?? []), nextCursor: page.nextPageToken, canEdit });
}
