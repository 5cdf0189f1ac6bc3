/**
 * The verdict words the UI shows are the contract's (the backend's summaries use those) in the user's
 * language: in English they say exactly what VERDICT_LABEL and VERDICT_RULE say, in German they differ.
 */
import { VERDICT_LABEL, VERDICT_RULE, type Verdict } from '../../../src/contract/post-launch/post-launch';
import { setDictionary, setUiLocale } from '../../shared/i18n';
import { verdictLabel, verdictRule } from './pl-text';
import german from '../../locales/de-DE/app.json';

const VERDICTS = Object.keys(VERDICT_LABEL) as Verdict[];

afterEach(() => {
  setDictionary({});
  setUiLocale('en-US');
});

it('in English, the labels and the rule are the contract’s words', () => {
  expect(VERDICTS.map(verdictLabel)).toEqual(VERDICTS.map((v) => VERDICT_LABEL[v]));
  expect(verdictRule()).toBe(VERDICT_RULE.replace(/'/g, '’'));
});

it('in German, every label and the rule are German, with the tolerance written the German way', () => {
  setDictionary(german);
  setUiLocale('de-DE');
  for (const v of VERDICTS) expect(verdictLabel(v)).not.toBe(VERDICT_LABEL[v]);
  expect(verdictLabel('no-data')).toBe('Keine Daten');
  expect(verdictRule()).toMatch(/^Für jeden KPI/);
  expect(verdictRule()).toContain('mehr als 2\u00a0% seines Bereichs');
});
