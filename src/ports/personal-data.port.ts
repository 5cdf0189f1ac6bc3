/**
 * Atlassian's personal data reporting: the app tells the platform which account ids it stores and
 * learns which of them were closed (erase them) or updated (cached personal data should be refreshed).
 * Accounts in good standing are left out of the answer.
 */
export interface PersonalDataReport {
  accountId: string;
  status: 'closed' | 'updated';
}

export type PersonalDataReporter = (accountIds: string[]) => Promise<PersonalDataReport[]>;
