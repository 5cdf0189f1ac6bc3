import { kpiStalledSince } from './kpi-staleness';

describe('kpiStalledSince: no measurement for longer than the cadence', () => {
  it('is fresh up to the cadence, stalled the day after', () => {
    expect(kpiStalledSince('2025-03-01', '2025-05-30', 90)).toBeNull(); // 90 days
    expect(kpiStalledSince('2025-03-01', '2025-05-31', 90)).toBe('2025-03-01'); // 91 days
    expect(kpiStalledSince('2025-03-01', '2025-03-01', 90)).toBeNull(); // measured today
  });

  it('counts calendar days across February in leap and common years', () => {
    // 2028 is a leap year: 1 Feb → 1 Mar is 29 days; 2025: 28.
    expect(kpiStalledSince('2028-02-01', '2028-03-01', 28)).toBe('2028-02-01');
    expect(kpiStalledSince('2025-02-01', '2025-03-01', 28)).toBeNull();
  });

  it('takes an instant as its day, uses the default cadence of 90 days, and never flags a KPI never measured', () => {
    expect(kpiStalledSince('2025-03-01T23:59:00.000Z', '2025-05-31')).toBe('2025-03-01');
    expect(kpiStalledSince('2025-03-01T23:59:00.000Z', '2025-05-30')).toBeNull();
    expect(kpiStalledSince(null, '2030-01-01', 7)).toBeNull();
    expect(kpiStalledSince(undefined, '2030-01-01', 7)).toBeNull();
  });
});
