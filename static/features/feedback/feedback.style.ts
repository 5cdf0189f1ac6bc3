/** Styles of user feedback (project page, settings, issue panel): build time, into main.css. Tokens only. */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.fb-section{display:flex;flex-direction:column;gap:${t('space.150')};}
.fb-give{display:flex;flex-direction:column;gap:${t('space.100')};align-items:flex-start;}
.fb-give>.fb-form{align-self:stretch;}
.fb-cadence{font:${t('font.body.small')};color:${t('color.text.subtle')};display:flex;gap:${t('space.100')};align-items:center;flex-wrap:wrap;margin:0;}
.fb-cadence--overdue{color:${t('color.text')};padding:${t('space.075')} ${t('space.150')};border-radius:${t('radius.medium')};background:${t('color.background.warning')};border-left:3px solid ${t('color.border.warning')};}
.fb-cadence-badge{font-weight:600;color:${t('color.text.warning')};}
.fb-cadence-form{display:flex;gap:${t('space.150')};align-items:flex-end;flex-wrap:wrap;}
.fb-cadence-form>.pv-field{min-width:220px;flex:0 1 300px;}
`;

export default paletteCss() + rules;
