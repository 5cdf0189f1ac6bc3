/** Issue and project entity properties: GET / PUT / DELETE. */
import { empty, fail, issueNotFound, ok, projectNotFound, type Handler } from '../http';
import { canSeeProject, hasProjectPermission } from '../permissions';
import { findIssue, findProject, projectOf } from '../site';
import type { JiraHttpResponse } from '../../../src/ports/jira-http.port';

const MAX_KEY_LENGTH = 255;
const MAX_VALUE_LENGTH = 32768;

/** Jira's checks on a key and value being written; undefined when they pass. */
function invalidWrite(key: string, value: unknown): JiraHttpResponse | undefined {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    return fail(400, `The property key must be between 1 and ${MAX_KEY_LENGTH} characters long.`);
  }
  if (value === undefined || value === null || value === '') return fail(400, 'The property value cannot be empty.');
  if (JSON.stringify(value).length > MAX_VALUE_LENGTH) {
    return fail(400, `The property value is too long. The maximum length is ${MAX_VALUE_LENGTH} characters.`);
  }
  return undefined;
}

const propertyNotFound = (key: string): JiraHttpResponse => fail(404, `The property with key '${key}' does not exist.`);

export const getIssueProperty: Handler = ({ site, viewer, params }) => {
  const issue = findIssue(site, params.issueIdOrKey!);
  if (!issue || !hasProjectPermission(site, viewer, projectOf(site, issue), 'BROWSE_PROJECTS')) return issueNotFound();
  const key = params.propertyKey!;
  return issue.properties.has(key) ? ok({ key, value: issue.properties.get(key) }) : propertyNotFound(key);
};

export const setIssueProperty: Handler = ({ site, viewer, params, body }) => {
  const issue = findIssue(site, params.issueIdOrKey!);
  const project = issue && projectOf(site, issue);
  if (!issue || !project || !hasProjectPermission(site, viewer, project, 'BROWSE_PROJECTS')) return issueNotFound();
  if (!hasProjectPermission(site, viewer, project, 'EDIT_ISSUES') || issue.editDenied) {
    return fail(403, `You do not have permission to edit issue ${issue.key}.`);
  }
  const key = params.propertyKey!;
  const invalid = invalidWrite(key, body);
  if (invalid) return invalid;
  const existed = issue.properties.has(key);
  issue.properties.set(key, structuredClone(body));
  return empty(existed ? 200 : 201);
};

export const deleteIssueProperty: Handler = ({ site, viewer, params }) => {
  const issue = findIssue(site, params.issueIdOrKey!);
  const project = issue && projectOf(site, issue);
  // Jira answers 404 here for "cannot edit" too.
  if (!issue || !project || !hasProjectPermission(site, viewer, project, 'BROWSE_PROJECTS')) return issueNotFound();
  if (!hasProjectPermission(site, viewer, project, 'EDIT_ISSUES') || issue.editDenied) return issueNotFound();
  const key = params.propertyKey!;
  if (!issue.properties.delete(key)) return propertyNotFound(key);
  return empty(204);
};

export const getProjectProperty: Handler = ({ site, viewer, params }) => {
  const project = findProject(site, params.projectIdOrKey!);
  if (!project || !canSeeProject(site, viewer, project)) return projectNotFound(params.projectIdOrKey!);
  const key = params.propertyKey!;
  return project.properties.has(key) ? ok({ key, value: project.properties.get(key) }) : propertyNotFound(key);
};

export const setProjectProperty: Handler = ({ site, viewer, params, body }) => {
  const project = findProject(site, params.projectIdOrKey!);
  if (!project || !canSeeProject(site, viewer, project)) return projectNotFound(params.projectIdOrKey!);
  if (!hasProjectPermission(site, viewer, project, 'ADMINISTER_PROJECTS')) {
    return fail(403, `You do not have permission to administer project ${project.key}.`);
  }
  const key = params.propertyKey!;
  const invalid = invalidWrite(key, body);
  if (invalid) return invalid;
  const existed = project.properties.has(key);
  project.properties.set(key, structuredClone(body));
  return empty(existed ? 200 : 201);
};
