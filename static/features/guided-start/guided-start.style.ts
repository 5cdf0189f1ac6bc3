/** Styles of the guided start checklist (build time, into main.css). Tokens only, with light/dark fallbacks. */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.gs{display:flex;flex-direction:column;gap:${t('space.100')};padding:${t('space.200')};border-radius:${t('radius.medium')};background:${t('elevation.surface.raised')};box-shadow:${t('elevation.shadow.raised')};}
.gs-head{display:flex;align-items:baseline;justify-content:space-between;gap:${t('space.100')};flex-wrap:wrap;}
.gs-head h2{margin:0;font:${t('font.heading.small')};color:${t('color.text')};}
.gs-score{font:${t('font.body')};font-weight:600;color:${t('color.text.subtle')};}
.gs-steps{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.075')};}
.gs-step{display:grid;grid-template-columns:20px 1fr;gap:${t('space.100')};align-items:start;}
.gs-mark{width:18px;height:18px;border-radius:50%;display:inline-flex;align-items:center;justify-content:center;font:${t('font.body.small')};font-weight:700;border:2px solid ${t('color.border')};color:${t('color.text.subtle')};}
.gs-step--done .gs-mark{background:${t('color.background.success.bold')};border-color:${t('color.background.success.bold')};color:${t('color.text.inverse')};}
.gs-title{font:${t('font.body')};font-weight:600;color:${t('color.text')};}
.gs-note{margin:0;font:${t('font.body.small')};color:${t('color.text.subtle')};}
.gs-link{font:${t('font.body.small')};color:${t('color.link')};}
.gs-start{display:flex;flex-direction:column;gap:${t('space.100')};padding-top:${t('space.100')};border-top:1px solid ${t('color.border')};}
.gs-start h3{margin:0;font:${t('font.heading.xsmall')};color:${t('color.text')};}
.gs-pitch{margin:0;padding:${t('space.100')};border-radius:${t('radius.small')};background:${t('elevation.surface.sunken')};font:${t('font.body')};color:${t('color.text')};}
.gs-examples{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.075')};}
.gs-examples li{display:flex;align-items:center;justify-content:space-between;gap:${t('space.100')};flex-wrap:wrap;}
`;

export default paletteCss() + rules;
