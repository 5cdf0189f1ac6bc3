/** The macro config screen's styles (build time, into main.css): a narrow panel in the editor. */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.pv-c-page{max-width:520px;padding:${t('space.200')};gap:${t('space.250')};}
.pv-c-page h1{font:${t('font.heading.small')};}
.pv-c-form{gap:${t('space.250')};}
.pv-c-fieldset{border:0;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.075')};min-width:0;}
.pv-c-fieldset legend{padding:0;margin-bottom:${t('space.075')};}
.pv-c-projects{min-height:140px;}
.pv-c-projects option{padding:${t('space.050')} ${t('space.075')};}
.pv-c-check{display:flex;align-items:center;gap:${t('space.100')};}
.pv-c-check input{width:16px;height:16px;margin:0;accent-color:${t('color.background.brand.bold')};}
.pv-c-banner:empty{display:none;}
.pv-c-page [hidden]{display:none;}
`;

export default paletteCss() + rules;
