import { setDictionary } from './i18n';
import { highlightName, highlightVerdict, iterationLabel } from './iteration-label';
import german from '../locales/de-DE/app.json';

afterEach(() => setDictionary({}));

describe('iterationLabel', () => {
  it('shows the preset names as they are in English', () => {
    expect(['+30 days', '+60 days', '+90 days'].map(iterationLabel)).toEqual(['+30 days', '+60 days', '+90 days']);
  });

  it('translates the preset names with the German dictionary', () => {
    setDictionary(german);
    expect(['+30 days', '+60 days', '+90 days'].map(iterationLabel)).toEqual(['+30 Tage', '+60 Tage', '+90 Tage']);
  });

  it('leaves names someone typed as typed, even ones that look like a preset', () => {
    setDictionary(german);
    for (const name of ['Sprint 4', '+45 days', '+30 days later', ' +30 days', '+30 Days']) expect(iterationLabel(name)).toBe(name);
  });
});

describe('highlightName and highlightVerdict (the latest iteration on the project page, macro, gadget, portfolio)', () => {
  it('translate the preset part of "<launch> · <iteration>" and the known verdict words for a German user', () => {
    setDictionary(german);
    expect(highlightName('Portal 1.0 · +90 days')).toBe('Portal 1.0 · +90 Tage');
    expect(highlightName('+30 days')).toBe('+30 Tage');
    expect(['Worked', 'Mixed', 'Did not work', 'Too early to tell'].map(highlightVerdict)).toEqual(['Hat funktioniert', 'Gemischt', 'Hat nicht funktioniert', 'Noch zu früh für eine Aussage']);
  });

  it('leave typed names and unknown words as they are', () => {
    setDictionary(german);
    expect(highlightName('Portal 1.0 · Sprint 4')).toBe('Portal 1.0 · Sprint 4');
    expect(highlightName('+90 days · Sprint 4')).toBe('+90 days · Sprint 4');
    expect(highlightVerdict('Worked out')).toBe('Worked out');
    expect(highlightVerdict('toString')).toBe('toString');
  });
});
