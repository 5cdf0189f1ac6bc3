/**
 * The Confluence macro's own styles (evaluated at build time into main.css): compact, for a page
 * column; tokens only, with light/dark fallbacks, like app.style.ts.
 */
import { css, paletteCss, t } from '../../shared/style-kit';

const deciles = Array.from({ length: 11 }, (_, i) => `.pv-m-meter-fill--${i}{width:${i * 10}%;}`).join('');

/** The macro's rules without its page's own (`body`): the settings page shows the same view, scoped (reader-view.style.ts). */
export const macroRules = css`
.pv-macro{display:flex;flex-direction:column;gap:${t('space.200')};padding:${t('space.200')};border-radius:${t('radius.large')};border:1px solid ${t('color.border')};background:${t('elevation.surface')};color:${t('color.text')};max-width:100%;box-sizing:border-box;}
.pv-m-head{display:flex;align-items:flex-start;justify-content:space-between;gap:${t('space.200')};flex-wrap:wrap;}
.pv-m-eyebrow{font:${t('font.body.small')};font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:${t('color.text.subtlest')};margin:0;}
.pv-m-title{font:${t('font.heading.small')};margin:0;overflow-wrap:anywhere;}
.pv-m-link{display:inline-flex;align-items:center;gap:${t('space.050')};font:${t('font.body')};font-weight:500;white-space:nowrap;}
.pv-m-link-icon{flex:none;}
.pv-m-section{display:flex;flex-direction:column;gap:${t('space.150')};}
.pv-m-section>h3{font:${t('font.heading.xsmall')};}
.pv-m-hero{padding:${t('space.200')};gap:${t('space.075')};}
.pv-m-statement{font:${t('font.heading.small')};}
.pv-m-facts{grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:${t('space.100')};}
.pv-m-facts .pv-fact{padding:${t('space.100')} ${t('space.150')};}
.pv-m-bets{display:flex;flex-direction:column;gap:${t('space.075')};}
.pv-m-bets h3{font:${t('font.heading.xxsmall')};color:${t('color.text.subtle')};}
.pv-m-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.075')};}
.pv-m-list li{display:flex;flex-wrap:wrap;gap:${t('space.050')} ${t('space.100')};align-items:baseline;}
.pv-m-bet-text{flex:1 1 240px;overflow-wrap:anywhere;}
.pv-m-bet--assumption{background:${t('color.background.discovery')};color:${t('color.text.discovery')};}
.pv-m-bet--risk{background:${t('color.background.warning')};color:${t('color.text.warning')};}
.pv-m-bet--technology{background:${t('color.background.information')};color:${t('color.text.information')};}
.pv-m-goals{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:${t('space.150')};}
.pv-m-goal{display:flex;flex-direction:column;gap:${t('space.075')};padding:${t('space.150')};border-radius:${t('radius.medium')};background:${t('elevation.surface.sunken')};}
.pv-m-goal--dropped{opacity:.75;}
.pv-m-goal-head{display:flex;align-items:flex-start;justify-content:space-between;gap:${t('space.100')};}
.pv-m-goal-title{font:${t('font.heading.xsmall')};overflow-wrap:anywhere;margin:0;}
.pv-m-kpis{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.050')};}
.pv-m-kpi{display:flex;flex-wrap:wrap;align-items:baseline;gap:${t('space.025')} ${t('space.100')};padding-top:${t('space.050')};border-top:1px solid ${t('color.border')};}
.pv-m-stalled{font:${t('font.body.small')};font-weight:600;color:${t('color.text.warning')};}
.pv-m-kpi-name{font:${t('font.body.small')};font-weight:600;flex:1 1 100%;overflow-wrap:anywhere;}
.pv-m-kpi-values{font-variant-numeric:tabular-nums;color:${t('color.text.subtle')};font:${t('font.body.small')};}
.pv-m-status{display:inline-block;padding:0 ${t('space.050')};border-radius:${t('radius.xsmall')};font:${t('font.body.small')};font-weight:600;white-space:nowrap;background:${t('color.background.neutral')};color:${t('color.text.subtle')};}
.pv-m-status--achieved,.pv-m-tone--success{background:${t('color.background.success')};color:${t('color.text.success')};}
.pv-m-status--on-track{background:${t('color.background.information')};color:${t('color.text.information')};}
.pv-m-status--off-track,.pv-m-tone--danger{background:${t('color.background.danger')};color:${t('color.text.danger')};}
.pv-m-tone--warning{background:${t('color.background.warning')};color:${t('color.text.warning')};}
.pv-m-figure{display:flex;flex-wrap:wrap;align-items:baseline;gap:${t('space.050')} ${t('space.100')};}
.pv-m-big{font:${t('font.heading.large')};font-variant-numeric:tabular-nums;}
.pv-m-meter{display:block;flex:1 1 100%;height:8px;border-radius:4px;background:${t('color.background.neutral')};overflow:hidden;}
.pv-m-meter-fill{display:block;height:100%;background:${t('color.background.success.bold')};}
${deciles}
.pv-m-iteration{display:flex;flex-direction:column;gap:${t('space.075')};}
.pv-m-iteration h4{margin:0;font:${t('font.heading.xsmall')};}
.pv-m-review ul{margin:0;}
.pv-m-foot{border-top:1px solid ${t('color.border')};padding-top:${t('space.100')};}
.pv-m-state{flex-direction:row;align-items:flex-start;gap:${t('space.150')};}
.pv-m-state-icon{flex:none;color:${t('color.icon.subtle')};}
.pv-m-state-body{display:flex;flex-direction:column;gap:${t('space.075')};align-items:flex-start;}
.pv-m-state-title{font:${t('font.heading.xsmall')};margin:0;}
.pv-m-issues{margin:0;padding-left:${t('space.250')};}
.pv-m-loading{flex-direction:row;align-items:center;gap:${t('space.100')};color:${t('color.text.subtle')};}
.pv-m-spinner{width:16px;height:16px;border-radius:50%;border:2px solid ${t('color.border')};border-top-color:${t('color.border.brand')};animation:pv-m-spin .8s linear infinite;}
@keyframes pv-m-spin{to{transform:rotate(360deg);}}
@media (prefers-reduced-motion: reduce){.pv-m-spinner{animation:none;}}
`;

// The macro's frame is see-through, so the Confluence page shows around the card.
export default paletteCss() + 'body{background:transparent;}\n' + macroRules;
