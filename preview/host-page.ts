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
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function hostPage(choice: HostChoice, users: Array<{ id: string; label: string }>, projects: Array<{ key: string; name: string }>): string {
  const option = (value: string, label: string, selected: string) =>
    `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`;
  const surfaceOptions = Object.entries(SURFACES).map(([k, s]) => option(k, s.title, choice.surface)).join('');
  const userOptions = users.map((u) => option(u.id, u.label, choice.user)).join('');
  const projectOptions = projects.map((p) => option(p.key, `${p.name} (${p.key})`, choice.project)).join('');
  const frameSrc = `/surface/${encodeURIComponent(choice.surface)}/?user=${encodeURIComponent(choice.user)}&project=${encodeURIComponent(choice.project)}&theme=${choice.theme}`;
  const dark = choice.theme === 'dark';
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
</style></head>
<body>
<header>
  <strong>Product Vision for Jira · local preview</strong>
  <form id="choice" method="get" action="/" style="display:contents">
    <label>Surface <select name="surface" aria-label="Surface">${surfaceOptions}</select></label>
    <label>Signed in as <select name="user" aria-label="Demo user">${userOptions}</select></label>
    <label>Project <select name="project" aria-label="Project">${projectOptions}</select></label>
    <label>Theme <select name="theme" aria-label="Theme">${option('light', 'Light', choice.theme)}${option('dark', 'Dark', choice.theme)}</select></label>
  </form>
</header>
<main>
  <div class="frame">
    <p id="where">${esc(SURFACES[choice.surface as keyof typeof SURFACES]?.title ?? '')} — invocations: <span id="invocations">0</span></p>
    <iframe id="surface" title="App surface" src="${esc(frameSrc)}"></iframe>
  </div>
</main>
<script>
  document.querySelectorAll('#choice select').forEach(function (s) { s.addEventListener('change', function () { document.getElementById('choice').submit(); }); });
  window.addEventListener('message', function (e) {
    if (!e.data || e.data.source !== 'forge-preview') return;
    if (e.data.type === 'invoke') document.getElementById('invocations').textContent = String(e.data.count);
  });
</script>
</body></html>`;
}
