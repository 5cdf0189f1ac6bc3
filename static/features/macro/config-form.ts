/**
 * The macro's config screen, without React: pick a Jira project among those the editing user can
 * browse, the sections to show, and "latest published" or a pinned version; save with
 * `view.submit({ config })`. The config is checked with the contract's schema before it is saved,
 * and again by the resolver every time the macro loads.
 */
import {
  MACRO_SECTIONS,
  macroConfigSchema,
  type MacroConfig,
  type MacroProjectChoice,
  type MacroSection,
  type MacroVersionChoice,
} from '../../../src/contract/macro/macro';
import type { AppError } from '../../../src/contract/shared/result';
import { toFieldIssues } from '../../../src/contract/shared/schemas';
import { call } from '../../shared/bridge';
import { h } from '../../shared/dom';
import { formatDate, macroSectionLabel } from '../../shared/format';
import { t } from '../../shared/i18n';
import { closeConfig, submitConfig } from '../../shared/macro-bridge';

const DEFAULT_SECTIONS: MacroSection[] = ['vision', 'goals'];

interface State {
  projects: MacroProjectChoice[];
  nextStartAt: number | null;
  query: string;
  projectId: string;
  sections: Set<MacroSection>;
  pinned: boolean;
  version: number | null;
  versions: MacroVersionChoice[] | null;
}

