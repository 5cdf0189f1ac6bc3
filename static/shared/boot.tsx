/** Start-up shared by the React surfaces: theme first, the user's language, then render into #root. */
import '@atlaskit/css-reset';
import './app.style';
import { createRoot } from 'react-dom/client';
import type { ComponentType } from 'react';
import { enableTheme } from './bridge';
import { loadLocale } from './i18n-load';

export function boot(App: ComponentType): void {
  void enableTheme();
  const host = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  void loadLocale().then(() => createRoot(host).render(<App />));
}
