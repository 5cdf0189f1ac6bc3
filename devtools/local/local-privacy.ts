/**
 * The personal data reporter on the simulated Jira site: `closed` for the accounts closed there
 * (`closeAccount`), nothing for the others. Counts its calls and the ids it was sent, for tests.
 */
import type { PersonalDataReporter } from '../../src/ports';
import type { JiraSite } from '../simulated-jira/site';

/** Atlassian's endpoint takes 90 accounts a request; the Forge SDK splits larger lists the same way. */
export const REPORT_BATCH = 90;

export interface LocalPersonalDataReporter extends PersonalDataReporter {
  /** The ids of each request, in order. */
  readonly requests: string[][];
}

export function localPersonalDataReporter(site: JiraSite): LocalPersonalDataReporter {
  const requests: string[][] = [];
  const report = async (accountIds: string[]) => {
    for (let i = 0; i < accountIds.length; i += REPORT_BATCH) requests.push(accountIds.slice(i, i + REPORT_BATCH));
    return accountIds.filter((id) => site.closedAccounts.has(id)).map((accountId) => ({ accountId, status: 'closed' as const }));
  };
  return Object.assign(report, { requests });
}
