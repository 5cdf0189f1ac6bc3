/** Confluence macro config screen (Custom UI config of the `vision-macro` module). No React. */
import '@atlaskit/css-reset';
import '../../shared/app.style';
import '../../features/macro/config.style';
import { enableTheme } from '../../shared/bridge';
import { macroHost } from '../../shared/macro-bridge';
import { loadLocale } from '../../shared/i18n-load';
import { configForm } from '../../features/macro/config-form';

const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));

void enableTheme();
void loadLocale().then(macroHost).then((host) => root.replaceChildren(configForm(host.config)));
