/**
 * The Confluence macro's content, built without React: the chosen sections of the published vision,
 * or a clear message in its place. Every text goes in as text (never as HTML).
 */
import { type MacroGoal, type MacroView } from '../../../src/contract/macro/macro';
import { type SummaryKpi } from '../../../src/contract/vision/publishing';
import type { AppError } from '../../../src/contract/shared/result';
import { kpiStalledSince } from '../../../src/domain/post-launch/kpi-staleness';
import { levelPlural } from '../../shared/level-words';
import { h, icon, ICONS, type Child } from '../../shared/dom';
import { formatDate, formatDateTime, formatPercent, quoted, withUnit, kpiStatusLabel, betKindLabel, statusLabel, macroSectionLabel } from '../../shared/format';
import { t } from '../../shared/i18n';
import { highlightName, highlightVerdict } from '../../shared/iteration-label';

export interface ViewOptions {
  /** Absolute URL of the project page in Jira ('' when unknown). */
  pageUrl: string;
  isEditing: boolean;
  open: (url: string) => void;
}

const FACTS = () => [
  ['targetUsers', t('Target users')],
  ['problem', t('Problem')],
  ['valueProposition', t('Value proposition')],
  ['horizon', t('Horizon')],
] as const;

const percent = (share: number | null) => (share === null ? '–' : formatPercent(Math.round(share * 100)));

function jiraLink(label: string, o: ViewOptions): Child {
  if (!o.pageUrl) return null;
  return h(
    'a',
    {
      class: 'pv-m-link',
      attrs: { href: o.pageUrl, target: '_blank', rel: 'noopener noreferrer' },
      on: {
        click: (e) => {
          // A Forge frame cannot navigate by itself: the host opens the page.
          e.preventDefault();
          o.open(o.pageUrl);
        },
      },
    },
    label,
    icon(ICONS.open, 14, 'pv-m-link-icon'),
  );
}

function reviewBanner(view: MacroView): Child {
  const r = view.review;
  if (!r.flagged) return null;
  const items: Child[] = [];
  if (r.overdue) items.push(h('li', {}, t('The vision was due for review on {dueOn} (every {cadenceDays} days).', { dueOn: formatDate(r.dueOn), cadenceDays: r.cadenceDays })));
  for (const b of r.overdueBets) items.push(h('li', {}, t('{kind} past its review date ({reviewBy}): {text}', { kind: betKindLabel(b.kind), reviewBy: formatDate(b.reviewBy), text: b.text })));
  return h(
    'section',
    { class: 'pv-msg pv-msg--warning pv-m-review', attrs: { role: 'status', 'aria-label': t('Due for review') } },
    h('h3', {}, t('Due for review')),
    h('ul', {}, ...items),
  );
}

/** "When did we last hear from users?": a warning past the project's cadence (from the figures, no extra call). */
function feedbackFlag(view: MacroView): Child {
  const f = view.feedback;
  if (!f?.overdue) return null;
  const text =
    f.daysSince === null
      ? t('No user feedback yet — cadence is {n} days', { n: f.cadenceDays })
      : t('No user feedback for {days} days — cadence is {n} days', { days: f.daysSince, n: f.cadenceDays });
  return h('p', { class: 'pv-msg pv-msg--warning pv-m-feedback', attrs: { role: 'status' }, text });
}

