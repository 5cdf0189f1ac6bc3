/** jira:issuePanel — not built yet; says honestly what it will show. */
import { renderComingSoon } from '../../components/coming-soon';

renderComingSoon({
  title: 'Product vision for this issue',
  lead: 'This panel will show which business goal the work in this issue supports, so everyone can see why it matters.',
  items: [
    'The business goal this issue’s epic is aligned with, with its status and owner',
    'The KPIs of that goal: baseline and target',
    'A short excerpt of the project’s vision statement',
  ],
  meanwhile: 'Until then, the vision, goals and KPIs are on the project’s Product vision page.',
});
