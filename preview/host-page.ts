/**
 * The preview's host page: frames one surface as Jira or Confluence would, with switches for the
 * surface, the demo user, the project and the theme. The framed surface is the production build.
 */
import { SURFACES } from './contexts';

export interface HostChoice {
  surface: string;
  user: string;
  project: string;
  theme: 'light' | 'dark';
  /** Confluence surfaces: whether Jira is connected to the app's installation (`off` plays "not yet"). */
  jira?: 'on' | 'off';
  /** Whether the signed-in user has allowed the app to act for them (`pending` plays "not yet"). */
  consent?: 'allowed' | 'pending';
  /** The user's Jira locale as Forge's context gives it (`de_DE`); numbers are typed and read in it. */
  locale?: string;
}

/** The locales the preview offers (Forge's context spells them `de_DE`). */
export const PREVIEW_LOCALES: ReadonlyArray<[string, string]> = [
  ['en_US', 'English (US)'],
  ['de_DE', 'Deutsch'],
  ['fr_FR', 'Français'],
];

/** A locale the preview offers, else English (US). */
export const previewLocale = (value: string | null | undefined): string =>
  PREVIEW_LOCALES.some(([l]) => l === value) ? value! : 'en_US';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function hostPage(choice: HostChoice, users: Array<{ id: string; label: string }>, projects: Array<{ key: string; name: string }>): string {
  const option = (value: string, label: string, selected: string) =>
    `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`;
  const surfaceOptions = Object.entries(SURFACES).map(([k, s]) => option(k, s.title, choice.surface)).join('');
  const userOptions = users.map((u) => option(u.id, u.label, choice.user)).join('');
  const projectOptions = projects.map((p) => option(p.key, `${p.name} (${p.key})`, choice.project)).join('');
  const jira = choice.jira === 'off' ? 'off' : 'on';
  const consent = choice.consent === 'pending' ? 'pending' : 'allowed';
  const locale = previewLocale(choice.locale);
  const frameSrc = `/surface/${encodeURIComponent(choice.surface)}/?user=${encodeURIComponent(choice.user)}&project=${encodeURIComponent(choice.project)}&theme=${choice.theme}&jira=${jira}&locale=${locale}`;
  const dark = choice.theme === 'dark';
  const surface = SURFACES[choice.surface as keyof typeof SURFACES];
  const confluence = surface?.product === 'confluence';
  const hostUrl = (over: Record<string, string>) =>
    `/?${new URLSearchParams({ surface: choice.surface, user: choice.user, project: choice.project, theme: choice.theme, jira, consent, locale, ...over }).toString()}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Product Vision for Jira — local preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; background: ${dark ? '#1d2125' : '#f7f8f9'}; color: ${dark ? '#b6c2cf' : '#172b4d'}; }
  header { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; padding: 10px 16px; background: ${dark ? '#161a1d' : '#fff'}; border-bottom: 1px solid ${dark ? '#2c333a' : '#dcdfe4'}; }
  header strong { margin-right: 12px; align-self: center; }
  label { display: flex; flex-direction: column; font-size: 12px; gap: 2px; }
  select { font: inherit; padding: 4px 6px; border-radius: 3px; }
  main { padding: 16px; }
  .frame { background: ${dark ? '#22272b' : '#fff'}; border: 1px solid ${dark ? '#2c333a' : '#dcdfe4'}; border-radius: 8px; overflow: hidden; max-width: 1100px; }
  .frame p { margin: 0; padding: 6px 12px; font-size: 12px; border-bottom: 1px solid ${dark ? '#2c333a' : '#dcdfe4'}; }
  iframe { display: block; width: 100%; height: 78vh; border: 0; }
  #consent[hidden], .frame[hidden] { display: none; }
  #consent { max-width: 1100px; margin: 0 0 12px; padding: 16px; border-radius: 8px; border: 1px solid ${dark ? '#2c333a' : '#dcdfe4'}; background: ${dark ? '#22272b' : '#fff'}; }
  #consent h2 { font-size: 16px; margin: 0 0 6px; }
  #consent p { margin: 0 0 12px; }
  #consent button { font: inherit; font-weight: 600; padding: 6px 12px; border-radius: 3px; border: 0; background: ${dark ? '#579dff' : '#0c66e4'}; color: ${dark ? '#1d2125' : '#fff'}; cursor: pointer; }
  #consent button:focus-visible { outline: 2px solid ${dark ? '#85b8ff' : '#388bff'}; outline-offset: 2px; }
</style></head>
<body>
<header>
  <strong>Product Vision for Jira · local preview</strong>
  <form id="choice" method="get" action="/" style="display:contents">
    <label>Surface <select name="surface" aria-label="Surface">${surfaceOptions}</select></label>
    <label>Signed in as <select name="user" aria-label="Demo user">${userOptions}</select></label>
    <label>Project <select name="project" aria-label="Project">${projectOptions}</select></label>
    <label>Theme <select name="theme" aria-label="Theme">${option('light', 'Light', choice.theme)}${option('dark', 'Dark', choice.theme)}</select></label>
    <label>Language <select name="locale" aria-label="Locale">${PREVIEW_LOCALES.map(([l, name]) => option(l, name, locale)).join('')}</select></label>
    ${confluence ? `<label>Jira <select name="jira" aria-label="Jira connection">${option('on', 'Connected to the installation', jira)}${option('off', 'Not connected yet', jira)}</select></label>` : ''}
    <label>Access <select name="consent" aria-label="App access">${option('allowed', 'User has allowed access', consent)}${option('pending', 'User has not allowed access yet', consent)}</select></label>
  </form>
</header>
<main>
  <section id="consent" role="alertdialog" aria-labelledby="consent-title" aria-describedby="consent-text" hidden>
    <h2 id="consent-title">Allow access</h2>
    <p id="consent-text">Product Vision for Jira needs your permission to read and change Jira data on your behalf (the permissions its manifest asks for). Jira's own permissions still apply to everything it does for you.</p>
    <button type="button" id="allow-access">Allow access</button>
  </section>
  ${confluence ? confluencePage(choice.surface, frameSrc, hostUrl, esc(surface.title)) : surface?.type === 'jira:dashboardGadget' ? dashboardPage(choice.surface, frameSrc, hostUrl, esc(surface.title), dark) : `<div class="frame">
    <p id="where">${esc(surface?.title ?? '')} — invocations: <span id="invocations">0</span></p>
    <iframe id="surface" title="App surface" src="${esc(frameSrc)}"></iframe>
  </div>`}
</main>
<script>
  document.querySelectorAll('#choice select').forEach(function (s) { s.addEventListener('change', function () { document.getElementById('choice').submit(); }); });
  window.addEventListener('message', function (e) {
    if (!e.data || e.data.source !== 'forge-preview') return;
    if (e.data.type === 'invoke') document.getElementById('invocations').textContent = String(e.data.count);
    // A function let Forge's consent request out: Forge asks the user to allow access, then retries.
    if (e.data.type === 'consent-required') {
      var panel = document.getElementById('consent');
      // As on Forge, the prompt takes the app's place until the user answers it.
      if (panel.hidden) { panel.hidden = false; document.querySelector('main .frame').hidden = true; document.getElementById('allow-access').focus(); }
    }
    // Confluence sizes a macro's frame to its content (no viewportSize in the manifest).
    var from = Array.prototype.find.call(document.querySelectorAll('iframe'), function (f) { return f.contentWindow === e.source; });
    if (e.data.type === 'resize' && from && (from.classList.contains('pv-macro-frame') || from.classList.contains('pv-gadget-frame')) && typeof e.data.height === 'number')
      from.style.height = Math.max(40, Math.min(4000, e.data.height)) + 'px';
    // The config screen saved: close it, as the editor does, and show the macro with its new settings.
    if (e.data.type === 'submit' && ${JSON.stringify(choice.surface)} === 'macro-config') window.location.href = ${JSON.stringify(hostUrl({ surface: 'macro-editor' }))};
    // The gadget's edit view saved: Jira keeps the configuration and shows the gadget for that project.
    if (e.data.type === 'submit' && ${JSON.stringify(choice.surface)} === 'gadget-edit' && e.data.payload && typeof e.data.payload.projectKey === 'string')
      window.location.href = ${JSON.stringify(hostUrl({ surface: 'gadget', project: '__KEY__' }))}.replace('__KEY__', encodeURIComponent(e.data.payload.projectKey));
    // router.open / navigate from a surface: a Jira project page opens the preview's project page.
    if (e.data.type === 'navigate' && typeof e.data.url === 'string') {
      var m = new RegExp('^/(?:jira/[a-z]+/projects|browse)/([A-Z][A-Z0-9_]*)(?:/|$)').exec(new URL(e.data.url, window.location.href).pathname);
      var target = m ? ${JSON.stringify(hostUrl({ surface: 'project-page', project: '__KEY__' }))}.replace('__KEY__', encodeURIComponent(m[1])) : e.data.url;
      if (e.data.openIn === 'new-tab') window.open(target, '_blank', 'noopener'); else window.location.href = target;
    }
  });
  document.getElementById('allow-access').addEventListener('click', function () {
    fetch('/preview/consent', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: ${JSON.stringify(choice.user)}, allowed: true }) })
      .then(function (r) { if (r.ok) window.location.href = ${JSON.stringify(hostUrl({ consent: 'allowed' }))}; });
  });
</script>
</body></html>`;
}

