/**
 * Reports account ids to Atlassian and keeps what it says about closed ones: a marker per closed
 * account, written before anything is erased, so a sweep that stops for good is finished by the next
 * one. The markers go once every project is clean.
 */
import type { Deps } from '../../ports';
import { markAccountsClosed } from '../../storage/privacy';

/** The closed accounts among `accountIds`. */
export async function reportAccounts(deps: Deps, accountIds: string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  if (!deps.personalData) throw new Error('This runtime offers no personal data reporting.');
  const answers = await deps.personalData(accountIds);
  const asked = new Set(accountIds);
  const closed = [...new Set(answers.filter((a) => a.status === 'closed' && asked.has(a.accountId)).map((a) => a.accountId))];
  await markAccountsClosed(deps, closed);
  return closed;
}
