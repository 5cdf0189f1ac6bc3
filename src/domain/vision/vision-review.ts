/**
 * When a vision is due for review: its published date plus its review cadence; and which of its
 * assumptions, risks and technology bets are past their own review date. Pure; `today` is given.
 */
import type { PublishableVision, ReviewFlags } from '../../contract/vision/publishing';

/** `2026-01-31` + 30 → `2026-03-02` (UTC calendar days). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** YYYY-MM-DD (UTC) of an instant. */
export const dayOf = (instant: Date | string): string => new Date(instant).toISOString().slice(0, 10);

/**
 * @example reviewFlags({ ...v, reviewCadenceDays: 90 }, '2026-01-01T10:00:00Z', '2026-05-01').overdue // true
 */
export function reviewFlags(
  vision: Pick<PublishableVision, 'bets' | 'reviewCadenceDays'>,
  publishedAt: string,
  today: string,
): ReviewFlags {
  const dueOn = addDays(dayOf(publishedAt), vision.reviewCadenceDays);
  const overdue = today > dueOn;
  const overdueBets = vision.bets
    .filter((b) => b.reviewBy < today)
    .map(({ id, kind, text, reviewBy, ownerAccountId }) => ({ id, kind, text, reviewBy, ownerAccountId }));
  return { dueOn, cadenceDays: vision.reviewCadenceDays, overdue, overdueBets, flagged: overdue || overdueBets.length > 0 };
}
