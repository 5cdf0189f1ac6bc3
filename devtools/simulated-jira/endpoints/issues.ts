/** GET issue/{issueIdOrKey}, POST issue, GET issue/createmeta/{project}/issuetypes, and the `fields` / `properties` selection shared with search. */
import { fail, intParam, issueNotFound, listParam, ok, today, type Handler } from '../http';
import { hasProjectPermission } from '../permissions';
import { ISSUE_FIELDS, issueJson, issueTypeJson } from '../representations';
import { addIssue, findIssue, findProject, projectOf } from '../site';

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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Jira's 400 with errors by field. */
const fieldErrors = (errors: Record<string, string>) => ({ status: 400, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: { errorMessages: [], errors } });

/** Jira keeps an issue property value to 32,768 characters. */
const PROPERTY_MAX = 32_768;

/**
 * GET issue/createmeta/{projectIdOrKey}/issuetypes: the types the caller may create in the project,
 * a page at a time. Without *Create issues* there are none; a project hidden from them is not found (400).
 */
export const createMetaIssueTypes: Handler = ({ site, viewer, params, query }) => {
  const startAt = intParam(query, 'startAt', 0);
  const maxResults = intParam(query, 'maxResults', 50);
  if (startAt === null || maxResults === null) return fail(400, 'startAt and maxResults must be non-negative integers.');
  const project = findProject(site, params.projectIdOrKey!);
  if (!project || !hasProjectPermission(site, viewer, project, 'BROWSE_PROJECTS')) return fail(400, `No project could be found with id or key '${params.projectIdOrKey}'.`);
  const types = hasProjectPermission(site, viewer, project, 'CREATE_ISSUES') ? project.issueTypes : [];
  const page = types.slice(startAt, startAt + Math.min(maxResults, 200));
  return ok({ issueTypes: page.map((t) => issueTypeJson(site, project, t)), maxResults: Math.min(maxResults, 200), startAt, total: types.length });
};

/**
 * POST issue: creates an issue as the caller, with `properties` set on it in the same call. Refuses as
 * Jira does: a project the caller cannot browse or a bad type or summary (400, by field), a missing
 * required field (400), no *Create issues* permission (403).
 */
export const createIssue: Handler = ({ site, viewer, body }) => {
  if (!isRecord(body) || !isRecord(body.fields)) return fail(400, 'Issue fields are required.');
  const fields = body.fields;
  const projectRef = isRecord(fields.project) ? (fields.project.id ?? fields.project.key) : undefined;
  const project = typeof projectRef === 'string' ? findProject(site, projectRef) : undefined;
  if (!project || !hasProjectPermission(site, viewer, project, 'BROWSE_PROJECTS')) return fieldErrors({ project: 'Specify a valid project ID or key' });
  if (!hasProjectPermission(site, viewer, project, 'CREATE_ISSUES')) return fail(403, 'You do not have permission to create issues in this project.');
  const typeRef = isRecord(fields.issuetype) ? fields.issuetype.id : undefined;
  const type = project.issueTypes.find((t) => t.id === typeRef);
  if (!type) return fieldErrors({ issuetype: 'Specify an issue type' });
  const summary = typeof fields.summary === 'string' ? fields.summary.trim() : '';
  if (summary === '') return fieldErrors({ summary: 'You must specify a summary of the issue.' });
  if (summary.length > 255 || /[\r\n]/.test(summary)) return fieldErrors({ summary: 'Summary must be less than 255 characters.' });
  if (type.hierarchyLevel < 0 && !isRecord(fields.parent)) return fieldErrors({ parent: 'Given parent work item does not belong to appropriate hierarchy.' });
  if (fields.description !== undefined && !(isRecord(fields.description) && fields.description.type === 'doc'))
    return fieldErrors({ description: 'Operation value must be an Atlassian Document' });
  const missing = Object.entries(type.requiredFields ?? {}).filter(([id]) => fields[id] === undefined || fields[id] === null);
  if (missing.length) return fieldErrors(Object.fromEntries(missing.map(([id, name]) => [id, `${name} is required.`])));
  const properties = body.properties === undefined ? [] : body.properties;
  if (!Array.isArray(properties) || !properties.every((p) => isRecord(p) && typeof p.key === 'string' && p.key !== '' && p.key.length <= 255 && p.value !== undefined))
    return fail(400, 'Each issue property needs a key and a value.');
  if (properties.some((p) => JSON.stringify(p.value).length > PROPERTY_MAX)) return fail(400, `The property value must be at most ${PROPERTY_MAX} characters.`);

  const now = site.now().toISOString();
  const issue = addIssue(site, { projectKey: project.key, type: type.name, summary, created: now, reporterAccountId: viewer ?? undefined });
  for (const p of properties as Array<{ key: string; value: unknown }>) issue.properties.set(p.key, structuredClone(p.value));
  return ok({ id: issue.id, key: issue.key, self: `${site.baseUrl}/rest/api/3/issue/${issue.id}` }, 201);
};