/**
 * A Confluence page with the macro in it, as the page view, the editor, or the editor with the
 * macro's config panel open. The macro frame is sized by the macro (resize messages).
 */
function confluencePage(surface: string, frameSrc: string, hostUrl: (over: Record<string, string>) => string, title: string): string {
  const editing = surface !== 'macro';
  const macroSrc = frameSrc.replace(/^\/surface\/[a-z-]+\//, editing ? '/surface/macro-editor/' : '/surface/macro/');
  const bar = editing
    ? `<div class="cf-bar"><span class="cf-badge">Editing</span><a href="${esc(hostUrl({ surface: 'macro' }))}">Publish page (view mode)</a>${
        surface === 'macro-editor' ? `<a id="edit-macro" href="${esc(hostUrl({ surface: 'macro-config' }))}">Edit macro settings</a>` : ''
      }</div>`
    : `<div class="cf-bar"><span class="cf-badge cf-badge--view">Page</span><a href="${esc(hostUrl({ surface: 'macro-editor' }))}">Edit page</a></div>`;
  const macro = `<iframe id="${surface === 'macro-config' ? 'macro-preview' : 'surface'}" class="pv-macro-frame" title="Product vision macro" src="${esc(macroSrc)}"></iframe>`;
  const page = `<article class="cf-page">
      <p class="cf-crumbs">VISION space › Product</p>
      <h1>Product vision: Customer Portal</h1>
      <p>This page is where product and business people read the vision. The box below is the <strong>Product vision</strong> macro: it shows the Jira project's published vision to readers who can browse that project.</p>
      <div class="cf-macro${editing ? ' cf-macro--editing' : ''}">${macro}</div>
      <p>Questions about the vision go to the project's product owner.</p>
    </article>`;
  const panel =
    surface === 'macro-config'
      ? `<aside class="cf-panel"><p class="cf-panel-title">Macro settings</p><iframe id="surface" title="Product vision macro settings" src="${esc(frameSrc)}"></iframe></aside>`
      : '';
  return `<div class="frame cf">
    <p id="where">${title} — invocations: <span id="invocations">0</span></p>
    ${bar}
    <div class="cf-body">${page}${panel}</div>
  </div>
  <style>
    .cf-bar { display: flex; gap: 16px; align-items: center; padding: 8px 16px; font-size: 13px; }
    .cf-bar a { color: inherit; }
    .cf-badge { font-weight: 700; text-transform: uppercase; font-size: 11px; padding: 2px 6px; border-radius: 3px; background: #fff0b3; color: #533f04; }
    .cf-badge--view { background: #deebff; color: #0747a6; }
    .cf-body { display: flex; align-items: flex-start; }
    .cf-page { flex: 1; min-width: 0; padding: 8px 48px 48px; max-width: 760px; }
    .cf-page h1 { font-size: 28px; margin: 8px 0 16px; }
    .frame .cf-page p { border: 0; padding: 0; margin: 0 0 12px; font-size: 15px; }
    .cf-crumbs { font-size: 12px; opacity: .7; }
    .cf-macro { margin: 16px 0; }
    .cf-macro--editing { outline: 1px dashed #8590a2; outline-offset: 4px; border-radius: 3px; }
    .cf .pv-macro-frame { height: 120px; }
    .cf-panel { width: 340px; flex: none; border-left: 1px solid #8590a244; }
    .frame .cf-panel-title { font-weight: 600; border: 0; }
    .cf-panel iframe { height: 74vh; }
  </style>`;
}

/**
 * A Jira dashboard with the gadget in one of its columns, as Jira frames it: the gadget's title bar with
 * its edit action, the frame sized by the gadget (resize messages), and a second gadget beside it.
 */
function dashboardPage(surface: string, frameSrc: string, hostUrl: (over: Record<string, string>) => string, title: string, dark: boolean): string {
  const edit = surface === 'gadget-edit';
  const border = dark ? '#2c333a' : '#dcdfe4';
  return `<div class="frame db">
    <p id="where">${title} — invocations: <span id="invocations">0</span></p>
    <div class="db-head"><h1>IT leadership dashboard</h1></div>
    <div class="db-grid">
      <section class="db-gadget" aria-label="Product vision gadget">
        <div class="db-gadget-bar"><span>Product vision</span>${
          edit ? `<a href="${esc(hostUrl({ surface: 'gadget' }))}">Cancel</a>` : `<a id="edit-gadget" href="${esc(hostUrl({ surface: 'gadget-edit' }))}">Edit</a>`
        }</div>
        <iframe id="surface" class="pv-gadget-frame" title="Product vision gadget" src="${esc(frameSrc)}"></iframe>
      </section>
      <section class="db-gadget" aria-label="Assigned to me">
        <div class="db-gadget-bar"><span>Assigned to me</span></div>
        <p class="db-empty">You have no open work items.</p>
      </section>
    </div>
  </div>
  <style>
    .db-head { padding: 8px 16px; }
    .db-head h1 { font-size: 20px; margin: 4px 0; }
    .db-grid { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; padding: 0 16px 16px; align-items: start; }
    .db-gadget { border: 1px solid ${border}; border-radius: 6px; overflow: hidden; }
    .db-gadget-bar { display: flex; justify-content: space-between; padding: 8px 12px; font-weight: 600; border-bottom: 1px solid ${border}; }
    .db-gadget-bar a { color: inherit; font-weight: 400; }
    .db .pv-gadget-frame { height: 360px; }
    .frame .db-empty { border: 0; padding: 12px; font-size: 14px; }
  </style>`;
}
