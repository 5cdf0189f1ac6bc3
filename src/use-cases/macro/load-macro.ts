/**
 * What a Confluence macro shows, with one invoke and at most 2 Jira calls, whatever the sections:
 *
 * 1. As the viewer: `GET /rest/api/3/mypermissions?projectId=…&permissions=BROWSE_PROJECTS,…`. Only a
 *    viewer who may browse the project goes on (a Jira admin can see every project without browsing it).
 * 2. As the viewer: `GET /rest/api/3/project/{id}?properties=<summary key>,<figures key>`: the data (the
 *    published summary written when an admin published: the vision text of that version; and the current
 *    figures, refreshed after every change of goals, KPI values, iterations or epics' goals). The app's storage is not read at all: the macro works
 *    the same whether or not Forge shares storage between the installation's apps.
 *    Instead, when the viewer may not browse: as the app, `GET /rest/api/3/project/{id}?properties=<open
 *    readers key>,…`, to tell a project that is gone (deleted or archived) from one the viewer may not see,
 *    and to read whether its admins chose to show the published vision to every reader of the page
 *    (open-readers.ts). Only then does data from it reach the viewer: the published summary and the
 *    figures (never a draft, feedback, issue keys or JQL: the properties hold none), with no link into
 *    Jira and no person's name. Read on every load, never cached: switched off, it is off at once.
 */
import { fail, ok, type Result } from '../../contract';
import { MACRO_SECTIONS, type MacroConfig, type MacroView } from '../../contract/macro/macro';
import { FIGURES_PROPERTY, SUMMARY_PROPERTY, versionSummaryProperty, type CurrentFigures, type StoredSummary } from '../../contract/vision/publishing';
import { readFigures, readSummary } from '../../contract/vision/summary-schema';
import { figuresToShow } from '../../domain/vision/current-figures';
import { feedbackOverdue } from '../../domain/post-launch/feedback-cadence';
import { projectPagePath } from '../../domain/shared/jira-links';
import { dayOf, reviewFlags } from '../../domain/vision/vision-review';
import { OPEN_READERS_PROPERTY, readOpenReaders } from '../../contract/macro/open-readers';
import type { ProjectWithProperties } from '../../ports';
import type { MacroCaller, MacroDeps } from './macro-caller';

export const NO_ACCESS_MESSAGE = "You don't have access to this project's vision.";

