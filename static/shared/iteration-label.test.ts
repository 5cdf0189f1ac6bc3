import { setDictionary } from './i18n';
import { iterationLabel } from './iteration-label';
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
