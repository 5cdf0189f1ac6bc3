/**
 * The one stylesheet of every surface, evaluated at build time (see style-kit.ts) into main.css.
 * All colours, spacing, radii and fonts are Atlassian design tokens with light/dark fallbacks.
 */
import { css, paletteCss, t } from './style-kit';

const focusRing = `outline:2px solid ${t('color.border.focused')};outline-offset:2px;`;

const rules = css`
html{color-scheme:light;}
body{background:${t('elevation.surface')};color:${t('color.text')};font:${t('font.body')};}
h1,h2,h3,h4{color:${t('color.text')};}
h1{font:${t('font.heading.large')};margin:0;}
h2{font:${t('font.heading.medium')};margin:0;}
h3{font:${t('font.heading.small')};margin:0;}
h4{font:${t('font.heading.xsmall')};margin:0;}
p{margin:0;}
dl{padding:0;}
a{color:${t('color.link')};}
:focus-visible{${focusRing}}
.pv-sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;}

.pv-page{max-width:960px;margin:0 auto;padding:${t('space.300')} ${t('space.300')} ${t('space.600')};display:flex;flex-direction:column;gap:${t('space.400')};}
.pv-header{display:flex;flex-direction:column;gap:${t('space.050')};}
.pv-section{display:flex;flex-direction:column;gap:${t('space.200')};}
.pv-section-head{display:flex;align-items:center;justify-content:space-between;gap:${t('space.200')};flex-wrap:wrap;}
.pv-stack{display:flex;flex-direction:column;gap:${t('space.150')};}
.pv-stack-lg{display:flex;flex-direction:column;gap:${t('space.300')};}
.pv-row{display:flex;align-items:center;gap:${t('space.100')};flex-wrap:wrap;}
.pv-grow{flex:1 1 auto;}
.pv-muted{color:${t('color.text.subtle')};}
.pv-subtlest{color:${t('color.text.subtlest')};}
.pv-small{font:${t('font.body.small')};}
.pv-prewrap{white-space:pre-wrap;overflow-wrap:anywhere;}

.pv-card{background:${t('elevation.surface.raised')};box-shadow:${t('elevation.shadow.raised')};border-radius:${t('radius.large')};padding:${t('space.200')} ${t('space.250')};display:flex;flex-direction:column;gap:${t('space.150')};}
.pv-card--sunken{background:${t('elevation.surface.sunken')};box-shadow:none;}
.pv-card--dropped{opacity:.8;}

.pv-btn{display:inline-flex;align-items:center;justify-content:center;gap:${t('space.050')};min-height:32px;padding:0 ${t('space.150')};border:0;border-radius:${t('radius.small')};font:${t('font.body')};font-weight:500;cursor:pointer;white-space:nowrap;text-decoration:none;background:${t('color.background.neutral')};color:${t('color.text')};}
.pv-btn:hover{background:${t('color.background.neutral.hovered')};}
.pv-btn:active{background:${t('color.background.neutral.pressed')};}
.pv-btn:focus-visible{${focusRing}}
.pv-btn--primary{background:${t('color.background.brand.bold')};color:${t('color.text.inverse')};}
.pv-btn--primary:hover{background:${t('color.background.brand.bold.hovered')};}
.pv-btn--primary:active{background:${t('color.background.brand.bold.pressed')};}
.pv-btn--danger{background:${t('color.background.danger.bold')};color:${t('color.text.inverse')};}
.pv-btn--danger:hover{background:${t('color.background.danger.bold.hovered')};}
.pv-btn--danger:active{background:${t('color.background.danger.bold.pressed')};}
.pv-btn--subtle{background:${t('color.background.neutral.subtle')};color:${t('color.text.subtle')};}
.pv-btn--subtle:hover{background:${t('color.background.neutral.subtle.hovered')};}
.pv-btn--subtle:active{background:${t('color.background.neutral.subtle.pressed')};}
.pv-btn--small{min-height:24px;padding:0 ${t('space.100')};}
.pv-btn[aria-disabled="true"],.pv-btn:disabled{background:${t('color.background.disabled')};color:${t('color.text.disabled')};cursor:not-allowed;}
.pv-link-btn{background:none;border:0;padding:0;font:inherit;color:${t('color.link')};cursor:pointer;text-decoration:underline;}
.pv-link-btn:focus-visible{${focusRing}}

.pv-form{display:flex;flex-direction:column;gap:${t('space.200')};}
.pv-fields-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:${t('space.200')};}
.pv-fields-wide{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:${t('space.200')};}
.pv-field{display:flex;flex-direction:column;gap:${t('space.050')};min-width:0;}
.pv-label{font:${t('font.body.small')};font-weight:600;color:${t('color.text.subtle')};}
.pv-required{color:${t('color.text.danger')};margin-left:2px;}
.pv-input{box-sizing:border-box;width:100%;min-height:36px;padding:${t('space.075')} ${t('space.100')};font:${t('font.body')};color:${t('color.text')};background:${t('color.background.input')};border:1px solid ${t('color.border.input')};border-radius:${t('radius.small')};}
.pv-input:hover{background:${t('color.background.input.hovered')};}
.pv-input:focus,.pv-input:focus-visible{outline:none;border-color:${t('color.border.focused')};box-shadow:inset 0 0 0 1px ${t('color.border.focused')};background:${t('color.background.input.pressed')};}
.pv-input[aria-invalid="true"]{border-color:${t('color.border.danger')};}
.pv-input[aria-invalid="true"]:focus{box-shadow:inset 0 0 0 1px ${t('color.border.danger')};}
.pv-input[readonly]{background:${t('color.background.disabled')};}
textarea.pv-input{resize:vertical;min-height:72px;line-height:1.45;}
select.pv-input{appearance:auto;cursor:pointer;}
.pv-help{font:${t('font.body.small')};color:${t('color.text.subtlest')};display:flex;justify-content:space-between;gap:${t('space.100')};}
.pv-error{font:${t('font.body.small')};color:${t('color.text.danger')};display:flex;gap:${t('space.050')};align-items:baseline;}
.pv-error::before{content:"!";flex:none;display:inline-grid;place-items:center;width:14px;height:14px;border-radius:50%;font-size:10px;font-weight:700;background:${t('color.icon.danger')};color:${t('color.text.inverse')};}
.pv-form-foot{display:flex;align-items:center;gap:${t('space.150')};flex-wrap:wrap;}

.pv-msg{border-radius:${t('radius.small')};padding:${t('space.200')};display:flex;flex-direction:column;gap:${t('space.100')};background:${t('color.background.neutral')};color:${t('color.text')};border-left:4px solid ${t('color.border.bold')};}
.pv-msg h2,.pv-msg h3{font:${t('font.heading.xsmall')};}
.pv-msg ul{margin:0;padding-left:${t('space.250')};}
.pv-msg--error{background:${t('color.background.danger')};border-left-color:${t('color.border.danger')};}
.pv-msg--warning{background:${t('color.background.warning')};border-left-color:${t('color.border.warning')};}
.pv-msg--info{background:${t('color.background.information')};border-left-color:${t('color.border.information')};}
.pv-msg--success{background:${t('color.background.success')};border-left-color:${t('color.border.success')};}

.pv-lozenge{display:inline-block;padding:0 ${t('space.050')};border-radius:${t('radius.xsmall')};font:${t('font.body.small')};font-weight:700;text-transform:uppercase;letter-spacing:.02em;line-height:16px;white-space:nowrap;background:${t('color.background.neutral')};color:${t('color.text.subtle')};}
.pv-lozenge--active{background:${t('color.background.information')};color:${t('color.text.information')};}
.pv-lozenge--achieved{background:${t('color.background.success')};color:${t('color.text.success')};}
.pv-status{font:${t('font.body.small')};color:${t('color.text.subtle')};}
.pv-status--ok{color:${t('color.text.success')};}
.pv-status--dirty{color:${t('color.text.warning')};}

.pv-dialog{border:0;padding:${t('space.300')};border-radius:${t('radius.large')};background:${t('elevation.surface.overlay')};color:${t('color.text')};box-shadow:${t('elevation.shadow.overlay')};max-width:min(480px,calc(100vw - 32px));width:100%;box-sizing:border-box;}
.pv-dialog::backdrop{background:${t('color.blanket')};}
.pv-dialog-body{display:flex;flex-direction:column;gap:${t('space.200')};}
.pv-dialog-actions{display:flex;justify-content:flex-end;gap:${t('space.100')};}

.pv-hero{display:flex;flex-direction:column;gap:${t('space.150')};padding:${t('space.300')};border-radius:${t('radius.large')};background:${t('color.background.accent.blue.subtlest')};}
.pv-statement{font:${t('font.heading.medium')};color:${t('color.text')};margin:0;white-space:pre-wrap;overflow-wrap:anywhere;}
.pv-facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:${t('space.200')};margin:0;}
.pv-fact{display:flex;flex-direction:column;gap:${t('space.050')};padding:${t('space.150')} ${t('space.200')};border-radius:${t('radius.medium')};background:${t('elevation.surface.sunken')};}
.pv-fact dt{font:${t('font.body.small')};font-weight:600;color:${t('color.text.subtle')};text-transform:uppercase;letter-spacing:.03em;}
.pv-fact dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;}

.pv-goals{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:${t('space.200')};list-style:none;margin:0;padding:0;}
.pv-goal-list{display:flex;flex-direction:column;gap:${t('space.200')};list-style:none;margin:0;padding:0;}
.pv-goal-head{display:flex;align-items:flex-start;justify-content:space-between;gap:${t('space.100')};}
.pv-goal-title{overflow-wrap:anywhere;}
.pv-goal-head>.pv-row:last-child{flex-wrap:nowrap;}
.pv-meta{display:flex;flex-wrap:wrap;gap:${t('space.050')} ${t('space.200')};margin:0;font:${t('font.body.small')};color:${t('color.text.subtle')};}
.pv-meta div{display:flex;gap:${t('space.050')};}
.pv-meta dt{color:${t('color.text.subtlest')};}
.pv-meta dd{margin:0;}
.pv-kpis{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;border-top:1px solid ${t('color.border')};}
.pv-kpi{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:${t('space.050')} ${t('space.150')};padding:${t('space.100')} 0;border-bottom:1px solid ${t('color.border')};}
.pv-kpi-name{font-weight:600;overflow-wrap:anywhere;}
.pv-kpi-values{font-variant-numeric:tabular-nums;color:${t('color.text')};min-width:0;overflow-wrap:anywhere;}
.pv-kpi-dir{color:${t('color.text.subtle')};font:${t('font.body.small')};}
.pv-kpi>form{flex:1 1 100%;margin:${t('space.050')} 0;}
.pv-kpi-actions{display:flex;gap:${t('space.050')};}

.pv-details{border-radius:${t('radius.medium')};border:1px solid ${t('color.border')};}
.pv-details>summary{cursor:pointer;padding:${t('space.150')} ${t('space.200')};font-weight:600;}
.pv-details>summary:focus-visible{${focusRing}}
.pv-details-body{padding:0 ${t('space.200')} ${t('space.200')};display:flex;flex-direction:column;gap:${t('space.150')};}
.pv-history{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.100')};}
.pv-history li{display:flex;flex-direction:column;gap:${t('space.025')};padding-bottom:${t('space.100')};border-bottom:1px solid ${t('color.border')};}

.pv-state{display:flex;flex-direction:column;align-items:center;text-align:center;gap:${t('space.150')};padding:${t('space.600')} ${t('space.300')};max-width:560px;margin:0 auto;}
.pv-state-icon{flex:none;color:${t('color.icon.subtle')};}
.pv-empty{display:flex;flex-direction:column;align-items:flex-start;gap:${t('space.100')};padding:${t('space.250')};border-radius:${t('radius.large')};border:1px dashed ${t('color.border.bold')};}

.pv-compare{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:${t('space.150')};}
.pv-compare dl{margin:0;display:flex;flex-direction:column;gap:${t('space.050')};}
.pv-compare dt{font:${t('font.body.small')};font-weight:600;color:${t('color.text.subtle')};}
.pv-compare dd{margin:0 0 ${t('space.100')};white-space:pre-wrap;overflow-wrap:anywhere;}
.pv-changed{background:${t('color.background.warning')};border-radius:${t('radius.xsmall')};padding:0 2px;}
`;

export default paletteCss() + rules;
