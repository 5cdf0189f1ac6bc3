/** Reads Jira's issue JSON (GET issue, search results) into the port's `JiraIssue`, checking shapes. */
import type { IssueField, IssueTypeInfo, JiraIssue } from '../../ports/jira.port';
import { badResponse, isRecord } from './jira-json';

/** The "Story point estimate" field. Its id differs between sites in theory; this is Jira Cloud's usual one. */
export const STORY_POINTS_FIELD_ID = 'customfield_10016';

/** The field ids Jira knows for the port's field names. */
export const jiraFieldIds = (fields: IssueField[]): string[] =>
  fields.map((f) => (f === 'storyPoints' ? STORY_POINTS_FIELD_ID : f));

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** An issue type object; null when absent or without a usable id. */
export function toIssueType(value: unknown): IssueTypeInfo | null {
  if (!isRecord(value) || typeof value.id !== 'string') return null;
  return {
    id: value.id,
    name: text(value.name) ?? '',
    // Jira omits the level on some very old types; they are standard ones.
    hierarchyLevel: typeof value.hierarchyLevel === 'number' ? value.hierarchyLevel : value.subtask === true ? -1 : 0,
  };
}

/** Jira's `2025-03-04T09:15:00.000+0000` as an ISO instant; null when unreadable. */
function instant(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function toJiraIssue(value: unknown, what: string): JiraIssue {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.key !== 'string')
    throw badResponse(what, 'an issue without an id or key');
  const fields = isRecord(value.fields) ? value.fields : {};
  const status = isRecord(fields.status) ? fields.status : null;
  const category = status && isRecord(status.statusCategory) ? text(status.statusCategory.key) : null;
  const project = isRecord(fields.project) && typeof fields.project.id === 'string' && typeof fields.project.key === 'string'
    ? { id: fields.project.id, key: fields.project.key }
    : null;
  const parent = isRecord(fields.parent) && typeof fields.parent.id === 'string' && typeof fields.parent.key === 'string'
    ? {
        id: fields.parent.id,
        key: fields.parent.key,
        hierarchyLevel: isRecord(fields.parent.fields) ? (toIssueType(fields.parent.fields.issuetype)?.hierarchyLevel ?? null) : null,
      }
    : null;
  const points = fields[STORY_POINTS_FIELD_ID];
  return {
    id: value.id,
    key: value.key,
    summary: text(fields.summary),
    type: toIssueType(fields.issuetype),
    status: status && typeof status.name === 'string' ? { name: status.name, category: category ?? '' } : null,
    created: instant(fields.created),
    project,
    parent,
    storyPoints: typeof points === 'number' && Number.isFinite(points) ? points : null,
    // Only when asked for, so answers for other field sets keep their shape.
    ...('resolutiondate' in fields ? { resolved: instant(fields.resolutiondate) } : {}),
    ...('fixVersions' in fields
      ? { fixVersionIds: Array.isArray(fields.fixVersions) ? fields.fixVersions.flatMap((v) => (isRecord(v) && typeof v.id === 'string' ? [v.id] : [])) : [] }
      : {}),
    ...('reporter' in fields ? { reporter: isRecord(fields.reporter) && typeof fields.reporter.accountId === 'string' ? fields.reporter.accountId : null } : {}),
    properties: isRecord(value.properties) ? value.properties : {},
  };
}