export function configForm(saved: unknown): HTMLElement {
  const previous = macroConfigSchema.safeParse(saved);
  const prior: MacroConfig | null = previous.success ? (previous.data as MacroConfig) : null;
  const hadJunk = saved !== undefined && saved !== null && !(typeof saved === 'object' && Object.keys(saved as object).length === 0) && !previous.success;
  const state: State = {
    projects: [],
    nextStartAt: null,
    query: '',
    projectId: prior?.projectId ?? '',
    sections: new Set(prior?.sections ?? DEFAULT_SECTIONS),
    pinned: typeof prior?.version === 'number',
    version: typeof prior?.version === 'number' ? prior.version : null,
    versions: null,
  };

  const projectError = h('div', { class: 'pv-error', attrs: { id: 'pv-c-project-err', hidden: true } });
  const sectionsError = h('div', { class: 'pv-error', attrs: { id: 'pv-c-sections-err', hidden: true } });
  const versionError = h('div', { class: 'pv-error', attrs: { id: 'pv-c-version-err', hidden: true } });
  const status = h('p', { class: 'pv-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const banner = h('div', { class: 'pv-c-banner' });

  const search = h('input', {
    class: 'pv-input',
    attrs: { id: 'pv-c-search', type: 'search', placeholder: t('Name or key'), autocomplete: 'off' },
  });
  const projectSelect = h('select', { class: 'pv-input pv-c-projects', attrs: { id: 'pv-c-project', size: 6, 'aria-describedby': 'pv-c-project-err' } });
  const more = h('button', { class: 'pv-btn pv-btn--small pv-btn--subtle', attrs: { type: 'button', hidden: true } }, t('Show more projects'));

  const latest = h('input', { attrs: { type: 'radio', name: 'version', id: 'pv-c-latest', value: 'latest' } });
  const pin = h('input', { attrs: { type: 'radio', name: 'version', id: 'pv-c-pin', value: 'pinned' } });
  const versionSelect = h('select', { class: 'pv-input', attrs: { id: 'pv-c-version', 'aria-label': t('Version to show'), 'aria-describedby': 'pv-c-version-err' } });
  const versionNote = h('p', { class: 'pv-small pv-subtlest' });

  const showError = (el: HTMLElement, message: string | null) => {
    el.textContent = message ?? '';
    el.hidden = !message;
  };

  const showBanner = (error: AppError | null, title?: string) => {
    banner.replaceChildren(
      ...(error ? [h('section', { class: 'pv-msg pv-msg--error', attrs: { role: 'alert' } }, h('h3', { text: title ?? t('Something went wrong') }), h('p', { text: error.message }))] : []),
    );
  };

  function renderProjects() {
    const options = [...state.projects];
    // Keep the saved project selectable even when it is not in the list (another page, or hidden from you now).
    if (state.projectId && !options.some((p) => p.id === state.projectId))
      options.unshift({ id: state.projectId, key: prior?.projectKey ?? '', name: prior?.projectName ?? t('Project {id}', { id: state.projectId }) });
    projectSelect.replaceChildren(
      ...options.map((p) => h('option', { attrs: { value: p.id, selected: p.id === state.projectId }, text: p.key ? `${p.name} (${p.key})` : p.name })),
    );
    if (options.length === 0) projectSelect.appendChild(h('option', { attrs: { value: '', disabled: true }, text: state.query ? t('No project matches.') : t('You cannot browse any Jira project.') }));
    more.hidden = state.nextStartAt === null;
  }

  function renderVersions() {
    latest.checked = !state.pinned;
    pin.checked = state.pinned;
    const list = state.versions ?? [];
    const options = list.map((v) => h('option', { attrs: { value: v.version, selected: v.version === state.version }, text: t('Version {version} · {slice}{value}', { version: v.version, slice: formatDate(v.publishedAt.slice(0, 10)), value: v.changeNote ? ` · ${v.changeNote}` : '' }) }));
    if (state.version !== null && !list.some((v) => v.version === state.version))
      options.unshift(h('option', { attrs: { value: state.version, selected: true }, text: t('Version {version} (not found)', { version: state.version }) }));
    versionSelect.replaceChildren(...options);
    versionSelect.disabled = !state.pinned || options.length === 0;
    versionNote.textContent = !state.projectId
      ? t('Choose a project to see its published versions.')
      : state.versions === null
        ? t('Loading the published versions…')
        : list.length === 0
          ? t('This project’s vision is not published yet; the macro will show it once a project admin publishes it.')
          : t('Latest published: version {version}.', { version: list[0]!.version });
  }

  let projectsRequest = 0;
  async function loadProjects(append: boolean) {
    const id = ++projectsRequest;
    const res = await call('macro/projects', { query: state.query || undefined, startAt: append ? (state.nextStartAt ?? 0) : 0 });
    if (id !== projectsRequest) return;
    if (!res.ok) {
      showBanner(res.error, res.error.code === 'JIRA_NOT_CONNECTED' ? t('Jira is not connected') : t('The projects could not be loaded'));
      return;
    }
    state.projects = append ? [...state.projects, ...res.data.projects] : res.data.projects;
    state.nextStartAt = res.data.nextStartAt;
    renderProjects();
  }

  let versionsRequest = 0;
  async function loadVersions() {
    const id = ++versionsRequest;
    state.versions = null;
    renderVersions();
    if (!state.projectId) return;
    const res = await call('macro/versions', { projectId: state.projectId });
    if (id !== versionsRequest) return;
    state.versions = res.ok ? res.data.versions : [];
    if (!res.ok) showError(versionError, res.error.message);
    if (state.pinned && state.version === null) state.version = state.versions[0]?.version ?? null;
    renderVersions();
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.query = search.value.trim().slice(0, 80);
      void loadProjects(false);
    }, 250);
  });
  more.addEventListener('click', () => void loadProjects(true));
  projectSelect.addEventListener('change', () => {
    state.projectId = projectSelect.value;
    state.version = null;
    showError(projectError, null);
    showError(versionError, null);
    void loadVersions();
  });
  latest.addEventListener('change', () => {
    state.pinned = false;
    renderVersions();
  });
  pin.addEventListener('change', () => {
    state.pinned = true;
    if (state.version === null) state.version = state.versions?.[0]?.version ?? null;
    renderVersions();
  });
  versionSelect.addEventListener('change', () => {
    state.version = Number(versionSelect.value);
  });

  const sectionBoxes = MACRO_SECTIONS.map((section) => {
    const box = h('input', { attrs: { type: 'checkbox', id: `pv-c-s-${section}`, value: section, checked: state.sections.has(section), 'aria-describedby': 'pv-c-sections-err' } });
    box.addEventListener('change', () => {
      if (box.checked) state.sections.add(section);
      else state.sections.delete(section);
      showError(sectionsError, null);
    });
    return h('div', { class: 'pv-c-check' }, box, h('label', { attrs: { for: `pv-c-s-${section}` }, text: macroSectionLabel(section) }));
  });

  let saving = false;
  async function save(event: Event) {
    event.preventDefault();
    if (saving) return;
    const chosen = state.projects.find((p) => p.id === state.projectId);
    const config: Record<string, unknown> = {
      projectId: state.projectId,
      ...(chosen ? { projectKey: chosen.key, projectName: chosen.name } : prior?.projectId === state.projectId && prior.projectKey ? { projectKey: prior.projectKey, projectName: prior.projectName } : {}),
      sections: MACRO_SECTIONS.filter((s) => state.sections.has(s)),
      version: state.pinned ? (state.version ?? 0) : 'latest',
    };
    const checked = macroConfigSchema.safeParse(config);
    showError(projectError, null);
    showError(sectionsError, null);
    showError(versionError, null);
    if (!state.projectId) showError(projectError, t('Choose the Jira project whose vision the macro shows.'));
    if (!checked.success) {
      for (const issue of toFieldIssues(checked.error.issues)) {
        if (issue.path.startsWith('sections')) showError(sectionsError, issue.message);
        else if (issue.path.startsWith('version')) showError(versionError, state.pinned ? t('Choose a published version, or show the latest one.') : issue.message);
        else if (state.projectId) showError(projectError, issue.message);
      }
      // Announce what stands in the way (the status line is a live region) and take focus to the first field concerned.
      const shown = [projectError, sectionsError, versionError].filter((e) => !e.hidden);
      status.textContent = shown.map((e) => e.textContent).join(' ');
      const first = !projectError.hidden ? projectSelect : !sectionsError.hidden ? form.querySelector<HTMLInputElement>('.pv-c-check input[type="checkbox"]') : versionSelect;
      first?.focus();
      return;
    }
    saving = true;
    status.textContent = 'Saving…';
    const done = await submitConfig(checked.data as Record<string, unknown>);
    saving = false;
    status.textContent = done ? '✓ Saved' : '';
    if (!done) showBanner({ code: 'INTERNAL', message: t('Confluence did not take the settings. Try again.') }, t('The settings were not saved'));
  }

  const form = h(
    'form',
    { class: 'pv-form pv-c-form', attrs: { novalidate: true, 'aria-label': t('Product vision macro settings') }, on: { submit: (e) => void save(e) } },
    banner,
    hadJunk ? h('section', { class: 'pv-msg pv-msg--warning', attrs: { role: 'status' } }, h('p', { text: t('The saved settings were not valid. Choose the project and sections again.') })) : null,
    h(
      'fieldset',
      { class: 'pv-c-fieldset' },
      h('legend', { class: 'pv-label', text: t('Jira project') }),
      h('label', { class: 'pv-small pv-muted', attrs: { for: 'pv-c-search' }, text: t('Find a project you can browse') }),
      search,
      h('label', { class: 'pv-sr-only', attrs: { for: 'pv-c-project' }, text: t('Jira project') }),
      projectSelect,
      more,
      projectError,
    ),
    h('fieldset', { class: 'pv-c-fieldset' }, h('legend', { class: 'pv-label', text: t('Show') }), ...sectionBoxes, sectionsError),
    h(
      'fieldset',
      { class: 'pv-c-fieldset' },
      h('legend', { class: 'pv-label', text: t('Version') }),
      h('div', { class: 'pv-c-check' }, latest, h('label', { attrs: { for: 'pv-c-latest' }, text: t('Latest published (follows new versions)') })),
      h('div', { class: 'pv-c-check' }, pin, h('label', { attrs: { for: 'pv-c-pin' }, text: t('A specific version') })),
      versionSelect,
      versionNote,
      versionError,
    ),
    h(
      'div',
      { class: 'pv-form-foot' },
      h('button', { class: 'pv-btn pv-btn--primary', attrs: { type: 'submit' } }, t('Save')),
      h('button', { class: 'pv-btn pv-btn--subtle', attrs: { type: 'button' }, on: { click: () => void closeConfig() } }, t('Cancel')),
      status,
    ),
  );

  renderProjects();
  renderVersions();
  void loadProjects(false);
  void loadVersions();

  return h(
    'main',
    { class: 'pv-page pv-c-page' },
    h('header', { class: 'pv-header' }, h('h1', { text: t('Product vision macro') }), h('p', { class: 'pv-muted', text: t('Shows a Jira project’s published vision on this page. Readers see it only if they can browse that project in Jira, unless its admins chose to show it to everyone who can view the page.') })),
    form,
  );
}
