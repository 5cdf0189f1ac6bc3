import { forgeLocale, lookupOrder, mergeDictionaries, setDictionary, t, type TranslationConfig } from './i18n';

const config: TranslationConfig = { default: 'en-US', fallback: { 'pt-BR': ['pt-PT'] }, locales: ['de-DE', 'pt-PT', 'pt-BR'] };

describe('t()', () => {
  afterEach(() => setDictionary({}));

  it('answers the English key when no dictionary has it, with {placeholders} filled', () => {
    expect(t('Saved by {name}', { name: 'Ana' })).toBe('Saved by Ana');
    expect(t('Save')).toBe('Save');
  });

  it("uses the locale's text, placeholders in its own order; an unknown placeholder stays as written", () => {
    setDictionary({ '{n} of {total} epics': '{total} Epics, davon {n}', Save: 'Speichern' });
    expect(t('{n} of {total} epics', { n: 3, total: 10 })).toBe('10 Epics, davon 3');
    expect(t('Save')).toBe('Speichern');
    expect(t('Hello {who}', {})).toBe('Hello {who}');
    expect(t('Missing in German')).toBe('Missing in German');
  });
});

describe("Forge's locale rules", () => {
  it("maps Jira's locale to a Forge locale code: as is, a bare language, an unlisted region to its language", () => {
    expect(forgeLocale('de_DE')).toBe('de-DE');
    expect(forgeLocale('de')).toBe('de-DE');
    expect(forgeLocale('de-AT')).toBe('de-DE');
    expect(forgeLocale('en_UK')).toBe('en-GB');
    expect(forgeLocale('nb_NO')).toBe('no-NO');
    expect(forgeLocale('xx_YY')).toBeNull();
    expect(forgeLocale('')).toBeNull();
  });

  it('looks up the locale, then its fallback list, then the default (which needs no dictionary)', () => {
    expect(lookupOrder('de_AT', config)).toEqual(['de-DE']);
    expect(lookupOrder('pt_BR', config)).toEqual(['pt-BR', 'pt-PT']);
    expect(lookupOrder('en_US', config)).toEqual([]);
    expect(lookupOrder('fr_FR', config)).toEqual([]);
    expect(lookupOrder(null, config)).toEqual([]);
  });

  it('merges dictionaries in lookup order: the first that has a key gives its text', () => {
    expect(mergeDictionaries([{ a: 'BR' }, { a: 'PT', b: 'PT' }])).toEqual({ a: 'BR', b: 'PT' });
  });
});
