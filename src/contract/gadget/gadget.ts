/**
 * The Jira dashboard gadget: its configuration (saved by its edit view with `view.submit`, read back from
 * `context.extension.gadgetConfiguration`: written by whoever edits the dashboard, so untrusted), the
 * payloads of its resolver keys and what they answer.
 */
import * as z from 'zod/mini';
import type { CoverageHighlight, IterationHighlight } from '../vision/publishing';

/** The gadget's settings as Jira keeps them. The key and name are for display; access is checked by id. */
export interface GadgetConfig {
  projectId: string;
  projectKey: string;
  projectName?: string;
}

export const gadgetConfigSchema = z.object({
  projectId: z.string({ error: 'Choose a Jira project.' }).check(z.regex(/^\d{1,18}$/, 'The project id is not valid.')),
  projectKey: z.string({ error: 'Choose a Jira project.' }).check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'The project key is not valid.')),
  projectName: z.optional(z.string().check(z.maxLength(255, 'The project name is too long.'))),
});

export const gadgetLoadSchema = z.strictObject({});

export const gadgetProjectsSchema = z.strictObject({
  query: z.optional(z.string().check(z.trim(), z.maxLength(80, 'Search text can be at most 80 characters.'))),
  startAt: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
});

export interface GadgetKpiTally {
  total: number;
  onTrack: number;
  achieved: number;
  offTrack: number;
  noData: number;
}

/** What the gadget shows for its project, as the viewer may see it. */
export interface GadgetView {
  project: { id: string; key: string };
  /** Path of the project's Product vision page in Jira, relative to the site URL. */
  projectPagePath: string;
  /** The published vision's statement and version; null before the first publish. */
  vision: { statement: string; version: number } | null;
  coverage: CoverageHighlight | null;
  kpis: GadgetKpiTally;
  iteration: IterationHighlight | null;
  flags: {
    /** The published vision is past its review date (YYYY-MM-DD it was due). */
    reviewDue: string | null;
    /** Users not heard from within the cadence: days since the newest feedback (null: never). */
    notHeardFrom: { daysSince: number | null; cadenceDays: number } | null;
    /** Tracking stalled since this day: the latest iteration ended and none follows. */
    stalledSince: string | null;
  };
}

export interface GadgetProjectChoice {
  id: string;
  key: string;
  name: string;
}

export interface GadgetProjectsPage {
  projects: GadgetProjectChoice[];
  nextStartAt: number | null;
}

export interface GadgetApi {
  'gadget/load': { payload: z.infer<typeof gadgetLoadSchema>; result: GadgetView };
  'gadget/projects': { payload: z.infer<typeof gadgetProjectsSchema>; result: GadgetProjectsPage };
}

export const GADGET_KEYS = ['gadget/load', 'gadget/projects'] as const satisfies ReadonlyArray<keyof GadgetApi>;
