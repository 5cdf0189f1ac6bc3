/**
 * How KPIs are measured, as an admin sees it: a JQL with a link to its issues and the other projects it
 * counts; one spanning projects the admin may not browse shows its count only, never the query, and
 * offers no change. The issue panel's line for an issue made from a decision.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { Kpi } from '../../../src/contract/goals/model';
import type { KpiSource } from '../../../src/contract/post-launch/post-launch';
import { DecisionOriginLine } from './iteration-outcome';
import { KpiSources } from './kpi-sources';

// Atlaskit's spinner ships compiled CSS that jest cannot load; nothing here spins.
jest.mock('@atlaskit/spinner', () => ({ __esModule: true, default: () => null }));

const kpi = { id: 'k1', goalId: 'g1', name: 'Service desk requests', unit: '', direction: 'decrease', baseline: 100, target: 50, bandLow: null, bandHigh: null } as unknown as Kpi;
const source: KpiSource = {
  kpiId: 'k1',
  jql: 'project in (PV, SD) AND parent = SD-7',
  setBy: 'a1',
  setAt: '2025-08-20T12:00:00.000Z',
  lastRun: { at: '2025-08-20T12:00:00.000Z', date: '2025-08-20', count: 42, error: null },
  otherProjects: [{ id: '10002', key: 'SD' }],
};
const html = (s: KpiSource) => renderToStaticMarkup(<KpiSources kpis={[kpi]} sources={[s]} projectKey="PV" onChanged={() => undefined} />);
const text = (s: KpiSource) => html(s).replace(/<[^>]+>/g, ' ');

describe('KpiSources', () => {
  it('shows a JQL, a link to its issues in Jira, and the other projects it counts', () => {
    expect(text(source)).toContain('project in (PV, SD) AND parent = SD-7');
    expect(text(source)).toContain('Also counts issues of: SD');
    expect(html(source)).toContain(`/issues/?jql=${encodeURIComponent(source.jql)}`);
    expect(html(source)).toContain('<button');
  });

  it('shows a withheld JQL as its count only: no query, no link, no change', () => {
    const { otherProjects: _o, ...rest } = source;
    const hidden: KpiSource = { ...rest, jql: '', hidden: true };
    const shown = text(hidden);
    expect(shown).toContain('Every day, by a JQL over projects you may not browse.');
    expect(shown).toContain('Last count: 42');
    expect(shown).not.toMatch(/SD|parent/);
    expect(html(hidden)).not.toContain('/issues/?jql=');
    expect(html(hidden)).not.toContain('<button');
  });
});

describe('DecisionOriginLine', () => {
  it('names the kind of entry and its iteration', () => {
    const line = (kind: 'decision' | 'next-step') =>
      renderToStaticMarkup(<DecisionOriginLine origin={{ kind, iterationName: '+30 days', launchName: 'Portal 1.0' }} />).replace(/<[^>]+>/g, '');
    expect(line('next-step')).toBe('Created from a next step of iteration “+30 days” (Portal 1.0).');
    expect(line('decision')).toBe('Created from a decision of iteration “+30 days” (Portal 1.0).');
  });
});
