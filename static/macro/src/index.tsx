/**
 * Confluence macro: a Jira project's published vision on a page, the same in view and edit mode.
 * No React (a small bundle for a page that may hold several macros): one `invoke` loads everything.
 */
import '@atlaskit/css-reset';
import '../../shared/app.style';
import '../../features/macro/macro.style';
import { call, enableTheme } from '../../shared/bridge';
import { macroHost, openUrl } from '../../shared/macro-bridge';
import { loadLocale } from '../../shared/i18n-load';
import { renderError, renderLoading, renderView } from '../../features/macro/macro-view';

const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
const show = (node: HTMLElement) => root.replaceChildren(node);

async function load(): Promise<void> {
  show(renderLoading());
  const [host, result] = await Promise.all([macroHost(), call('macro/load', {})]);
  const open = (url: string) => {
    void openUrl(url).then((opened) => {
      if (!opened) window.open(url, '_blank', 'noopener');
    });
  };
  if (result.ok) {
    // No path: the reader may not browse the project (its admins chose to show the vision anyway): no link into Jira.
    const path = result.data.projectPagePath;
    const pageUrl = !path ? '' : host.siteUrl ? `${host.siteUrl}${path}` : path;
    show(renderView(result.data, { pageUrl, isEditing: host.isEditing, open }));
  } else {
    show(renderError(result.error, { pageUrl: '', isEditing: host.isEditing, open, onRetry: () => void load() }));
  }
}

void enableTheme();
void loadLocale().then(load);
