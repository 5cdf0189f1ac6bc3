/**
 * Styles of epic alignment (issue panel, alignment report), evaluated at build time into main.css of the
 * surfaces that import it. Tokens only, with light/dark fallbacks, like app.style.ts.
 */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.pv-panel{display:flex;flex-direction:column;gap:${t('space.150')};padding:${t('space.100')} ${t('space.050')};max-width:680px;}
.pv-panel .pv-state{padding:${t('space.300')} ${t('space.100')};}
.pv-panel .pv-state h1{font:${t('font.heading.small')};}
.pv-panel .pv-state-icon{width:28px;height:28px;}
.pv-panel-label{font:${t('font.body.small')};font-weight:600;color:${t('color.text.subtlest')};text-transform:uppercase;letter-spacing:.03em;}
.pv-epic-line{display:flex;gap:${t('space.100')};align-items:baseline;flex-wrap:wrap;min-width:0;}
.pv-issue-key{font-weight:600;white-space:nowrap;}
.pv-epic-summary{overflow-wrap:anywhere;min-width:0;}
.pv-flag{display:flex;gap:${t('space.100')};align-items:flex-start;padding:${t('space.100')} ${t('space.150')};border-radius:${t('radius.medium')};background:${t('color.background.warning')};color:${t('color.text')};border-left:3px solid ${t('color.border.warning')};}
.pv-flag-icon{flex:none;color:${t('color.icon.warning')};margin-top:2px;}
.pv-flag-title{font-weight:600;}
.pv-goal-box{display:flex;flex-direction:column;gap:${t('space.050')};padding:${t('space.150')};border-radius:${t('radius.medium')};border:1px solid ${t('color.border')};background:${t('elevation.surface.raised')};}
.pv-goal-name{font:${t('font.heading.xsmall')};color:${t('color.text')};overflow-wrap:anywhere;min-width:0;}
.pv-picker{display:flex;flex-direction:column;gap:${t('space.050')};min-width:0;}
.pv-picker-row{display:flex;gap:${t('space.100')};align-items:center;}
.pv-picker-row select{flex:1 1 auto;min-width:0;width:auto;}
.pv-why{padding:${t('space.050')} ${t('space.150')};border-left:3px solid ${t('color.border.brand')};color:${t('color.text.subtle')};overflow-wrap:anywhere;}
.pv-why-label{font-weight:600;color:${t('color.text')};}

.pv-strong{color:${t('color.text')};font-weight:600;}
.pv-report{display:flex;flex-direction:column;gap:${t('space.300')};}
.pv-report-head{display:flex;align-items:center;justify-content:space-between;gap:${t('space.200')};flex-wrap:wrap;}
.pv-toggle[aria-expanded="true"] .pv-chevron{transform:rotate(90deg);}
.pv-chevron{transition:transform .15s;}
.pv-headline{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:${t('space.200')} ${t('space.400')};align-items:start;}
.pv-figure{display:flex;flex-direction:column;gap:${t('space.075')};min-width:0;}
.pv-big{font:${t('font.metric.large')};color:${t('color.text')};font-variant-numeric:tabular-nums;}
.pv-big--warning{color:${t('color.text.warning')};}
.pv-big--ok{color:${t('color.text.success')};}
.pv-meter{display:block;width:100%;height:8px;border-radius:4px;overflow:hidden;}
.pv-meter-track{fill:${t('color.background.neutral')};}
.pv-meter-fill{fill:${t('color.chart.brand')};}
.pv-meter--info .pv-meter-fill{fill:${t('color.chart.information')};}
.pv-meter--warning .pv-meter-fill{fill:${t('color.chart.warning')};}
.pv-weighted{display:flex;flex-wrap:wrap;gap:${t('space.050')} ${t('space.200')};margin:0;font:${t('font.body.small')};color:${t('color.text.subtle')};}
.pv-weighted div{display:flex;gap:${t('space.050')};}
.pv-weighted dd{margin:0;font-weight:600;color:${t('color.text')};}
.pv-scan{display:flex;flex-direction:column;gap:${t('space.100')};}
.pv-grid-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:${t('space.300')};}

