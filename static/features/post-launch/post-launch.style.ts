/**
 * Styles of post-launch tracking (launches, iterations, verdicts, the KPI chart), evaluated at build
 * time into main.css of the surfaces that import it. Tokens only, with light/dark fallbacks.
 */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.pl-section{display:flex;flex-direction:column;gap:${t('space.200')};}
.pl-toggle[aria-expanded="true"] .pl-chevron{transform:rotate(90deg);}
.pl-chevron{transition:transform .15s;}
.pl-body{display:flex;flex-direction:column;gap:${t('space.300')};}
.pl-bar{display:flex;align-items:flex-end;gap:${t('space.150')};flex-wrap:wrap;}
.pl-bar>.pv-field{min-width:240px;flex:0 1 360px;}
.pl-head{display:flex;align-items:baseline;justify-content:space-between;gap:${t('space.150')};flex-wrap:wrap;}
.pl-sub{font:${t('font.body.small')};color:${t('color.text.subtle')};}
.pl-card{background:${t('elevation.surface.raised')};box-shadow:${t('elevation.shadow.raised')};border-radius:${t('radius.large')};padding:${t('space.200')};display:flex;flex-direction:column;gap:${t('space.150')};min-width:0;}
.pl-form{border:1px solid ${t('color.border')};border-radius:${t('radius.medium')};padding:${t('space.200')};display:flex;flex-direction:column;gap:${t('space.150')};background:${t('elevation.surface.sunken')};}
.pl-form h4{font:${t('font.heading.xsmall')};}
.pl-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:${t('space.150')};}
.pl-check{display:flex;gap:${t('space.100')};align-items:center;font:${t('font.body')};}

.pl-table-wrap{overflow-x:auto;}
.pl-table{border-collapse:collapse;width:100%;font:${t('font.body.small')};}
.pl-table caption{text-align:left;font:${t('font.heading.xsmall')};padding-bottom:${t('space.075')};color:${t('color.text')};}
.pl-table th,.pl-table td{text-align:left;padding:${t('space.075')} ${t('space.100')};border-bottom:1px solid ${t('color.border')};vertical-align:top;}
.pl-table th{color:${t('color.text.subtle')};font-weight:600;white-space:nowrap;}
.pl-table td.pl-num,.pl-table th.pl-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;}

.pl-verdict{display:inline-flex;align-items:center;gap:${t('space.050')};padding:0 ${t('space.075')};border-radius:${t('radius.small')};font:${t('font.body.small')};font-weight:600;white-space:nowrap;line-height:20px;}
.pl-verdict--toward{background:${t('color.background.accent.green.subtlest')};color:${t('color.text.accent.green')};}
.pl-verdict--away{background:${t('color.background.accent.red.subtlest')};color:${t('color.text.accent.red')};}
.pl-verdict--flat{background:${t('color.background.accent.gray.subtlest')};color:${t('color.text.accent.gray')};}
.pl-verdict--no-data{background:transparent;color:${t('color.text.subtlest')};box-shadow:inset 0 0 0 1px ${t('color.border')};}
.pl-tally{display:flex;gap:${t('space.050')};flex-wrap:wrap;}
.pl-panel-kpis{list-style:none;margin:${t('space.100')} 0 0;padding:0;display:flex;flex-direction:column;gap:${t('space.050')};}
.pl-panel-kpis li{display:flex;justify-content:space-between;gap:${t('space.100')};align-items:center;}

.pl-iterations{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:${t('space.150')};}
.pl-iteration{border:1px solid ${t('color.border')};border-radius:${t('radius.medium')};padding:${t('space.150')};display:flex;flex-direction:column;gap:${t('space.075')};background:${t('elevation.surface')};}
.pl-iteration[aria-current="true"]{border-color:${t('color.border.brand')};box-shadow:inset 0 0 0 1px ${t('color.border.brand')};}
.pl-iteration h4{font:${t('font.heading.xsmall')};overflow-wrap:anywhere;}
.pl-now{font:${t('font.body.small')};font-weight:700;color:${t('color.text.brand')};text-transform:uppercase;letter-spacing:.03em;}

