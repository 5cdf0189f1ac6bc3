/** Confluence macro config screen (Custom UI config of the `vision-macro` module). No React. */
import '@atlaskit/css-reset';
import '../../components/app.style';
import './config.style';
import { enableTheme } from '../../components/bridge';
import { macroHost } from '../../components/macro-bridge';
import { configForm } from './config-form';

const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));

void enableTheme();
void macroHost().then((host) => root.replaceChildren(configForm(host.config)));
