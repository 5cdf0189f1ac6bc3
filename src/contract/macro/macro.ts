/**
 * The Confluence macro: its configuration (saved by the config screen with `view.submit({ config })`,
 * read back from `context.extension.config`, so untrusted), the payloads of its resolver keys and
 * what they answer.
 */
import * as z from 'zod/mini';
import { openReadersSchema, setOpenReadersSchema, type OpenReaders } from './open-readers';
import type { PublishedSummary, ReviewFlags, SummaryBet, SummaryGoal } from '../vision/publishing';

export const MACRO_SECTIONS = ['vision', 'goals', 'coverage', 'iteration'] as const;
export type MacroSection = (typeof MACRO_SECTIONS)[number];

export const MACRO_SECTION_LABEL: Record<MacroSection, string> = {
  vision: 'Vision',
  goals: 'Goals and KPIs with their status',
  coverage: 'Alignment coverage',
  iteration: 'Latest iteration verdict',
};

/**
 * A macro's settings. Forge keeps them as JSON without `null` or nested arrays, so "latest" is a
 * string and a pinned version a number.
 */
export interface MacroConfig {
  projectId: string;
  /** For messages only (the project may have been renamed since); Jira's answer wins. */
  projectKey?: string;
  projectName?: string;
  sections: MacroSection[];
  version: 'latest' | number;
}

/**
 * The config as stored. Unknown keys are ignored (a newer config screen may add some); known keys
 * must be right, or the macro says what is wrong instead of guessing.
 */
export const macroConfigSchema = z.object({
  projectId: z.string({ error: 'Choose a Jira project.' }).check(z.regex(/^\d{1,18}$/, 'The project id is not valid.')),
  projectKey: z.optional(z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'The project key is not valid.'))),
  projectName: z.optional(z.string().check(z.maxLength(255, 'The project name is too long.'))),
  sections: z
    .array(z.enum(MACRO_SECTIONS, { error: 'Unknown section.' }), { error: 'Sections must be a list.' })
    .check(
      z.minLength(1, 'Choose at least one section.'),
      z.maxLength(MACRO_SECTIONS.length, 'Too many sections.'),
      z.refine((s) => new Set(s).size === s.length, 'A section is listed twice.'),
    ),
  version: z.union(
    [
      z.literal('latest'),
      z.int().check(z.minimum(1, 'Version must be 1 or more.'), z.maximum(1_000_000, 'No such version.')),
    ],
    { error: 'Version must be "latest" or a version number.' },
  ),
});

export const macroLoadSchema = z.strictObject({});

export const macroProjectsSchema = z.strictObject({
  query: z.optional(z.string().check(z.trim(), z.maxLength(80, 'Search text can be at most 80 characters.'))),
  startAt: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
});

export const macroVersionsSchema = z.strictObject({
  projectId: z.string({ error: 'Must be a project id.' }).check(z.regex(/^\d{1,18}$/, 'Not a valid project id.')),
});

/**
 * People in the macro: a display name only where the stored summary carried one (summaries written before
 * schema 2). Newer summaries hold account ids, and resolving them would cost a third Jira call per load,
 * so the macro shows no names for them; account ids are not sent to the page either.
 */
export type MacroBet = Omit<SummaryBet, 'ownerAccountId'> & { owner: string | null };
export type MacroGoal = Omit<SummaryGoal, 'ownerAccountId'> & { owner: string | null };

/** What the macro shows: the chosen sections of a published summary, as the viewer may see it. */
export interface MacroView {
  project: { id: string; key: string; name: string };
  /** Path of the project's Product vision page in Jira, relative to the site URL. */
  projectPagePath: string;
  sections: MacroSection[];
  /** The pinned version, or null for "latest published". */
  pinned: number | null;
  /** The config named another key: the project was renamed (or moved) since. */
  renamedFrom: string | null;
  /** Only the chosen sections' data is sent: the rest is left out. */
  summary: Pick<PublishedSummary, 'version' | 'publishedAt' | 'changeNote' | 'truncated'> & { publishedBy: { displayName: string | null } } & Partial<
      Pick<PublishedSummary, 'vision' | 'coverage' | 'latestIteration'> & { bets: MacroBet[]; goals: MacroGoal[] }
    >;
  review: ReviewFlags;
  /** When the goals, KPI values, coverage and verdict shown were read (the vision text is the published version's). */
  figuresAsOf?: string;
  /**
   * Shown to a reader who may not browse the project, because its admins chose so (open-readers.ts):
   * no link into Jira then (`projectPagePath` is ''), and no person's name.
   */
  openToPageReaders?: boolean;
  /** When the project last heard from its users, from the current figures (absent before they carry it). */
  feedback?: MacroFeedbackFlag | null;
}

/** The newest feedback's instant, the cadence, and whether it is overdue today. */
export interface MacroFeedbackFlag {
  newestAt: string | null;
  cadenceDays: number;
  overdue: boolean;
  daysSince: number | null;
}

export interface MacroProjectChoice {
  id: string;
  key: string;
  name: string;
}

export interface MacroProjectsPage {
  projects: MacroProjectChoice[];
  nextStartAt: number | null;
}

export interface MacroVersionChoice {
  version: number;
  publishedAt: string;
  changeNote: string;
}

export interface MacroVersions {
  /** Newest first; empty when the project's vision has not been published yet. */
  versions: MacroVersionChoice[];
  latest: number | null;
}

/** Why a macro shows a message instead of a vision, in `error.details.reason` (with NOT_FOUND / NOT_CONFIGURED). */
export type MacroProblem = 'missing-config' | 'invalid-config' | 'project-gone' | 'not-published' | 'version-gone' | 'unreadable';

/* ---------- resolver keys (answered by the macro resolver, `macro-resolver` in manifest.yml) ---------- */

export interface MacroApi {
  'macro/load': { payload: z.infer<typeof macroLoadSchema>; result: MacroView };
  'macro/projects': { payload: z.infer<typeof macroProjectsSchema>; result: MacroProjectsPage };
  'macro/versions': { payload: z.infer<typeof macroVersionsSchema>; result: MacroVersions };
}

export const MACRO_KEYS = ['macro/load', 'macro/projects', 'macro/versions'] as const satisfies ReadonlyArray<keyof MacroApi>;

/* ---------- the settings page's "What Confluence readers see" (answered by the Jira resolver) ---------- */

/** No fields: the project is the settings page's own (from the context), shown with every section, latest version. */
export const readerViewSchema = z.strictObject({});

export interface ReaderViewApi {
  'vision/reader-view': { payload: z.infer<typeof readerViewSchema>; result: MacroView };
  /** Project admins: is the published vision shown to page readers who may not browse the project? */
  'vision/open-readers': { payload: z.infer<typeof openReadersSchema>; result: OpenReaders };
  'vision/set-open-readers': { payload: z.infer<typeof setOpenReadersSchema>; result: OpenReaders };
}

export const READER_VIEW_KEYS = ['vision/reader-view', 'vision/open-readers', 'vision/set-open-readers'] as const satisfies ReadonlyArray<keyof ReaderViewApi>;
