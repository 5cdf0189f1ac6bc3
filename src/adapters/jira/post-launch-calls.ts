/** The REST client's calls for post-launch tracking: a project's versions and Jira's JQL parser. */
import type { JiraHttpRequest, JiraHttpResponse } from '../../ports/jira-http.port';
import type { JiraVersion, ParsedJql } from '../../ports/jira.port';
import { badResponse, enc, isRecord, query, unexpected } from './jira-json';

type Call = (what: string, request: JiraHttpRequest) => Promise<JiraHttpResponse>;

const day = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

export function postLaunchCalls(call: Call) {
  return {
    async projectVersions(projectIdOrKey: string): Promise<JiraVersion[] | null> {
      const what = `the versions of project ${projectIdOrKey}`;
      const response = await call(what, { method: 'GET', path: `/rest/api/3/project/${enc(projectIdOrKey)}/versions`, as: 'user' });
      if (response.status === 404) return null;
      if (response.status !== 200) throw unexpected(what, response);
      if (!Array.isArray(response.body)) throw badResponse(what, 'the answer is not a list');
      return response.body.flatMap((v): JiraVersion[] => {
        if (!isRecord(v) || typeof v.id !== 'string' || typeof v.name !== 'string') return [];
        return [
          {
            id: v.id,
            name: v.name,
            released: v.released === true,
            archived: v.archived === true,
            releaseDate: day(v.releaseDate),
            startDate: day(v.startDate),
          },
        ];
      });
    },

    async parseJql(queries: string[]): Promise<ParsedJql[]> {
      const what = 'a check of JQL';
      const path = `/rest/api/3/jql/parse?${query([['validation', 'strict']])}`;
      const response = await call(what, { method: 'POST', path, body: { queries }, as: 'user' });
      if (response.status !== 200) throw unexpected(what, response);
      const parsed = isRecord(response.body) ? response.body.queries : undefined;
      if (!Array.isArray(parsed) || parsed.length !== queries.length) throw badResponse(what, 'not one answer per query');
      return parsed.map((q, i) => {
        const errors = isRecord(q) && Array.isArray(q.errors) ? q.errors.filter((e): e is string => typeof e === 'string') : [];
        return { query: queries[i]!, errors, structure: isRecord(q) && errors.length === 0 ? (q.structure ?? null) : null };
      });
    },
  };
}
