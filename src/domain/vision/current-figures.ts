/**
 * The figures the Confluence macro shows as they are now (goals, KPI values and status, coverage, the
 * latest verdict), for the project property beside the published summary. Shortened the way the summary
 * is, so it always stays under `SUMMARY_BUDGET_CHARS` (Jira refuses property values over 32,768 characters).
 */
import type { GoalBook } from '../../contract/goals/model';
import { SUMMARY_BUDGET_CHARS, type CurrentFigures, type ProjectHighlights } from '../../contract/vision/publishing';
import { SHORTEN_LEVELS, summaryGoals, summaryIteration } from './published-summary';

/** @example buildCurrentFigures(book, highlights, '2026-03-04T10:00:00Z').goals.length // every goal, for an ordinary project */
export function buildCurrentFigures(goalBook: GoalBook, highlights: ProjectHighlights, asOf: string, budget = SUMMARY_BUDGET_CHARS): CurrentFigures {
  let last: CurrentFigures | null = null;
  for (let i = 0; i < SHORTEN_LEVELS.length; i++) {
    const level = SHORTEN_LEVELS[i]!;
    last = {
      schema: 1,
      asOf,
      goals: summaryGoals(goalBook, highlights, level),
      coverage: highlights.coverage ?? null,
      latestIteration: summaryIteration(highlights, level) ?? null,
      truncated: i > 0,
      feedback: highlights.feedback ?? null,
    };
    if (JSON.stringify(last).length <= budget) return last;
  }
  return { ...last!, goals: [], latestIteration: null, truncated: true };
}

/**
 * Which figures the macro shows: the current ones when they are at least as new as the published
 * summary (a publish writes figures of its own moment), else the summary's. Answers null for the summary's.
 * @example figuresToShow(figures, '2026-03-01T00:00:00Z') // figures, when figures.asOf is later
 */
export function figuresToShow(figures: CurrentFigures | null, publishedAt: string): CurrentFigures | null {
  return figures && figures.asOf >= publishedAt ? figures : null;
}
