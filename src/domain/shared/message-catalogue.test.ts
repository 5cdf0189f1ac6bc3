import { compileCatalogue, fillTemplate, localizeNumber, placeholders } from './message-catalogue';

const translate = compileCatalogue({
  'Some fields need attention.': 'Einige Felder müssen geprüft werden.',
  "You can't edit {key}, so you can't change its goal.": 'Sie können {key} nicht bearbeiten und daher sein Ziel nicht ändern.',
  '{label} is required.': '{label} ist erforderlich.',
  '{label} can be at most {max} characters.': '{label} darf höchstens {max} Zeichen lang sein.',
  'Target date': 'Zieldatum',
  'Version {version} of the vision does not exist.': 'Version {version} der Vision gibt es nicht.',
  'Version {version}': 'Version {version}',
  'Something went wrong on our side. {outcome}': 'Bei uns ist etwas schiefgelaufen. {outcome}',
  'Nothing was changed; try again.': 'Es wurde nichts geändert; versuchen Sie es erneut.',
  '{date} already has a value{value}; replace it?': '{date} hat bereits einen Wert{value}; ersetzen?',
  '{a}{b}': 'never used: no literal text',
});

describe('compileCatalogue', () => {
  it('translates an exact message', () => {
    expect(translate('Some fields need attention.')).toBe('Einige Felder müssen geprüft werden.');
  });

  it('carries the values of a message into its translation', () => {
    expect(translate("You can't edit PV-7, so you can't change its goal.")).toBe('Sie können PV-7 nicht bearbeiten und daher sein Ziel nicht ändern.');
  });

  it('translates a value that is itself in the catalogue (a field label)', () => {
    expect(translate('Target date is required.')).toBe('Zieldatum ist erforderlich.');
    expect(translate('Target date can be at most 10 characters.')).toBe('Zieldatum darf höchstens 10 Zeichen lang sein.');
  });

  it('translates a whole sentence inside a message', () => {
    expect(translate('Something went wrong on our side. Nothing was changed; try again.')).toBe(
      'Bei uns ist etwas schiefgelaufen. Es wurde nichts geändert; versuchen Sie es erneut.',
    );
  });

  it('prefers the most specific template', () => {
    expect(translate('Version 3 of the vision does not exist.')).toBe('Version 3 der Vision gibt es nicht.');
  });

  it('keeps an empty value empty', () => {
    expect(translate('2027-01-01 already has a value; replace it?')).toBe('2027-01-01 hat bereits einen Wert; ersetzen?');
    expect(translate('2027-01-01 already has a value (5); replace it?')).toBe('2027-01-01 hat bereits einen Wert (5); ersetzen?');
  });

  it('leaves a message it does not know in English, and user text inside a known one as typed', () => {
    expect(translate('A message nobody wrote down.')).toBe('A message nobody wrote down.');
    expect(translate('Version Zieldatum of the vision does not exist.')).toBe('Version Zieldatum der Vision gibt es nicht.');
  });

  it('matches a message only as a whole, with regular-expression characters taken literally', () => {
    const t = compileCatalogue({ 'Is {v} (a+b)?': 'Ist {v} (a+b)?' });
    expect(t('Is 5 (a+b)?')).toBe('Ist 5 (a+b)?');
    expect(t('Is 5 (aab)?')).toBe('Is 5 (aab)?');
    expect(t('Oh: Is 5 (a+b)?')).toBe('Oh: Is 5 (a+b)?');
  });

  it('ignores a template that is only placeholders', () => {
    expect(translate('xy')).toBe('xy');
  });

  it("writes the numbers in a message in the locale's digits, and nothing else that has digits", () => {
    const range = { "{value} is far outside this KPI's range ({low} to {high}).": '{value} liegt weit außerhalb ({low} bis {high}).', 'Version {version}': 'Version {version}' };
    const german = compileCatalogue(range, 'de-DE');
    expect(german("-99,999,999,999 is far outside this KPI's range (600 to 1,200.5).")).toBe('-99.999.999.999 liegt weit außerhalb (600 bis 1.200,5).');
    expect(german('Version 1.2.3')).toBe('Version 1.2.3');
    expect(compileCatalogue(range)("1,200 is far outside this KPI's range (600 to 1,200.5).")).toBe('1,200 liegt weit außerhalb (600 bis 1,200.5).');
  });
});

describe('localizeNumber', () => {
  it.each([
    ['1,200', '1.200'],
    ['-4.25', '-4,25'],
    ['1,150.5', '1.150,5'],
    ['12,345,678', '12.345.678'],
  ])('%s → %s in German', (english, german) => expect(localizeNumber(english, 'de-DE')).toBe(german));

  it.each(['2027', '600', '1.2.3', '1,20', 'PV-1,200', '2027-06-30', '1,200 calls', ''])('leaves %j alone', (value) => {
    expect(localizeNumber(value, 'de-DE')).toBeNull();
  });

  it('leaves a number alone without a locale, or with one Intl rejects', () => {
    expect(localizeNumber('1,200', undefined)).toBeNull();
    expect(localizeNumber('1,200', 'not a locale!')).toBeNull();
  });
});

describe('placeholders and fillTemplate', () => {
  it('lists and fills named placeholders', () => {
    expect(placeholders('{a} of {b}')).toEqual(['a', 'b']);
    expect(fillTemplate('{b} von {a} {c}', { a: '1', b: '2' })).toBe('2 von 1 {c}');
  });
});
