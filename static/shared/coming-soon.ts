/**
 * A themed "coming soon" page without React (keeps these surfaces near 30 KB gzip) and without
 * any invoke: it only asks the host for the theme.
 */
import '@atlaskit/css-reset';
import './app.style';
import { enableTheme } from './bridge';

export interface ComingSoon {
  title: string;
  /** What this place will do, in one or two sentences. */
  lead: string;
  /** What will be here. */
  items: readonly string[];
  /** Where to go until then. */
  meanwhile: string;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

export function renderComingSoon(page: ComingSoon): void {
  void enableTheme();
  const root = document.getElementById('root') ?? document.body.appendChild(el('div'));
  const main = el('main', 'pv-page');
  const card = el('div', 'pv-empty');
  const badge = el('span', 'pv-lozenge pv-lozenge--active', 'Coming soon');
  const list = el('ul');
  for (const item of page.items) list.appendChild(el('li', undefined, item));
  card.append(badge, el('h1', undefined, page.title), el('p', undefined, page.lead), el('p', 'pv-muted', 'What will be here:'), list, el('p', 'pv-muted', page.meanwhile));
  main.appendChild(card);
  root.replaceChildren(main);
}
