/** Styles of the export and import panel (build time, into the settings page's main.css). */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.pv-file:focus-within{outline:2px solid ${t('color.border.focused')};outline-offset:2px;}
.pv-file--busy{background:${t('color.background.disabled')};color:${t('color.text.disabled')};cursor:not-allowed;}
`;

export default paletteCss() + rules;
