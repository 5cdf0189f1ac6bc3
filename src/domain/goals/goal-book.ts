/**
 * Rules for a project's goals and KPIs. Pure: every function takes a GoalBook and answers a new one
 * or a rule violation; storage and permissions are the use cases' business.
 */
import type { FieldIssue, Goal, GoalBook, GoalDeletionImpact, GoalFields, Kpi, KpiFields } from '../../contract';
import { LIMITS } from '../../contract/shared/limits';

import type { RuleViolation as Violation, Stamp } from '../shared/outcomes';
import { kpiValueIssues } from './plausible-values';

export type { Stamp } from '../shared/outcomes';
export type RuleViolation = Violation<{ impact: GoalDeletionImpact }>;

export type RuleOutcome = { ok: true; book: GoalBook } | { ok: false; violation: RuleViolation };

/** The book of a project that has none yet. */
export const emptyGoalBook = (): GoalBook => ({ revision: 0, goals: [], kpis: [], updatedBy: null, updatedAt: null });

const done = (book: GoalBook, stamp: Stamp): RuleOutcome => ({
  ok: true,
  book: { ...book, revision: book.revision + 1, updatedBy: stamp.by, updatedAt: stamp.at },
});
const violation = (v: RuleViolation): RuleOutcome => ({ ok: false, violation: v });

/**
 * The direction rules of a KPI, e.g. an `increase` KPI needs a target above its baseline.
 * @example kpiIssues({ direction: 'increase', baseline: 10, target: 5, ... }) // [{ path: 'target', ... }]
 */
export function kpiIssues(kpi: KpiFields, prefix = ''): FieldIssue[] {
  const at = (f: string) => `${prefix}${f}`;
  const issues: FieldIssue[] = kpiValueIssues(kpi, prefix);
  if (kpi.direction === 'band') {
    if (kpi.bandLow === null) issues.push({ path: at('bandLow'), message: 'A band needs a lower bound.' });
    if (kpi.bandHigh === null) issues.push({ path: at('bandHigh'), message: 'A band needs an upper bound.' });
    if (kpi.bandLow !== null && kpi.bandHigh !== null && kpi.bandLow >= kpi.bandHigh)
      issues.push({ path: at('bandHigh'), message: 'The upper bound must be above the lower bound.' });
    if (kpi.target !== null) issues.push({ path: at('target'), message: 'A band KPI has bounds, not a single target.' });
    return issues;
  }
  if (kpi.bandLow !== null || kpi.bandHigh !== null)
    issues.push({ path: at('bandLow'), message: 'Only a band KPI has bounds.' });
  if (kpi.target === null) {
    issues.push({ path: at('target'), message: 'A target is required.' });
  } else if (kpi.direction === 'increase' && kpi.target <= kpi.baseline) {
    issues.push({ path: at('target'), message: 'To increase, the target must be above the baseline.' });
  } else if (kpi.direction === 'decrease' && kpi.target >= kpi.baseline) {
    issues.push({ path: at('target'), message: 'To decrease, the target must be below the baseline.' });
  }
  return issues;
}

const findGoal = (book: GoalBook, goalId: string) => book.goals.find((g) => g.id === goalId);

export function addGoal(book: GoalBook, id: string, fields: GoalFields, stamp: Stamp): RuleOutcome {
  if (book.goals.length >= LIMITS.maxGoals)
    return violation({ kind: 'limit', message: `A project can have at most ${LIMITS.maxGoals} goals.` });
  const goal: Goal = { ...fields, id, createdAt: stamp.at, createdBy: stamp.by };
  return done({ ...book, goals: [...book.goals, goal] }, stamp);
}

export function updateGoal(book: GoalBook, goalId: string, fields: GoalFields, stamp: Stamp): RuleOutcome {
  if (!findGoal(book, goalId)) return violation({ kind: 'not-found', message: 'This goal no longer exists.' });
  return done({ ...book, goals: book.goals.map((g) => (g.id === goalId ? { ...g, ...fields } : g)) }, stamp);
}

/** What deleting a goal takes with it. Later, epics tied to it join this list. */
export const goalDeletionImpact = (book: GoalBook, goalId: string): GoalDeletionImpact => ({
  goalId,
  kpis: book.kpis.filter((k) => k.goalId === goalId).map((k) => ({ id: k.id, name: k.name })),
});

/** Deleting a goal that still has KPIs needs `confirmed`; its KPIs go with it. */
export function removeGoal(book: GoalBook, goalId: string, confirmed: boolean, stamp: Stamp): RuleOutcome {
  if (!findGoal(book, goalId)) return violation({ kind: 'not-found', message: 'This goal no longer exists.' });
  const impact = goalDeletionImpact(book, goalId);
  if (impact.kpis.length > 0 && !confirmed) {
    const n = impact.kpis.length;
    return violation({
      kind: 'needs-confirmation',
      message: `Deleting this goal also deletes its ${n} KPI${n === 1 ? '' : 's'}.`,
      impact,
    });
  }
  return done(
    { ...book, goals: book.goals.filter((g) => g.id !== goalId), kpis: book.kpis.filter((k) => k.goalId !== goalId) },
    stamp,
  );
}

function checkKpi(book: GoalBook, fields: KpiFields): RuleViolation | null {
  if (!findGoal(book, fields.goalId))
    return {
      kind: 'invalid',
      message: 'A KPI must belong to an existing goal.',
      fields: [{ path: 'kpi.goalId', message: 'This goal does not exist.' }],
    };
  const issues = kpiIssues(fields, 'kpi.');
  return issues.length ? { kind: 'invalid', message: 'Check the KPI’s target.', fields: issues } : null;
}

export function addKpi(book: GoalBook, id: string, fields: KpiFields, stamp: Stamp): RuleOutcome {
  if (book.kpis.length >= LIMITS.maxKpis)
    return violation({ kind: 'limit', message: `A project can have at most ${LIMITS.maxKpis} KPIs.` });
  const problem = checkKpi(book, fields);
  if (problem) return violation(problem);
  const kpi: Kpi = { ...fields, id };
  return done({ ...book, kpis: [...book.kpis, kpi] }, stamp);
}

export function updateKpi(book: GoalBook, kpiId: string, fields: KpiFields, stamp: Stamp): RuleOutcome {
  if (!book.kpis.some((k) => k.id === kpiId)) return violation({ kind: 'not-found', message: 'This KPI no longer exists.' });
  const problem = checkKpi(book, fields);
  if (problem) return violation(problem);
  return done({ ...book, kpis: book.kpis.map((k) => (k.id === kpiId ? { ...fields, id: kpiId } : k)) }, stamp);
}

export function removeKpi(book: GoalBook, kpiId: string, stamp: Stamp): RuleOutcome {
  if (!book.kpis.some((k) => k.id === kpiId)) return violation({ kind: 'not-found', message: 'This KPI no longer exists.' });
  return done({ ...book, kpis: book.kpis.filter((k) => k.id !== kpiId) }, stamp);
}

/** Account ids a page of this book mentions, for one display-name lookup. */
export const mentionedAccounts = (book: GoalBook): string[] =>
  [...new Set([...book.goals.map((g) => g.ownerAccountId), book.updatedBy].filter((a): a is string => !!a))];
