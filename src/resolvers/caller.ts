/**
 * Reads who is asking and where from Forge's invocation context. Only the fields the app uses are
 * read, each checked for shape; a payload never supplies them.
 */
import type { Caller } from '../ports';

const ACCOUNT = /^[a-zA-Z0-9:_-]{1,128}$/;
const PROJECT_ID = /^\d{1,18}$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;
const ISSUE_ID = /^\d{1,18}$/;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,254}-[1-9]\d{0,17}$/;

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, name)
    ? (o as Record<string, unknown>)[name]
    : undefined;

const text = (v: unknown, pattern: RegExp): string | null => {
  const s = typeof v === 'number' ? String(v) : v;
  return typeof s === 'string' && pattern.test(s) ? s : null;
};

/** @example callerFrom({ accountId: 'a1', extension: { project: { id: '10000', key: 'PV' } } }) */
export function callerFrom(context: unknown): Caller {
  const accountId = text(field(context, 'accountId'), ACCOUNT);
  const extension = field(context, 'extension');
  const project = field(extension, 'project');
  const id = text(field(project, 'id'), PROJECT_ID);
  const key = text(field(project, 'key'), PROJECT_KEY);
  const issue = field(extension, 'issue');
  const issueId = text(field(issue, 'id'), ISSUE_ID);
  const issueKey = text(field(issue, 'key'), ISSUE_KEY);
  return {
    accountId,
    project: id && key ? { id, key } : null,
    issue: issueId && issueKey ? { id: issueId, key: issueKey } : null,
  };
}