function visionSection(view: MacroView): Child {
  const s = view.summary;
  if (!s.vision) return null;
  const facts = FACTS().filter(([k]) => s.vision![k].trim() !== '');
  return h(
    'section',
    { class: 'pv-m-section', attrs: { 'aria-label': macroSectionLabel('vision') } },
    h('div', { class: 'pv-hero pv-m-hero' }, h('p', { class: 'pv-m-eyebrow', text: t('Vision') }), h('p', { class: 'pv-statement pv-m-statement', text: s.vision.statement })),
    facts.length
      ? h('dl', { class: 'pv-facts pv-m-facts' }, ...facts.map(([k, label]) => h('div', { class: 'pv-fact' }, h('dt', { text: label }), h('dd', { text: s.vision![k] }))))
      : null,
    s.bets && s.bets.length
      ? h(
          'div',
          { class: 'pv-m-bets' },
          h('h3', { text: t('What it bets on') }),
          h(
            'ul',
            { class: 'pv-m-list' },
            ...s.bets.map((b) =>
              h(
                'li',
                {},
                h('span', { class: `pv-lozenge pv-m-bet pv-m-bet--${b.kind}`, text: betKindLabel(b.kind) }),
                h('span', { class: 'pv-m-bet-text', text: b.text }),
                h('span', { class: 'pv-small pv-subtlest', text: t('Review by {reviewBy}{value}', { reviewBy: formatDate(b.reviewBy), value: b.owner ? ` · ${b.owner}` : '' }) }),
              ),
            ),
          ),
        )
      : null,
  );
}

function kpiValues(k: SummaryKpi): string {
  return k.direction === 'band'
    ? `${withUnit(k.bandLow, k.unit)} – ${withUnit(k.bandHigh, k.unit)}`
    : `${withUnit(k.baseline, k.unit)} → ${withUnit(k.target, k.unit)}`;
}

/** "Tracking stalled since …" for a KPI not measured for longer than the vision's review cadence. */
function kpiStalled(k: SummaryKpi, cadenceDays: number): Child {
  const since = kpiStalledSince(k.current?.at, new Date().toISOString().slice(0, 10), cadenceDays);
  return since ? h('span', { class: 'pv-m-stalled', text: t('Tracking stalled since {since}', { since: formatDate(since) }) }) : null;
}

function goal(g: MacroGoal, cadenceDays: number): HTMLElement {
  const meta = [g.owner ? t('Owner {owner}', { owner: g.owner }) : null, g.targetDate ? t('Target date {date}', { date: formatDate(g.targetDate) }) : null].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: `pv-m-goal${g.status === 'dropped' ? ' pv-m-goal--dropped' : ''}` },
    h(
      'div',
      { class: 'pv-m-goal-head' },
      h('h4', { class: 'pv-m-goal-title', text: g.title }),
      h('span', { class: `pv-lozenge pv-lozenge--${g.status}`, text: statusLabel(g.status) }),
    ),
    meta ? h('p', { class: 'pv-small pv-muted', text: meta }) : null,
    g.kpis.length
      ? h(
          'ul',
          { class: 'pv-m-kpis', attrs: { 'aria-label': t('KPIs of {title}', { title: g.title }) } },
          ...g.kpis.map((k) =>
            h(
              'li',
              { class: 'pv-m-kpi' },
              h('span', { class: 'pv-m-kpi-name', text: k.name }),
              h('span', { class: 'pv-m-kpi-values', text: `${kpiValues(k)}${k.current ? t(' · now {value}', { value: withUnit(k.current.value, k.unit) }) : ''}` }),
              h('span', { class: `pv-m-status pv-m-status--${k.status}`, text: kpiStatusLabel(k.status) }),
              kpiStalled(k, cadenceDays),
            ),
          ),
        )
      : h('p', { class: 'pv-small pv-subtlest', text: t('No KPIs yet.') }),
  );
}

function goalsSection(view: MacroView): Child {
  const goals = view.summary.goals;
  if (!goals) return null;
  return h(
    'section',
    { class: 'pv-m-section', attrs: { 'aria-labelledby': 'pv-m-goals' } },
    h('h3', { attrs: { id: 'pv-m-goals' }, text: t('Business goals') }),
    goals.length ? h('ul', { class: 'pv-m-goals' }, ...goals.map((g) => goal(g, view.review.cadenceDays))) : h('p', { class: 'pv-muted', text: t('No business goals yet.') }),
  );
}

