/**
 * The frame of "What Confluence readers see" on the settings page (its body, the readers opt-in); the
 * macro's own rules for the view inside it come with its lazy code (features/macro/reader-view.style.ts).
 */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.pv-reader-body{display:flex;flex-direction:column;gap:${t('space.100')};}
.pv-reader-body[hidden]{display:none;}
.pv-open-readers{display:flex;flex-direction:column;gap:${t('space.100')};margin:0;padding:${t('space.150')};border:1px solid ${t('color.border')};border-radius:${t('radius.medium')};min-width:0;}
.pv-open-readers legend{font:${t('font.heading.xsmall')};color:${t('color.text')};padding:0 ${t('space.050')};}
.pv-open-warning{padding:${t('space.100')} ${t('space.150')};border-left:3px solid ${t('color.border.warning')};background:${t('color.background.warning')};color:${t('color.text')};border-radius:${t('radius.small')};}
.pv-check-row{display:flex;align-items:flex-start;gap:${t('space.100')};color:${t('color.text')};}
.pv-check-row input{flex:none;margin-top:3px;width:16px;height:16px;}
.pv-check-row input:focus-visible{outline:2px solid ${t('color.border.focused')};outline-offset:2px;}
`;

export default paletteCss() + rules;
