/** Words and numbers of epic alignment, shared by the issue panel and the alignment report. */
import type { AlignmentFlag, CoverageFigures, ScanProgress } from '../../../src/contract/alignment/alignment';
import type { GoalStatus } from '../../../src/contract/goals/model';
import { levelPlural, plural } from '../../shared/level-words';
import { t, uiLocale } from '../../shared/i18n';
import { counted, formatPercent } from '../../shared/format';

export const FLAG_TITLE = () => t('Not tied to a business goal');

/** Why an epic is flagged, said of the epic itself (its panel, the report's rows). */
export const EPIC_FLAG_REASON = (): Record<AlignmentFlag, string> => ({
  none: t('No goal is set.'),
  'goal-deleted': t('Its goal was deleted.'),
  'goal-dropped': t('Its goal was dropped.'),
  'broken-link': t('The goal link on this epic is not valid; set it again.'),
  'no-epic': t('This work item has no epic.'),
  'epic-unaligned': t('Its epic is not tied to a business goal.'),
});

/**
 * The reason shown on a work item's panel: an epic speaks of itself; any other work item speaks of its
 * epic (whatever the epic's own reason) or of having none.
 * @example flagReason('goal-dropped', true) // "Its goal was dropped."
 * @example flagReason('none', false) // "Its epic is not tied to a business goal."
 */
export function flagReason(flag: AlignmentFlag, isEpic: boolean): string {
  if (isEpic || flag === 'no-epic') return EPIC_FLAG_REASON()[flag];
  return EPIC_FLAG_REASON()['epic-unaligned'];
}

/**
 * A 0..1 share as a whole percentage that never claims 100% (or 0%) when it is not exactly so.
 * @example percent(0.996) // "99%"
 * @example percent(null) // "–"
 */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  const p = share * 100;
  const whole = p >= 99 && p < 100 ? Math.floor(p) : p > 0 && p < 1 ? Math.ceil(p) : Math.round(p);
  return formatPercent(whole);
}

/**
 * @example coverageSentence({ epics: 25, aligned: 18, unaligned: 7, coverage: 0.72 }) // "72% of epics serve a business goal — 18 of 25"
 * @example coverageSentence(c, 'Feature') // "72% of features serve a business goal — 18 of 25"
 */
export function coverageSentence(c: CoverageFigures, epicName?: string): string {
  return t('{coverage} of {epicName} serve a business goal — {aligned} of {epics}', { coverage: percent(c.coverage), epicName: levelPlural(epicName), aligned: c.aligned, epics: c.epics });
}

/** The figures after `n` more epics were tied to a goal here (negative: untied). */
export function adjustCoverage(c: CoverageFigures, n: number): CoverageFigures {
  const aligned = Math.min(c.epics, Math.max(0, c.aligned + n));
  const unaligned = Math.max(0, c.epics - aligned);
  return { epics: c.epics, aligned, unaligned, coverage: c.epics > 0 ? aligned / c.epics : null };
}

export { plural };

/** An ISO date-time (or date) as a day: "3 Mar 2026". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Option label of a goal in a picker: achieved goals say so. */
export const goalOptionLabel = (g: { title: string; status: GoalStatus }): string =>
  g.status === 'achieved' ? t('{title} (achieved)', { title: g.title }) : g.status === 'dropped' ? t('{title} (dropped)', { title: g.title }) : g.title;

/**
 * What a running scan is doing and how far along it is, from its phase (epics first, then their open work items).
 * @example scanStep({ phase: 'epics', epicsSeen: 3, epicsTotal: 8, … }) // { text: 'Reading the epics', seen: 3, total: 8, of: '8 epics' }
 */
export function scanStep(scan: ScanProgress): { text: string; seen: number; total: number; of: string } | { text: string; seen: null } {
  const child = scan.phase === 'child-issues' && typeof scan.childIssuesTotal === 'number';
  if (scan.phase === 'counting') return { text: t('Counting the epics…'), seen: null };
  if (scan.phase === 'saving') return { text: t('Saving the snapshot…'), seen: null };
  if (child) {
    const total = scan.childIssuesTotal ?? 0;
    return { text: t('Reading the open work items under the epics'), seen: scan.childIssuesSeen ?? 0, total, of: counted(total, t('{n} work item'), t('{n} work items')) };
  }
  return { text: t('Reading the epics'), seen: scan.epicsSeen, total: scan.epicsTotal, of: counted(scan.epicsTotal, t('{n} epic'), t('{n} epics')) };
}