function coverageSection(view: MacroView): Child {
  const c = view.summary.coverage;
  const body = c
    ? h(
        'div',
        { class: 'pv-m-figure' },
        h('span', { class: 'pv-m-big', text: percent(c.coverage) }),
        h('span', {}, c.epics === 0 ? t('No {epicName} yet.', { epicName: levelPlural(c.epicName) }) : t('of {epicName} serve a business goal — {aligned} of {epics}', { epicName: levelPlural(c.epicName), aligned: c.aligned, epics: c.epics })),
        c.coverage !== null
          ? h('span', { class: 'pv-m-meter', attrs: { role: 'img', 'aria-label': t('{percent} aligned', { percent: percent(c.coverage) }) } }, h('span', { class: `pv-m-meter-fill pv-m-meter-fill--${Math.round(c.coverage * 10)}` }))
          : null,
        c.asOf ? h('span', { class: 'pv-small pv-subtlest', text: t('As of {asOf}', { asOf: formatDateTime(c.asOf) }) }) : null,
      )
    : h('p', { class: 'pv-muted', text: t('Not measured yet.') });
  return h('section', { class: 'pv-m-section', attrs: { 'aria-labelledby': 'pv-m-coverage' } }, h('h3', { attrs: { id: 'pv-m-coverage' }, text: macroSectionLabel('coverage') }), body);
}

function iterationSection(view: MacroView): Child {
  const it = view.summary.latestIteration;
  const body = it
    ? h(
        'div',
        { class: 'pv-m-iteration' },
        h('div', { class: 'pv-m-goal-head' }, h('h4', { text: highlightName(it.name) }), h('span', { class: `pv-m-status pv-m-tone--${it.tone}`, text: highlightVerdict(it.verdict) })),
        it.summary ? h('p', { class: 'pv-prewrap', text: it.summary }) : null,
        it.at ? h('p', { class: 'pv-small pv-subtlest', text: formatDate(it.at.slice(0, 10)) }) : null,
        it.stalledSince ? h('p', { class: 'pv-m-stalled', text: t('Tracking stalled since {stalledSince}', { stalledSince: formatDate(it.stalledSince) }) }) : null,
      )
    : h('p', { class: 'pv-muted', text: t('No iteration has a verdict yet.') });
  return h('section', { class: 'pv-m-section', attrs: { 'aria-labelledby': 'pv-m-iteration' } }, h('h3', { attrs: { id: 'pv-m-iteration' }, text: macroSectionLabel('iteration') }), body);
}

export function renderView(view: MacroView, o: ViewOptions): HTMLElement {
  const s = view.summary;
  const sections: Record<string, (v: MacroView) => Child> = { vision: visionSection, goals: goalsSection, coverage: coverageSection, iteration: iterationSection };
  // The vision text is the published version's; the figures are as current as their refresh.
  const footer = [
    view.pinned !== null ? t('Vision version {version} (pinned)', { version: s.version }) : t('Vision version {version}', { version: s.version }),
    s.publishedBy.displayName ? t('published {date} by {name}', { date: formatDateTime(s.publishedAt), name: s.publishedBy.displayName }) : t('published {date}', { date: formatDateTime(s.publishedAt) }),
    s.changeNote ? quoted(s.changeNote) : null,
    t('figures as of {formatDateTime}', { formatDateTime: formatDateTime(view.figuresAsOf ?? s.publishedAt) }),
    view.feedback?.newestAt && !view.feedback.overdue ? t('last user feedback {date}', { date: formatDate(view.feedback.newestAt) }) : null,
  ].filter(Boolean);
  return h(
    'main',
    { class: 'pv-macro', attrs: { 'aria-label': t('Product vision of {name}', { name: view.project.name }) } },
    h(
      'header',
      { class: 'pv-m-head' },
      h('div', {}, h('p', { class: 'pv-m-eyebrow', text: t('Product vision') }), h('h2', { class: 'pv-m-title', text: `${view.project.name} (${view.project.key})` })),
      jiraLink(t('Open in Jira'), o),
    ),
    view.openToPageReaders
      ? h('p', { class: 'pv-small pv-subtlest', text: t('Shared with everyone who can view this page by the project’s admins; the Jira project itself is not open to you.') })
      : null,
    view.renamedFrom ? h('p', { class: 'pv-small pv-subtlest', text: t('This project was called {renamedFrom} when the macro was set up.', { renamedFrom: view.renamedFrom }) }) : null,
    reviewBanner(view),
    feedbackFlag(view),
    ...view.sections.map((name) => sections[name]?.(view) ?? null),
    s.truncated ? h('p', { class: 'pv-small pv-subtlest', text: t('Some long texts are shortened here; the full vision is in Jira.') }) : null,
    h('footer', { class: 'pv-m-foot pv-small pv-subtlest' }, footer.join(' · ')),
  );
}

