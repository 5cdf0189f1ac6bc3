/**
 * The Confluence macro's styles for its view shown inside the settings page ("What Confluence readers
 * see"): the same rules as the macro's own main.css, each under `.pv-reader`, so they style only that view.
 * Build time only, into the settings surface's main.css.
 */
import { css, paletteCss, scopeCss, t } from '../../shared/style-kit';
import { macroRules } from './macro.style';

const rules = css`
.pv-reader-body{display:flex;flex-direction:column;gap:${t('space.100')};}
.pv-reader-body[hidden]{display:none;}
`;

export default paletteCss() + scopeCss('.pv-reader', macroRules) + rules;