.pl-rule{font:${t('font.body.small')};color:${t('color.text.subtle')};}
.pl-rule summary{cursor:pointer;color:${t('color.link')};}
.pl-rule p{margin-top:${t('space.075')};max-width:72ch;}

.pl-output{display:flex;align-items:baseline;gap:${t('space.100')};flex-wrap:wrap;}
.pl-output-count{font:${t('font.heading.large')};font-variant-numeric:tabular-nums;color:${t('color.text')};}
.pl-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.100')};}
.pl-list li{display:flex;flex-direction:column;gap:${t('space.050')};padding:${t('space.100')} ${t('space.150')};border-left:3px solid ${t('color.border')};background:${t('elevation.surface.sunken')};border-radius:${t('radius.small')};}
.pl-list li.pl-positive{border-left-color:${t('color.border.success')};}
.pl-list li.pl-negative{border-left-color:${t('color.border.danger')};}
.pl-quote{white-space:pre-wrap;overflow-wrap:anywhere;}
.pl-meta{font:${t('font.body.small')};color:${t('color.text.subtlest')};display:flex;gap:${t('space.100')};flex-wrap:wrap;align-items:center;}

.pl-chart{display:flex;flex-direction:column;gap:${t('space.100')};margin:0;}
.pl-chart svg{width:100%;height:auto;display:block;overflow:visible;}
.pl-chart text{font-family:inherit;font-size:11px;fill:${t('color.text.subtle')};}
.pl-chart-grid{stroke:${t('color.border')};stroke-width:1;}
.pl-chart-window{fill:${t('color.background.accent.blue.subtlest')};stroke:${t('elevation.surface')};stroke-width:1;}
.pl-chart-window--current{fill:${t('color.background.accent.purple.subtlest')};}
.pl-chart-launch{stroke:${t('color.chart.purple.bold')};stroke-width:2;}
.pl-chart text.pl-chart-launch-label{fill:${t('color.text.accent.purple')};font-weight:600;}
.pl-chart-target{stroke:${t('color.chart.success.bold')};stroke-width:1.5;stroke-dasharray:6 4;}
.pl-chart text.pl-chart-target-label{fill:${t('color.text.accent.green')};font-weight:600;}
.pl-chart-band{fill:${t('color.background.accent.green.subtlest')};}
.pl-chart-baseline{stroke:${t('color.chart.gray.bold')};stroke-width:1.5;stroke-dasharray:2 3;}
.pl-chart-line{fill:none;stroke:${t('color.chart.brand')};stroke-width:2;stroke-linejoin:round;stroke-linecap:round;}
.pl-chart-dot{fill:${t('elevation.surface')};stroke:${t('color.chart.brand')};stroke-width:2;}
.pl-chart-dot--jql{fill:${t('color.chart.brand')};}
.pl-legend{display:flex;gap:${t('space.200')};flex-wrap:wrap;font:${t('font.body.small')};color:${t('color.text.subtle')};list-style:none;margin:0;padding:0;}
.pl-legend li{display:flex;align-items:center;gap:${t('space.050')};}
.pl-swatch{display:inline-block;width:18px;height:0;border-top:2px solid ${t('color.chart.brand')};}
.pl-swatch--target{border-top:2px dashed ${t('color.chart.success.bold')};}
.pl-swatch--baseline{border-top:2px dotted ${t('color.chart.gray.bold')};}
.pl-swatch--launch{width:0;height:12px;border-top:0;border-left:2px solid ${t('color.chart.purple.bold')};}
.pl-swatch--window{height:12px;border:0;background:${t('color.background.accent.blue.subtlest')};}
`;

export default paletteCss() + rules;
