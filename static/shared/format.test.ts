import { formatDate, formatNumber, formatPercent, plural, quoted, withUnit } from './format';
import { setUiLocale } from './i18n';

describe('plural', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    expect(plural(1, 'issue')).toBe('1 issue');
    expect(plural(0, 'issue')).toBe('0 issues');
    expect(plural(2, 'KPI')).toBe('2 KPIs');
    expect(plural(3, 'query', 'queries')).toBe('3 queries');
    expect(plural(1, 'field needs', 'fields need')).toBe('1 field needs');
  });
  it('groups large counts as the reader’s locale does', () => {
    expect(plural(12000, 'epic')).toBe(`${(12000).toLocaleString()} epics`);
  });
});

describe('quoted', () => {
  it('puts a quote in curly quotes once, even when the author typed quote marks', () => {
    expect(quoted('Too slow')).toBe('“Too slow”');
    expect(quoted('"Too slow"')).toBe('“Too slow”');
    expect(quoted(' “Too slow” ')).toBe('“Too slow”');
    expect(quoted("'Too slow'")).toBe('“Too slow”');
  });
  it('uses German quotation marks for a German reader', () => {
    setUiLocale('de-DE');
    expect(quoted('"Zu langsam"')).toBe('„Zu langsam“');
    setUiLocale('en-US');
  });
  it('keeps quote marks inside the text', () => {
    expect(quoted('They said “wow” twice')).toBe('“They said “wow” twice”');
  });
});


it('prints figures in full up to ten million and compactly beyond, so none runs across a card', () => {
  expect(formatNumber(9_999_999)).toBe((9_999_999).toLocaleString());
  expect(formatNumber(-99_999_999_999).length).toBeLessThanOrEqual(8);
  expect(formatNumber(1e12).length).toBeLessThanOrEqual(8);
  expect(withUnit(1e12, 'calls').length).toBeLessThanOrEqual(14);
  expect(formatNumber(Number.NaN)).toBe('–');
});

describe('formatDate', () => {
  afterEach(() => setUiLocale('en-US'));
  const intl = (d: Date, locale: string) => d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });

  it('writes a day in the reader’s locale without a time-zone shift', () => {
    setUiLocale('de-DE');
    expect(formatDate('2027-06-30')).toBe('30. Juni 2027');
    expect(formatDate('2027-06-30')).toBe(intl(new Date(2027, 5, 30), 'de-DE'));
  });

  it('writes an instant as the reader’s calendar day of it, not as the ISO stamp', () => {
    const at = '2026-12-01T09:30:58.826Z';
    setUiLocale('de-DE');
    expect(formatDate(at)).toBe(intl(new Date(at), 'de-DE'));
    expect(formatDate(at)).not.toContain('T09');
    setUiLocale('en-US');
    expect(formatDate(at)).toBe(intl(new Date(at), 'en-US'));
  });

  it('shows what is not a date as it is, and nothing for none', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate('2026-12-01Tnonsense')).toBe('2026-12-01Tnonsense');
    expect(formatDate(null)).toBe('');
  });
});

describe('formatPercent', () => {
  afterEach(() => setUiLocale('en-US'));
  it('writes a percentage as the reader’s locale does: "72%" in English, "72 %" in German', () => {
    expect(formatPercent(72)).toBe('72%');
    setUiLocale('de-DE');
    expect(formatPercent(72)).toBe('72\u00a0%');
    expect(formatPercent(66.7, 1)).toBe('66,7\u00a0%');
  });
});
