/** Styles of the dashboard gadget (build time, into main.css). Tokens only, with light/dark fallbacks. */
import { css, paletteCss, t } from '../../shared/style-kit';

const rules = css`
.gd{display:flex;flex-direction:column;gap:${t('space.150')};padding:${t('space.150')};color:${t('color.text')};background:${t('elevation.surface')};}
.gd h1{margin:0;font:${t('font.heading.xsmall')};color:${t('color.text')};}
.gd-statement{margin:0;font:${t('font.body.large')};color:${t('color.text')};overflow-wrap:anywhere;}
.gd-muted{margin:0;font:${t('font.body.small')};color:${t('color.text.subtle')};}
.gd-tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:${t('space.100')};margin:0;}
.gd-tile{display:flex;flex-direction:column;gap:${t('space.025')};padding:${t('space.100')} ${t('space.150')};border-radius:${t('radius.medium')};background:${t('elevation.surface.sunken')};}
.gd-tile dt{font:${t('font.body.small')};font-weight:600;color:${t('color.text.subtle')};}
.gd-tile dd{margin:0;font:${t('font.body')};font-weight:600;color:${t('color.text')};}
.gd-tile dd.gd-sub{font:${t('font.body.small')};font-weight:400;color:${t('color.text.subtle')};}
.gd-flags{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t('space.050')};}
.gd-flag{padding:${t('space.050')} ${t('space.100')};border-radius:${t('radius.small')};background:${t('color.background.warning')};color:${t('color.text.warning')};font:${t('font.body.small')};font-weight:600;}
.gd-ok{padding:${t('space.050')} ${t('space.100')};border-radius:${t('radius.small')};background:${t('color.background.success')};color:${t('color.text.success')};font:${t('font.body.small')};font-weight:600;}
.gd a{color:${t('color.link')};}
.gd-edit{display:flex;flex-direction:column;gap:${t('space.100')};max-width:420px;}
.gd-edit label{font:${t('font.body.small')};font-weight:600;color:${t('color.text.subtle')};}
.gd-row{display:flex;gap:${t('space.100')};flex-wrap:wrap;align-items:center;}
`;

export default paletteCss() + rules;
