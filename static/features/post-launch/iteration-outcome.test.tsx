/** The issue panel's outcome box says what the epic is credited with, and why nothing when it serves no goal. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { EpicIterationVerdict } from '../../../src/contract/post-launch/post-launch';
import { IterationOutcome } from './iteration-outcome';

const base: EpicIterationVerdict = {
  launchId: 'l1',
  launchName: 'Portal 1.0',
  iterationId: 'i1',
  iterationName: '+60 days',
  start: '2025-07-31',
  end: '2025-08-29',
  shippedBy: 'resolved-in-window',
  goal: null,
  tally: { toward: 0, flat: 0, away: 0, 'no-data': 0, 'not-comparable': 0 },
  kpis: [],
};
const text = (v: EpicIterationVerdict) => renderToStaticMarkup(<IterationOutcome verdict={v} />).replace(/<[^>]+>/g, ' ');

describe('IterationOutcome', () => {
  it('an epic serving no goal: no KPI movement credited, and why', () => {
    const t = text(base);
    expect(t).toContain('No KPI movement is credited to this epic: it serves no business goal.');
    expect(t).not.toContain('Moved toward target');
  });

  it('an epic serving a goal: that goal’s KPIs, named as its goal’s', () => {
    const t = text({ ...base, goal: { id: 'g1', title: 'Cut support calls' }, kpis: [{ kpiId: 'k1', name: 'Support calls per week', verdict: 'toward' }] });
    expect(t).toContain('KPIs of its goal “Cut support calls”');
    expect(t).toContain('Support calls per week');
    expect(t).toContain('Moved toward target');
  });

  it('a goal without KPIs says so', () => {
    expect(text({ ...base, goal: { id: 'g1', title: 'Cut support calls' } })).toContain('Its goal “Cut support calls” has no KPIs to judge this iteration by yet.');
  });
});
