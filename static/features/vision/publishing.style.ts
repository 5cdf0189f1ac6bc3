/**
 * Styles of the published vision, its history and diff, the publish panel and the bets editor
 * (build time, into main.css of the surfaces that import them). Tokens only, with light/dark fallbacks.
 */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.pv-kpi-status{display:inline-block;padding:0 ${t('space.050')};border-radius:${t('radius.xsmall')};font:${t('font.body.small')};font-weight:600;white-space:nowrap;background:${t('color.background.neutral')};color:${t('color.text.subtle')};}
.pv-kpi-status--achieved,.pv-tone--success{background:${t('color.background.success')};color:${t('color.text.success')};}
.pv-kpi-status--on-track{background:${t('color.background.information')};color:${t('color.text.information')};}
.pv-stalled{font:${t('font.body.small')};font-weight:600;color:${t('color.text.warning')};}
.pv-kpi-status--off-track,.pv-tone--danger{background:${t('color.background.danger')};color:${t('color.text.danger')};}
.pv-tone--warning{background:${t('color.background.warning')};color:${t('color.text.warning')};}

.pv-bet-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.075')};}
.pv-bet-list li{display:flex;flex-wrap:wrap;gap:${t('space.050')} ${t('space.100')};align-items:baseline;}
.pv-bet-list-text{flex:1 1 280px;overflow-wrap:anywhere;}
.pv-bet-kind--assumption{background:${t('color.background.discovery')};color:${t('color.text.discovery')};}
.pv-bet-kind--risk{background:${t('color.background.warning')};color:${t('color.text.warning')};}
.pv-bet-kind--technology{background:${t('color.background.information')};color:${t('color.text.information')};}

.pv-glance{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:${t('space.150')};margin:0;}
.pv-glance-tile{display:flex;flex-direction:column;gap:${t('space.025')};padding:${t('space.150')} ${t('space.200')};border-radius:${t('radius.medium')};background:${t('elevation.surface.raised')};box-shadow:${t('elevation.shadow.raised')};}
.pv-glance-tile dt{font:${t('font.body.small')};font-weight:600;color:${t('color.text.subtle')};text-transform:uppercase;letter-spacing:.03em;}
.pv-glance-tile dd{margin:0;font:${t('font.heading.small')};color:${t('color.text')};}
.pv-glance-tile .pv-kpi-status{white-space:normal;overflow-wrap:anywhere;}
.pv-glance-tile--warning{box-shadow:inset 3px 0 0 ${t('color.border.warning')},${t('elevation.shadow.raised')};}
.pv-glance-tile--warning dd{color:${t('color.text.warning')};}
.pv-glance-tile dd.pv-glance-note{font:${t('font.body.small')};color:${t('color.text.subtlest')};}

.pv-publish{gap:${t('space.150')};}
.pv-publish-row{display:flex;align-items:flex-end;gap:${t('space.150')};flex-wrap:wrap;}
.pv-publish-row>.pv-btn{margin-bottom:${t('space.300')};}

.pv-bets{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.150')};}
.pv-bet{display:grid;grid-template-columns:minmax(130px,1fr) minmax(220px,3fr) minmax(150px,1.4fr) minmax(140px,1fr) auto;gap:${t('space.100')};align-items:start;padding:${t('space.150')};border-radius:${t('radius.medium')};background:${t('elevation.surface.sunken')};}
.pv-bet-remove{margin-top:${t('space.300')};}
@media (max-width:760px){.pv-bet{grid-template-columns:1fr 1fr;}.pv-bet-text{grid-column:1 / -1;}}
.pv-cadence{max-width:320px;}

.pv-compare-bar{display:flex;align-items:flex-end;gap:${t('space.150')};flex-wrap:wrap;}
.pv-compare-bar .pv-field{min-width:160px;}
.pv-diff-tools{justify-content:space-between;}
.pv-segmented{display:inline-flex;gap:2px;}
.pv-segmented .pv-btn[aria-pressed="true"]{background:${t('color.background.selected')};color:${t('color.text.selected')};}
.pv-diff{display:flex;flex-direction:column;gap:${t('space.150')};}
.pv-diff-head{gap:${t('space.150')};}
.pv-diff-cols{display:grid;grid-template-columns:1fr 1fr;gap:${t('space.200')};}
@media (max-width:640px){.pv-diff-cols{grid-template-columns:1fr;}}
.pv-diff-field{display:flex;flex-direction:column;gap:${t('space.075')};padding:${t('space.150')};border-radius:${t('radius.medium')};border:1px solid ${t('color.border')};}
.pv-diff-field--changed{border-color:${t('color.border.warning')};}
.pv-diff-field h4{display:flex;align-items:center;gap:${t('space.100')};}
.pv-diff-badge{font-weight:700;}
.pv-diff-del{background:${t('color.background.danger')};color:${t('color.text.danger')};text-decoration:line-through;border-radius:${t('radius.xsmall')};}
.pv-diff-add{background:${t('color.background.success')};color:${t('color.text.success')};text-decoration:underline;border-radius:${t('radius.xsmall')};}
.pv-diff-bets{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.100')};}
.pv-diff-bet{display:flex;flex-direction:column;gap:${t('space.025')};padding-bottom:${t('space.100')};border-bottom:1px solid ${t('color.border')};}
`;

export default paletteCss() + rules;
