import { normalizeLocale, notANumber, parseLocaleNumber, separatorsOf, toInputText } from './locale-number';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('parseLocaleNumber', () => {
  it('reads English numbers: "." decimal, "," groups of three', () => {
    expect(parseLocaleNumber('1.5', 'en_US')).toBe(1.5);
    expect(parseLocaleNumber('1,234.5', 'en_US')).toBe(1234.5);
    expect(parseLocaleNumber('1,234,567', 'en_GB')).toBe(1234567);
    expect(parseLocaleNumber('-42', 'en-US')).toBe(-42);
    expect(parseLocaleNumber('−42', 'en-US')).toBe(-42);
    expect(parseLocaleNumber('.5', 'en-US')).toBe(0.5);
    expect(parseLocaleNumber('  7 ', 'en-US')).toBe(7);
  });

  it('reads German numbers: "," decimal, "." groups of three, and a lone "." that cannot group as a decimal point', () => {
    expect(parseLocaleNumber('1,5', 'de_DE')).toBe(1.5);
    expect(parseLocaleNumber('1.234,5', 'de_DE')).toBe(1234.5);
    expect(parseLocaleNumber('1.234', 'de_DE')).toBe(1234);
    expect(parseLocaleNumber('1.5', 'de_DE')).toBe(1.5);
    expect(parseLocaleNumber('-0,25', 'de-DE')).toBe(-0.25);
  });

  it('reads French numbers: "," decimal, narrow no-break spaces (and other spaces) group digits', () => {
    expect(separatorsOf('fr_FR')).toEqual({ decimal: ',', group: ' ' });
    expect(parseLocaleNumber(`1${NNBSP}234,5`, 'fr_FR')).toBe(1234.5);
    expect(parseLocaleNumber(`1${NBSP}234${NBSP}567`, 'fr_FR')).toBe(1234567);
    expect(parseLocaleNumber('12 000', 'fr_FR')).toBe(12000);
    expect(parseLocaleNumber('3,75', 'fr_FR')).toBe(3.75);
  });

  it('answers null for nothing and NaN for anything that is not one number', () => {
    expect(parseLocaleNumber('', 'de_DE')).toBeNull();
    expect(parseLocaleNumber('   ', 'de_DE')).toBeNull();
    for (const [text, locale] of [
      ['1,5', 'en_US'], // a comma groups thousands in English: refused, not read as 15
      ['1,2,3', 'de_DE'],
      ['1.23.4', 'de_DE'],
      ['1,234.5', 'de_DE'],
      ['12,34,567', 'en_US'],
      ['1e308', 'en_US'],
      ['0x10', 'en_US'],
      ['Infinity', 'en_US'],
      ['abc', 'fr_FR'],
      ['-', 'en_US'],
      [',', 'de_DE'],
      ['1,', 'de_DE'],
      ['--1', 'en_US'],
    ] as const) {
      expect([text, locale, parseLocaleNumber(text, locale)]).toEqual([text, locale, Number.NaN]);
    }
  });

  it('falls back to English for a locale Intl does not know', () => {
    expect(normalizeLocale('xx_YY_bad!')).toBe('en-US');
    expect(normalizeLocale(undefined)).toBe('en-US');
    expect(normalizeLocale('de_DE')).toBe('de-DE');
    expect(parseLocaleNumber('1,234.5', 'not a locale')).toBe(1234.5);
  });
});

describe('toInputText and notANumber', () => {
  it('writes a number back so that it reads again, in the locale', () => {
    for (const [n, locale] of [[1.5, 'de_DE'], [1234.5, 'fr_FR'], [-1e12, 'en_US'], [0.000001, 'de_DE']] as const) {
      expect(parseLocaleNumber(toInputText(n, locale), locale)).toBe(n);
    }
    expect(toInputText(1.5, 'de_DE')).toBe('1,5');
    expect(toInputText(null, 'de_DE')).toBe('');
    expect(notANumber('Value', 'de_DE')).toBe('Value must be a number, like 1180 or 4,2.');
  });
});
