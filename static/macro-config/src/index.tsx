/** Confluence macro configuration — not built yet; says honestly what it will offer. */
import { renderComingSoon } from '../../components/coming-soon';

renderComingSoon({
  title: 'Configure the Product vision macro',
  lead: 'Here you will choose which Jira project’s vision the macro shows and how much of it.',
  items: ['The Jira project to show', 'Whether to include business goals and KPIs', 'Whether to hide dropped goals'],
  meanwhile: 'There is nothing to configure yet.',
});
