/** The portfolio page's and the company goals admin page's styles (build time, into main.css). */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.pv-pf{max-width:1200px;}
.pv-pf-controls{display:flex;gap:${t('space.200')};flex-wrap:wrap;align-items:flex-end;}
.pv-pf-scroll{overflow-x:auto;}
.pv-pf-table{width:100%;border-collapse:collapse;font:${t('font.body.small')};}
.pv-pf-table th,.pv-pf-table td{text-align:left;padding:${t('space.100')} ${t('space.150')};border-bottom:1px solid ${t('color.border')};vertical-align:top;}
.pv-pf-table thead th{color:${t('color.text.subtle')};font-weight:600;}
.pv-pf-table tbody tr:hover{background:${t('color.background.neutral.subtle.hovered')};}
.pv-pf-kpis{display:flex;flex-direction:column;gap:${t('space.025')};}
.pv-pf-flag{font-weight:600;}
.pv-pf-flag--danger{color:${t('color.text.danger')};}
.pv-pf-flag--warning{color:${t('color.text.warning')};}
.pv-pf-tone--success{color:${t('color.text.success')};}
.pv-pf-tone--warning{color:${t('color.text.warning')};}
.pv-pf-tone--danger{color:${t('color.text.danger')};}
.pv-pf-goals,.pv-pf-contrib,.pv-pf-named,.pv-pf-inline{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.100')};}
.pv-pf-inline{flex-direction:row;flex-wrap:wrap;gap:${t('space.150')};font:${t('font.body.small')};}
.pv-pf-goal{display:flex;flex-direction:column;gap:${t('space.100')};}
.pv-pf-named li{display:flex;align-items:center;gap:${t('space.100')};}
.pv-pf-fieldset{border:0;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.100')};min-width:0;}
.pv-pf-kpi-row{display:grid;grid-template-columns:2fr 1fr 1fr auto;gap:${t('space.100')};align-items:end;}
`;

export default paletteCss() + rules;