const TITLES = (): Partial<Record<string, string>> => ({
  NO_ACCESS: t("You don't have access to this project's vision"),
  UNAUTHENTICATED: t('Log in to see this vision'),
  JIRA_NOT_CONNECTED: t('Jira is not connected'),
  JIRA_UNAVAILABLE: t('Jira is not answering right now'),
  INTERNAL: t('Something went wrong'),
  VALIDATION_FAILED: t('Something went wrong'),
});

const REASON_TITLES = (): Record<string, string> => ({
  'missing-config': t('Choose a Jira project'),
  'invalid-config': t('The macro’s settings are not valid'),
  'project-gone': t('The Jira project is gone'),
  'version-gone': t('That version does not exist'),
  'not-published': t('Not published yet'),
  unreadable: t('The published vision cannot be read'),
});

const reasonOf = (e: AppError) => {
  const r = (e.details as { reason?: unknown } | undefined)?.reason;
  return typeof r === 'string' ? r : null;
};

/** A message in the macro's place. Retry where sending again can help. */
export function renderError(error: AppError, o: ViewOptions & { onRetry: () => void }): HTMLElement {
  const reason = reasonOf(error);
  const title = (reason && REASON_TITLES()[reason]) ?? TITLES()[error.code] ?? t('The vision cannot be shown');
  const kind = error.code === 'NO_ACCESS' ? 'lock' : error.code === 'JIRA_NOT_CONNECTED' ? 'plug' : error.code === 'NOT_CONFIGURED' ? 'settings' : 'warning';
  // The message, unless it only repeats the title.
  const same = error.message.replace(/\.$/, '') === title;
  const lines: Child[] = same ? [] : [h('p', { class: 'pv-muted', text: error.message })];
  if (error.code === 'NO_ACCESS')
    lines.push(h('p', { class: 'pv-small pv-subtlest', text: t('Only people who can browse the Jira project see its vision. Ask a project admin for access.') }));
  if (error.code === 'NOT_CONFIGURED' && o.isEditing)
    lines.push(h('p', { class: 'pv-small pv-subtlest', text: t('Select the macro and open its settings to choose a project.') }));
  if (error.fields?.length && reason === 'invalid-config')
    lines.push(h('ul', { class: 'pv-small pv-subtlest pv-m-issues' }, ...error.fields.map((f) => h('li', { text: f.path ? `${f.path}: ${f.message}` : f.message }))));
  const retry = ['JIRA_UNAVAILABLE', 'INTERNAL'].includes(error.code);
  return h(
    'main',
    { class: 'pv-macro pv-m-state', attrs: { role: 'alert' } },
    icon(ICONS[kind], 28, 'pv-state-icon pv-m-state-icon'),
    h('div', { class: 'pv-m-state-body' }, h('h2', { class: 'pv-m-state-title', text: title }), ...lines, retry ? h('button', { class: 'pv-btn pv-btn--small', attrs: { type: 'button' }, on: { click: o.onRetry } }, t('Try again')) : null),
  );
}

export function renderLoading(): HTMLElement {
  return h('main', { class: 'pv-macro pv-m-loading', attrs: { role: 'status', 'aria-live': 'polite' } }, h('span', { class: 'pv-m-spinner', attrs: { 'aria-hidden': 'true' } }), t('Loading the product vision…'));
}
