/** Start-up shared by the React surfaces: theme first, then render into #root. */
import '@atlaskit/css-reset';
import './app.style';
import { createRoot } from 'react-dom/client';
import type { ComponentType } from 'react';
import { enableTheme } from './bridge';

export function boot(App: ComponentType): void {
  void enableTheme();
  const host = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  createRoot(host).render(<App />);
}
