/** The app's and environment's ids from Forge's runtime, for links to the app's project page. */
import { getAppContext } from '@forge/api';
import { appInfoFromAris, type AppInfo } from '../../domain/shared/jira-links';

export function forgeAppInfo(): AppInfo | null {
  try {
    const { appAri, environmentAri } = getAppContext();
    if (appAri?.appId && environmentAri?.environmentId) return { appId: appAri.appId, environmentId: environmentAri.environmentId };
    return appInfoFromAris(String(appAri), String(environmentAri));
  } catch {
    return null;
  }
}