export async function loadMacro(deps: MacroDeps, caller: MacroCaller): Promise<Result<MacroView>> {
  if (!caller.config.ok) {
    const missing = caller.config.reason === 'missing-config';
    return fail(
      'NOT_CONFIGURED',
      missing
        ? 'This macro has no Jira project yet. Edit the macro to choose the project whose vision it shows.'
        : 'This macro’s settings are not valid. Edit the macro and choose the project and sections again.',
      { details: { reason: caller.config.reason }, fields: caller.config.fields },
    );
  }
  const config = caller.config.config;
  if (!caller.accountId) return fail('UNAUTHENTICATED', 'Log in to see this project’s vision: it is shown only to people who can browse the Jira project.');

  const pinned = config.version === 'latest' ? null : config.version;
  const key = pinned === null ? SUMMARY_PROPERTY : versionSummaryProperty(pinned);
  const label = config.projectKey ?? config.projectName ?? `project ${config.projectId}`;
  const permissions = await deps.jira.projectPermissions(config.projectId);
  let found: ProjectWithProperties | null;
  let open = false;
  if (permissions.canBrowse) {
    // The vision as published (latest or pinned) and the current figures, in the one call.
    found = await deps.jira.projectWithProperties(config.projectId, [key, FIGURES_PROPERTY]);
    if (!found) return fail('NO_ACCESS', NO_ACCESS_MESSAGE);
  } else {
    found = await deps.jira.projectWithPropertiesAsApp(config.projectId, [OPEN_READERS_PROPERTY, key, FIGURES_PROPERTY]);
    if (!found) return projectGone(label);
    if (!readOpenReaders(found.properties[OPEN_READERS_PROPERTY]).enabled) return fail('NO_ACCESS', NO_ACCESS_MESSAGE);
    open = true;
  }
  const { project } = found;
  const value = found.properties[key];
  if (value === undefined) {
    return pinned === null
      ? fail('NOT_FOUND', `The vision of ${project.name} (${project.key}) has not been published yet. A project admin can publish it in Project settings › Product vision.`, {
          details: { reason: 'not-published' },
        })
      : fail('NOT_FOUND', `Version ${pinned} of the vision of ${project.name} (${project.key}) does not exist. Edit the macro to show the latest published version or another one.`, {
          details: { reason: 'version-gone' },
        });
  }
  const summary = readSummary(value);
  if (!summary)
    return fail('NOT_FOUND', `The published vision of ${project.name} (${project.key}) cannot be read. A project admin can publish it again.`, {
      details: { reason: 'unreadable' },
    });

  const current = figuresToShow(readFigures(found.properties[FIGURES_PROPERTY]), summary.publishedAt);
  const picked = pick(summary, config, current);
  return ok({
    project: { id: project.id, key: project.key, name: project.name },
    figuresAsOf: current?.asOf ?? summary.publishedAt,
    // A reader who may not browse the project gets no link into it, and no one's name.
    projectPagePath: open ? '' : projectPagePath(project, deps.app),
    ...(open ? { openToPageReaders: true } : {}),
    sections: orderedSections(config),
    pinned,
    renamedFrom: config.projectKey && config.projectKey !== project.key ? config.projectKey : null,
    summary: open ? { ...picked, publishedBy: { displayName: null } } : picked,
    // When the project last heard from its users: from the figures, no extra Jira call; overdue as of today.
    // Not for a reader who may not browse the project: nothing of its feedback goes outside it.
    ...(open ? {} : { feedback: current?.feedback ? { ...current.feedback, ...feedbackOverdue(current.feedback.newestAt, current.feedback.cadenceDays, dayOf(deps.clock.now())) } : null }),
    review: reviewFlags(
      { reviewCadenceDays: summary.review.cadenceDays, bets: summary.bets.map((b, i) => ({ id: String(i), kind: b.kind, text: b.text, reviewBy: b.reviewBy, ownerAccountId: null })) },
      summary.publishedAt,
      dayOf(deps.clock.now()),
    ),
  });
}

/** The config names a project that no longer exists (deleted or archived), as the app sees. */
const projectGone = (label: string): Result<never> =>
  fail('NOT_FOUND', `The Jira project this macro shows (${label}) no longer exists. Edit the macro to choose another project.`, {
    details: { reason: 'project-gone' },
  });

/** Sections in the app's order, whatever order the config lists them in. */
const orderedSections = (config: MacroConfig) => MACRO_SECTIONS.filter((s) => config.sections.includes(s));

/**
 * Only what the chosen sections show leaves the server. Goals, coverage and the verdict come from the
 * current figures when they are newer than the summary; the vision text always from the summary. People keep the display name a schema 1 summary
 * carried; a schema 2 summary has account ids only, which are not sent (no third Jira call to name them).
 */
function pick(s: StoredSummary, config: MacroConfig, current: CurrentFigures | null): MacroView['summary'] {
  const has = (section: (typeof MACRO_SECTIONS)[number]) => config.sections.includes(section);
  const legacy = s.schema === 1 ? s : null;
  const bets = s.schema === 1 ? s.bets : s.bets.map(({ ownerAccountId: _id, ...b }) => ({ ...b, owner: null }));
  const goals = current
    ? current.goals.map(({ ownerAccountId: _id, ...g }) => ({ ...g, owner: null }))
    : s.schema === 1
      ? s.goals
      : s.goals.map(({ ownerAccountId: _id, ...g }) => ({ ...g, owner: null }));
  return {
    version: s.version,
    publishedAt: s.publishedAt,
    publishedBy: { displayName: legacy?.publishedBy.displayName ?? null },
    changeNote: s.changeNote,
    truncated: s.truncated,
    ...(has('vision') ? { vision: s.vision, bets } : {}),
    ...(has('goals') ? { goals } : {}),
    ...(has('coverage') ? { coverage: current ? current.coverage : s.coverage } : {}),
    ...(has('iteration') ? { latestIteration: current ? current.latestIteration : s.latestIteration } : {}),
  };
}
