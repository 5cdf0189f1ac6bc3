/**
 * The guided start's notes read as dates and names in the user's locale: the shared step's instant (the
 * backend's ISO stamp) as a day, the tracked iteration's preset name translated.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { GuidedStart } from '../../../src/contract/guided-start/guided-start';
import { setDictionary, setUiLocale } from '../../shared/i18n';
import { GuidedStartCard } from './guided-start';
import guided from '../../locales/de-DE/guided.json';
import app from '../../locales/de-DE/app.json';

jest.mock('../../shared/bridge', () => ({ openPath: jest.fn() }));
// Atlaskit's spinner ships compiled CSS that jest cannot load; nothing here spins.
jest.mock('@atlaskit/spinner', () => ({ __esModule: true, default: () => null }));

const AT = '2026-12-01T09:30:58.826Z';
const start: GuidedStart = {
  steps: [
    { id: 'iterations', done: true, iteration: '+30 days', stalledSince: null },
    { id: 'shared', done: true, at: AT },
  ],
  done: 2,
  of: 2,
};
const text = () => renderToStaticMarkup(<GuidedStartCard guided={start} surface="settings" />).replace(/<[^>]+>/g, ' ');
/** The calendar day of AT where the test runs, as Intl writes it in a locale (no hand-made date text). */
const day = (locale: string) => new Date(AT).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });

afterEach(() => {
  setDictionary({});
  setUiLocale('en-US');
});

describe('GuidedStartCard', () => {
  it('shows when a non-admin first opened the vision as a day in English, never the raw ISO stamp', () => {
    const shown = text();
    expect(shown).toContain(`First opened by a non-admin on ${day('en-US')}.`);
    expect(shown).not.toContain('2026-12-01T');
  });

  it('shows that day and the preset iteration name in German for a German user', () => {
    setDictionary({ ...app, ...guided });
    setUiLocale('de-DE');
    const shown = text();
    expect(shown).toContain(day('de-DE'));
    expect(day('de-DE')).toMatch(/^\d{1,2}\. Dez\. 2026$/);
    expect(shown).not.toContain('2026-12-01T');
    expect(shown).toContain('Verfolgt wird +30 Tage.');
  });
});
