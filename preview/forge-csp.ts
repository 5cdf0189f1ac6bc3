/**
 * The Content-Security-Policy Forge puts on a Custom UI resource, computed as the Forge CLI does for
 * `forge tunnel` (@forge/csp: the details from the resource's HTML and the manifest's `permissions`,
 * then the injectable policy with production hosts). The preview serves every surface under it, so
 * what it would block on Forge (an inline script or style, a fetch to another host, a module chunk)
 * is blocked here too. The `report-uri` is left out: the preview reports nothing to Atlassian.
 */
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import { load } from 'cheerio';
import { manifest } from '../devtools/forge-platform/manifest';

type Permissions = Parameters<CSPProcessingService['getCspDetails']>[1];

/** The policy for a surface whose index.html is `html`, served from `origin` (e.g. `http://127.0.0.1:4000`). */
export function forgeCsp(html: string, origin: string): string {
  const permissions = ((manifest as { permissions?: Permissions }).permissions ?? {}) as Permissions;
  const details = new CSPProcessingService({ info: () => undefined }, load).getCspDetails(html, permissions);
  const directives = new CSPInjectionService().getInjectableCSP({ existingCSPDetails: details, microsEnv: 'prod', hostname: origin });
  return directives.filter((d) => !d.startsWith('report-uri')).join('; ');
}
