import { setUiLocale } from './i18n';
import { levelPlural, levelWord, plural } from './level-words';

afterEach(() => setUiLocale('en-US'));

describe('the epic level in running text', () => {
  it('is lower case with an English plural in English', () => {
    expect([levelWord('Epic'), levelPlural('Epic'), levelPlural('Story'), levelWord(null)]).toEqual(['epic', 'epics', 'stories', 'epic']);
    expect(plural(1200, 'epic')).toBe('1,200 epics');
  });

  it('keeps Jira’s capitalised name in German, and counts with German digits', () => {
    setUiLocale('de-DE');
    expect([levelWord('Epic'), levelPlural('Epic'), levelPlural('Feature'), levelWord(' ')]).toEqual(['Epic', 'Epics', 'Features', 'Epic']);
    expect(plural(1200, 'Epic')).toBe('1.200 Epics');
  });
});
