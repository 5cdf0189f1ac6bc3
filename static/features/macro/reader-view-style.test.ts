/**
 * The macro's styles inside the settings page: every macro rule applies only under `.pv-reader` (the container
 * the settings page mounts the macro's view into), and the macro page's own `body` rule is not taken along.
 */
import { scopeCss } from '../../shared/style-kit';
import { macroRules } from './macro.style';
import readerCss from './reader-view.style';

/** The selectors of every rule (keyframe steps and palette blocks aside). */
function selectors(css: string): string[] {
  const inner = css.replace(/@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '').replace(/@media[^{]*\{/g, '');
  return [...inner.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim())).filter(Boolean);
}

it('puts every selector under the scope, inside @media too, and leaves keyframes alone', () => {
  expect(scopeCss('.s', '.a,.b .c{color:red}@media (x){.d{e:f}}@keyframes k{to{opacity:0}}')).toBe(
    '.s .a,.s .b .c{color:red}\n@media (x){.s .d{e:f}\n}\n@keyframes k{to{opacity:0}}\n',
  );
  expect(() => scopeCss('.s', 'body{margin:0}')).toThrow(/cannot be scoped/);
  expect(() => scopeCss('.s', '.a{')).toThrow(/unbalanced/);
});

it('styles the settings page only inside the reader view, with every rule of the macro', () => {
  const outside = selectors(readerCss).filter((s) => !/^(\.pv-reader\b|:root$|html\[data-color-mode="dark"\]$)/.test(s));
  expect(outside).toEqual([]);
  expect(readerCss).not.toMatch(/(^|[\s}])body\{/);
  expect(selectors(readerCss)).toEqual(expect.arrayContaining(selectors(macroRules).map((s) => `.pv-reader ${s}`)));
  expect(selectors(macroRules).length).toBeGreaterThan(50);
});
