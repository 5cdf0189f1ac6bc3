/**
 * Extension point: what other features add to the project page and to the published summary the
 * Confluence macro reads — alignment coverage, the latest iteration's verdict, KPI measurements.
 *
 * A feature adds one source to `HIGHLIGHT_SOURCES` below: an async function that reads its own storage
 * (a bounded number of calls) and returns the fields it knows, leaving the others out. Sources run in
 * parallel; one that fails is logged and skipped, so a broken feature never breaks the page or a publish.
 */
import type { ProjectHighlights } from '../../contract/vision/publishing';
import { passConsentThrough, type Deps } from '../../ports';
import { postLaunchHighlights } from '../post-launch/highlights';
import { figuresOf } from '../../domain/alignment/alignment-figures';
import { readAlignmentTally } from '../../storage/alignment-tally';
import { readGoalBook } from '../../storage/books';
import { readFeedbackCadence } from '../../storage/feedback-cadence';

export type HighlightSource = (deps: Deps, project: { id: string; key: string }) => Promise<ProjectHighlights>;

/**
 * Epic alignment: coverage from the stored tally (the figures the report, the issue panel and the macro
 * show), against the goals as they are now: 2 reads (tally, goal book). Before the first full pass there
 * is no tally and nothing to show (1 read).
 */
export const alignmentCoverage: HighlightSource = async (deps, project) => {
  const tally = await readAlignmentTally(deps, project.id);
  if (!tally) return {};
  const f = figuresOf(tally, (await readGoalBook(deps, project.id)).goals);
  return { coverage: { epics: f.epics, aligned: f.aligned, coverage: f.coverage, asOf: f.asOf, epicName: f.epicName } };
};

/** When the project last heard from its users, and its cadence: 1 read (the first time, a scan of its feedback). */
export const feedbackCadence: HighlightSource = async (deps, project) => ({ feedback: await readFeedbackCadence(deps, project.id) });

export const HIGHLIGHT_SOURCES: HighlightSource[] = [
  alignmentCoverage,
  // Post-launch tracking: each KPI's latest value, and the current launch's latest iteration verdict.
  postLaunchHighlights,
  feedbackCadence,
];

/** Every source's answer merged (later sources win a field; `kpiCurrent` maps are merged). */
export async function readHighlights(
  deps: Deps,
  project: { id: string; key: string },
  sources: readonly HighlightSource[] = HIGHLIGHT_SOURCES,
  /** Fail instead of leaving a failing source out: a background refresh is retried rather than write less. */
  strict = false,
): Promise<ProjectHighlights> {
  const answers = await Promise.all(
    sources.map((source) =>
      source(deps, project).catch((error: unknown) => {
        passConsentThrough(error);
        if (strict) throw error;
        console.warn('A project highlight source failed; leaving it out', error);
        return {} as ProjectHighlights;
      }),
    ),
  );
  const merged: ProjectHighlights = {};
  for (const a of answers) {
    if (a.coverage !== undefined) merged.coverage = a.coverage;
    if (a.latestIteration !== undefined) merged.latestIteration = a.latestIteration;
    if (a.feedback !== undefined) merged.feedback = a.feedback;
    if (a.kpiCurrent) merged.kpiCurrent = { ...merged.kpiCurrent, ...a.kpiCurrent };
  }
  return merged;
}