.pv-epics{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;border-top:1px solid ${t('color.border')};}
.pv-epic{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:${t('space.100')} ${t('space.200')};padding:${t('space.150')} 0;border-bottom:1px solid ${t('color.border')};}
.pv-epic-main{display:flex;flex-direction:column;gap:${t('space.025')};flex:1 1 260px;min-width:0;}
.pv-epic-title{overflow-wrap:anywhere;min-width:0;}
.pv-epic-title .pv-issue-key{margin-right:${t('space.100')};}
.pv-trend{margin:0;}
.pv-epic-reason{color:${t('color.text.warning')};font:${t('font.body.small')};}
.pv-epic .pv-picker{flex:1 1 220px;max-width:360px;}
.pv-epic .pv-msg{flex:1 1 100%;}
.pv-epic-check{flex:none;width:16px;height:16px;margin:0;accent-color:${t('color.background.brand.bold')};}
.pv-epic-check:focus-visible,.pv-batch-all input:focus-visible{outline:2px solid ${t('color.border.focused')};outline-offset:2px;}
.pv-epic-note{color:${t('color.text.danger')};font:${t('font.body.small')};overflow-wrap:anywhere;}
.pv-batch{display:flex;flex-wrap:wrap;align-items:flex-end;gap:${t('space.100')} ${t('space.200')};padding:${t('space.150')};border-radius:${t('radius.medium')};border:1px solid ${t('color.border')};background:${t('elevation.surface.sunken')};}
.pv-batch-all{display:flex;align-items:center;gap:${t('space.100')};min-height:32px;}
.pv-batch .pv-picker{flex:1 1 260px;max-width:420px;}
.pv-batch-outcome{flex:1 1 100%;}
.pv-batch-outcome:empty{display:none;}
.pv-batch-outcome:focus-visible{outline:2px solid ${t('color.border.focused')};outline-offset:2px;}
.pv-epic:focus-visible{outline:2px solid ${t('color.border.focused')};outline-offset:2px;}

.pv-bars{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.150')};}
.pv-bars li{display:flex;flex-direction:column;gap:${t('space.050')};}
.pv-bar-label{display:flex;justify-content:space-between;gap:${t('space.100')};}
.pv-bar-label span:first-child{overflow-wrap:anywhere;min-width:0;}
.pv-bar-label span:last-child{font-variant-numeric:tabular-nums;white-space:nowrap;color:${t('color.text.subtle')};}

.pv-chart{display:grid;grid-template-columns:auto 1fr;grid-template-rows:128px auto;column-gap:${t('space.100')};row-gap:${t('space.050')};font:${t('font.body.small')};color:${t('color.text.subtlest')};}
.pv-chart-y{display:flex;flex-direction:column;justify-content:space-between;text-align:right;font-variant-numeric:tabular-nums;line-height:1;}
.pv-chart-plot{position:relative;min-width:0;}
.pv-chart-plot svg{display:block;width:100%;height:100%;overflow:visible;}
.pv-chart-x{grid-column:2;display:flex;justify-content:space-between;gap:${t('space.100')};}
.pv-chart-grid{stroke:${t('color.border')};stroke-width:1;}
.pv-chart-line{fill:none;stroke:${t('color.chart.brand')};stroke-width:2;stroke-linejoin:round;stroke-linecap:round;}
.pv-chart-area{fill:${t('color.background.accent.blue.subtlest')};stroke:none;}
.pv-chart-dot{fill:none;stroke:${t('color.chart.brand')};stroke-width:8;stroke-linecap:round;}
.pv-table{border-collapse:collapse;font:${t('font.body.small')};}
.pv-table th,.pv-table td{text-align:left;padding:${t('space.025')} ${t('space.150')} ${t('space.025')} 0;border-bottom:1px solid ${t('color.border')};font-variant-numeric:tabular-nums;}
.pv-details--plain{border:0;}
.pv-details--plain>summary{padding:${t('space.050')} 0;font-weight:400;color:${t('color.text.subtle')};font:${t('font.body.small')};}
.pv-details--plain .pv-details-body{padding:${t('space.100')} 0 0;}
`;

export default paletteCss() + rules;
