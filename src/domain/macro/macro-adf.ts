/**
 * The macro as an Atlassian Document Format document, for PDF and Word exports of a Confluence page
 * (the macro's `adfExport` function). The same sections as on screen, as plain headings, paragraphs
 * and lists; a message instead when the vision cannot be shown. Pure.
 */
import { MACRO_SECTION_LABEL, type MacroView } from '../../contract/macro/macro';
import { BET_KIND_LABEL, KPI_STATUS_LABEL, type SummaryKpi } from '../../contract/vision/publishing';
import { levelPlural } from '../shared/words';

type Node = Record<string, unknown>;

const textNode = (text: string, marks?: Node[]): Node => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const strong = (text: string) => textNode(text, [{ type: 'strong' }]);
const paragraph = (...content: Node[]): Node => ({ type: 'paragraph', content: content.filter((c) => c.text !== '') });
const heading = (level: number, text: string): Node => ({ type: 'heading', attrs: { level }, content: [textNode(text)] });
const bulletList = (items: Node[][]): Node => ({
  type: 'bulletList',
  content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })),
});
const panel = (panelType: 'info' | 'warning' | 'error', ...content: Node[]): Node => ({ type: 'panel', attrs: { panelType }, content });

export const adfDoc = (content: Node[]): Node => ({ type: 'doc', version: 1, content });

const num = (n: number | null, unit: string) => (n === null ? '–' : /^[%‰°]/.test(unit) ? `${n}${unit}` : unit ? `${n} ${unit}` : String(n));

function kpiLine(k: SummaryKpi): Node[] {
  const values =
    k.direction === 'band'
      ? `keep within ${num(k.bandLow, k.unit)} – ${num(k.bandHigh, k.unit)} (baseline ${num(k.baseline, k.unit)})`
      : `${num(k.baseline, k.unit)} → ${num(k.target, k.unit)}`;
  const now = k.current ? `, now ${num(k.current.value, k.unit)}` : '';
  return [strong(k.name), textNode(`: ${values}${now} — ${KPI_STATUS_LABEL[k.status]}`)];
}

/** A vision (the chosen sections) as ADF. `pageUrl` is the project page in Jira, when known. */
export function macroViewToAdf(view: MacroView, pageUrl: string | null): Node {
  const s = view.summary;
  const out: Node[] = [heading(3, `Product vision — ${view.project.name} (${view.project.key})`)];
  if (view.review.flagged) {
    const why = [
      view.review.overdue ? `the vision was due for review on ${view.review.dueOn}` : '',
      view.review.overdueBets.length ? `${view.review.overdueBets.length} assumption(s), risk(s) or bet(s) are past their review date` : '',
    ].filter(Boolean);
    out.push(panel('warning', paragraph(strong('Due for review: '), textNode(`${why.join('; ')}.`))));
  }
  for (const section of view.sections) {
    if (section === 'vision' && s.vision) {
      out.push(heading(4, MACRO_SECTION_LABEL.vision), paragraph(strong(s.vision.statement)));
      const facts: Node[][] = (
        [
          ['Target users', s.vision.targetUsers],
          ['Problem', s.vision.problem],
          ['Value proposition', s.vision.valueProposition],
          ['Horizon', s.vision.horizon],
        ] as const
      )
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [strong(`${k}: `), textNode(v)]);
      if (facts.length) out.push(bulletList(facts));
      if (s.bets?.length)
        out.push(
          paragraph(strong('What it bets on')),
          bulletList(s.bets.map((b) => [strong(`${BET_KIND_LABEL[b.kind]}: `), textNode(`${b.text} (review by ${b.reviewBy}${b.owner ? `, ${b.owner}` : ''})`)])),
        );
    }
    if (section === 'goals' && s.goals) {
      out.push(heading(4, 'Business goals'));
      if (s.goals.length === 0) out.push(paragraph(textNode('No business goals yet.')));
      for (const g of s.goals) {
        out.push(paragraph(strong(g.title), textNode(` — ${g.status}${g.targetDate ? `, target ${g.targetDate}` : ''}${g.owner ? `, owner ${g.owner}` : ''}`)));
        if (g.kpis.length) out.push(bulletList(g.kpis.map(kpiLine)));
      }
    }
    if (section === 'coverage') {
      out.push(heading(4, MACRO_SECTION_LABEL.coverage));
      const c = s.coverage;
      out.push(
        paragraph(
          textNode(
            c
              ? `${c.coverage === null ? `No ${levelPlural(c.epicName)} yet` : `${Math.round(c.coverage * 100)}% of ${levelPlural(c.epicName)} tied to a business goal`} (${c.aligned} of ${c.epics})${c.asOf ? `, as of ${c.asOf.slice(0, 10)}` : ''}.`
              : 'Not measured yet.',
          ),
        ),
      );
    }
    if (section === 'iteration') {
      out.push(heading(4, MACRO_SECTION_LABEL.iteration));
      const it = s.latestIteration;
      out.push(it ? paragraph(strong(`${it.name}: ${it.verdict}. `), textNode(it.summary)) : paragraph(textNode('No iteration has a verdict yet.')));
    }
  }
  const pinned = view.pinned !== null ? ` (pinned)` : '';
  const footer = `Vision version ${s.version}${pinned}, published ${s.publishedAt.slice(0, 10)}${s.publishedBy.displayName ? ` by ${s.publishedBy.displayName}` : ''}; figures as of ${(view.figuresAsOf ?? s.publishedAt).slice(0, 16).replace('T', ' ')} UTC.`;
  out.push(paragraph(textNode(footer), ...(pageUrl ? [textNode(' '), textNode('Open in Jira', [{ type: 'link', attrs: { href: pageUrl } }])] : [])));
  return adfDoc(out);
}

/** A message in place of the vision (no access, not configured, Jira not connected…). */
export function macroMessageToAdf(title: string, message: string): Node {
  return adfDoc([panel('info', paragraph(strong(`${title}. `), textNode(message)))]);
}
