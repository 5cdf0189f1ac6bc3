/**
 * The personal data reporter on Forge: `privacy.reportPersonalData` (POST /app/report-accounts, 90
 * accounts a request, which the SDK splits itself). The app keeps no profile data (names, emails), only
 * account ids, so every id is reported as current as of now: only `closed` answers matter to it.
 */
import { privacy } from '@forge/api';
import type { PersonalDataReporter } from '../../ports';

export const forgePersonalDataReporter: PersonalDataReporter = async (accountIds) => {
  if (accountIds.length === 0) return [];
  const updatedAt = new Date().toISOString();
  const answers = await privacy.reportPersonalData(accountIds.map((accountId) => ({ accountId, updatedAt })));
  return answers.map(({ accountId, status }) => ({ accountId, status }));
};
