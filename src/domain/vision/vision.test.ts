import { nextVision, sameVision, summarize } from './vision';

const fields = { statement: 'Self-service for every customer', targetUsers: 'Customers', problem: 'Calls', valueProposition: 'Fast', horizon: '2028' };
const stamp = { by: 'acc-1', at: '2026-11-25T10:00:00.000Z' };

describe('vision', () => {
  it('starts at revision 1 and counts up', () => {
    const first = nextVision(null, fields, stamp);
    expect(first.revision).toBe(1);
    expect(nextVision(first, { ...fields, horizon: '2029' }, stamp).revision).toBe(2);
  });

  it('knows when a save would change nothing', () => {
    const v = nextVision(null, fields, stamp);
    expect(sameVision(v, { ...fields })).toBe(true);
    expect(sameVision(v, { ...fields, problem: 'Other' })).toBe(false);
    expect(sameVision(null, fields)).toBe(false);
  });

  it('summarizes long statements for history lists', () => {
    const v = nextVision(null, { ...fields, statement: 'x'.repeat(300) }, stamp);
    expect(summarize(v).statement).toHaveLength(140);
    expect(summarize(v).statement.endsWith('…')).toBe(true);
  });
});
