/** GET issue/{issueIdOrKey}, and the `fields` / `properties` selection shared with search. */
import { issueNotFound, listParam, ok, today, type Handler } from '../http';
import { hasProjectPermission } from '../permissions';
import { ISSUE_FIELDS, issueJson } from '../representations';
import { findIssue, projectOf } from '../site';

/**
 * The fields a `fields` list selects: `*all` / `*navigable`, names, `-name` to drop one.
 * `id` and `key` select nothing more (both always come back); unknown names are ignored, as in Jira.
 */
export function selectFields(requested: string[], fallback: '*all' | 'id'): Set<string> {
  const items = requested.length > 0 ? requested : [fallback];
  const selected = new Set<string>();
  for (const item of items) {
    if (item === '*all' || item === '*navigable') for (const f of ISSUE_FIELDS) selected.add(f);
    else if (!item.startsWith('-') && (ISSUE_FIELDS as readonly string[]).includes(item)) selected.add(item);
  }
  // Only exclusions: start from all navigable fields, as Jira does.
  if (items.every((i) => i.startsWith('-'))) for (const f of ISSUE_FIELDS) selected.add(f);
  for (const item of items) if (item.startsWith('-')) selected.delete(item.slice(1));
  return selected;
}

export const getIssue: Handler = ({ site, viewer, params, query }) => {
  const issue = findIssue(site, params.issueIdOrKey!);
  if (!issue || !hasProjectPermission(site, viewer, projectOf(site, issue), 'BROWSE_PROJECTS')) return issueNotFound();
  return ok(
    issueJson(site, issue, {
      fields: selectFields(listParam(query, 'fields'), '*all'),
      properties: listParam(query, 'properties'),
      today: today(site),
    }),
  );
};
