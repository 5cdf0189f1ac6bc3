/**
 * A published summary in a Jira project property, with closed accounts erased. A schema 1 summary
 * (display names) is rewritten as schema 2 on the way: its owners were stored by name only, so they
 * become "no owner", and its publisher keeps the account id it had.
 */
import type { LegacySummary, PublishedSummary } from '../../contract/vision/publishing';
import { readSummary } from '../../contract/vision/summary-schema';
import { anonymise, mentionsAny } from './anonymise';

/** Schema 1 → schema 2, without the names. */
export function withoutNames(s: LegacySummary): PublishedSummary {
  return {
    ...s,
    schema: 2,
    publishedBy: { accountId: s.publishedBy.accountId },
    bets: s.bets.map(({ owner: _name, ...b }) => ({ ...b, ownerAccountId: null })),
    goals: s.goals.map(({ owner: _name, ...g }) => ({ ...g, ownerAccountId: null })),
  };
}

/**
 * The value to write back, or null when the property names none of the closed accounts (or is not a
 * summary at all: someone else's value is left alone).
 * @example scrubSummary(summaryPublishedBy('x'), new Set(['x']))?.publishedBy // { accountId: 'former-user' }
 */
export function scrubSummary(value: unknown, closed: ReadonlySet<string>): PublishedSummary | null {
  if (!mentionsAny(value, closed)) return null;
  const summary = readSummary(value);
  if (!summary) return null;
  return anonymise(summary.schema === 1 ? withoutNames(summary) : summary, closed).value;
}
