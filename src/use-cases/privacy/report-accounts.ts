/**
 * Reports account ids to Atlassian and keeps what it says about closed ones: a marker per closed
 * account, written before anything is erased, so a sweep that stops for good is finished by the next
 * one. The markers go once every project is clean.
 */
import type { Deps } from '../../ports';
import { closedMarker, closedMarkerPrefix } from '../../storage/privacy-keys';

/** The closed accounts among `accountIds`. */
export async function reportAccounts(deps: Deps, accountIds: string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  if (!deps.personalData) throw new Error('This runtime offers no personal data reporting.');
  const answers = await deps.personalData(accountIds);
  const asked = new Set(accountIds);
  const closed = [...new Set(answers.filter((a) => a.status === 'closed' && asked.has(a.accountId)).map((a) => a.accountId))];
  for (const id of closed) await deps.store.set(closedMarker(id), true);
  return closed;
}

/** Closed accounts a previous sweep found but did not finish erasing (at most `limit`). */
export async function pendingClosed(deps: Pick<Deps, 'store'>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.query<unknown>(closedMarkerPrefix, { limit: 20, ...(cursor ? { cursor } : {}) });
    ids.push(...page.results.map((r) => r.key.slice(closedMarkerPrefix.length)));
    cursor = page.nextCursor;
  } while (cursor && ids.length < limit);
  return ids.slice(0, limit);
}

export async function forgetClosed(deps: Pick<Deps, 'store'>, accountIds: string[]): Promise<void> {
  for (let i = 0; i < accountIds.length; i += 25) await deps.store.transact(accountIds.slice(i, i + 25).map((id) => ({ kind: 'delete' as const, key: closedMarker(id) })));
}
