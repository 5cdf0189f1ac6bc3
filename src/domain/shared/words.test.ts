import { levelPlural, levelWord, plural, pluralOf } from './words';

it('says one and many', () => {
  expect(plural(1, 'issue')).toBe('1 issue');
  expect(plural(0, 'issue')).toBe('0 issues');
  expect(plural(2, 'story')).toBe('2 stories');
  expect(plural(1200, 'epic')).toBe(`${(1200).toLocaleString()} epics`);
});

it("uses the project's own name for its epic level in running text", () => {
  expect(levelWord('Feature')).toBe('feature');
  expect(levelPlural('Feature')).toBe('features');
  expect(levelPlural('Capability')).toBe('capabilities');
  expect(levelPlural(undefined)).toBe('epics');
  expect(levelWord('MVP')).toBe('MVP');
  expect(pluralOf('Batch')).toBe('Batches');
  expect(pluralOf('Day')).toBe('Days');
});
