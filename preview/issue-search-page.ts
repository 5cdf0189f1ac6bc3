/**
 * The preview's stand-in for Jira's issue search page (`/issues/?jql=…`), where the app's "See them in
 * Jira" links lead: the simulated site's search for that JQL, as the chosen demo user.
 */
import { handleJiraRequest } from '../devtools/simulated-jira';
import type { JiraSite } from '../devtools/simulated-jira/site';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function issueSearchPage(site: JiraSite, jql: string, accountId: string | null): Promise<string> {
  const response = await handleJiraRequest(
    site,
    { method: 'POST', path: '/rest/api/3/search/jql', as: 'user', body: { jql, maxResults: 100, fields: ['summary', 'status', 'issuetype', 'resolutiondate'] } },
    accountId,
  );
  const body = response.body as { issues?: Array<{ key: string; fields: Record<string, any> }>; errorMessages?: string[] };
  const rows = (body.issues ?? [])
    .map(
      (i) =>
        `<tr><td>${esc(i.key)}</td><td>${esc(String(i.fields.summary ?? ''))}</td><td>${esc(String(i.fields.issuetype?.name ?? ''))}</td>` +
        `<td>${esc(String(i.fields.status?.name ?? ''))}</td><td>${esc(String(i.fields.resolutiondate ?? '').slice(0, 10))}</td></tr>`,
    )
    .join('');
  const result =
    response.status === 200
      ? `<p>${(body.issues ?? []).length} issue(s)</p><table><thead><tr><th>Key</th><th>Summary</th><th>Type</th><th>Status</th><th>Resolved</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p role="alert">${esc((body.errorMessages ?? []).join(' ') || `Jira answered ${response.status}`)}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Issue search · simulated Jira</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#172b4d}code{background:#f1f2f4;padding:2px 4px}table{border-collapse:collapse}td,th{border-bottom:1px solid #dcdfe4;padding:4px 12px;text-align:left}</style>
</head><body><p><a href="javascript:history.back()">← Back to the preview</a></p><h1>Issue search (simulated Jira)</h1><p><code>${esc(jql)}</code></p>${result}</body></html>`;
}
