import { formatNumber, withUnit } from './format';

it('prints figures in full up to ten million and compactly beyond, so none runs across a card', () => {
  expect(formatNumber(9_999_999)).toBe((9_999_999).toLocaleString());
  expect(formatNumber(-99_999_999_999).length).toBeLessThanOrEqual(8);
  expect(formatNumber(1e12).length).toBeLessThanOrEqual(8);
  expect(withUnit(1e12, 'calls').length).toBeLessThanOrEqual(14);
  expect(formatNumber(Number.NaN)).toBe('–');
});
