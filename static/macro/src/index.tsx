/** Confluence macro — not built yet; says honestly what it will show. */
import { renderComingSoon } from '../../components/coming-soon';

renderComingSoon({
  title: 'Product vision macro',
  lead: 'This macro will show a Jira project’s product vision on a Confluence page, always up to date.',
  items: [
    'The vision statement, target users, problem, value proposition and horizon',
    'The project’s business goals with their status, owner and target date',
    'Each goal’s KPIs: baseline and target',
  ],
  meanwhile: 'Until then, open the Product vision page of the Jira project.',
});
