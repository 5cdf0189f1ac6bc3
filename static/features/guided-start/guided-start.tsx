/**
 * Guided start: the project's steps from "a project" to "a product with a vision", each with what it
 * is measured by and a link to where it is done. An admin of a project with nothing yet also gets the
 * elevator-pitch template and example KPIs to adopt in one click (saved through `vision/save` and
 * `guided/adopt-example`, so revisions, conflicts and permissions hold as for any edit).
 */
import { useState, type MouseEvent } from 'react';
import type { GuidedStart, GuidedStep, KpiExample } from '../../../src/contract/guided-start/guided-start';
import { ELEVATOR_PITCH, KPI_EXAMPLES } from '../../../src/domain/guided-start/templates';
import type { AppError } from '../../../src/contract/shared/result';
import { openPath } from '../../shared/bridge';
import { formatDate, formatPercent } from '../../shared/format';
import { t } from '../../shared/i18n';
import { Button } from '../../shared/ui';
import { ErrorBanner } from '../../shared/states';
import { Meter } from '../../shared/meter';
import './guided-start.style';
import { iterationLabel } from '../../shared/iteration-label';

export type Surface = 'settings' | 'project';

/** Where each step is done: a section of the settings page (`#id`), or the settings page itself. */
const SECTION: Record<GuidedStep['id'], string> = {
  vision: 'pv-step-vision',
  goals: 'pv-step-goals',
  alignment: 'pv-step-alignment',
  iterations: 'pv-step-iterations',
  feedback: 'pv-step-iterations',
  shared: 'pv-step-vision',
};

const pct = (r: number | null) => (r === null ? '–' : formatPercent(Math.floor(r * 1000) / 10, 1));

function title(s: GuidedStep): string {
  switch (s.id) {
    case 'vision':
      return t('Publish a vision and keep it reviewed');
    case 'goals':
      return t('Set business goals with measurable KPIs');
    case 'alignment':
      return t('Tie at least 80% of epics to a goal');
    case 'iterations':
      return t('Launch and track iterations');
    case 'feedback':
      return t('Hear from users within the cadence');
    case 'shared':
      return t('Share the vision beyond its admins');
  }
}

function note(s: GuidedStep): string {
  switch (s.id) {
    case 'vision':
      if (!s.published) return t('No vision is published yet.');
      return s.overdue ? t('The review was due on {date}.', { date: formatDate(s.dueOn) }) : t('Next review by {date}.', { date: formatDate(s.dueOn) });
    case 'goals':
      return s.goals === 0 ? t('No active business goals yet.') : t('{n} of {total} active goals have a KPI.', { n: s.withKpi, total: s.goals });
    case 'alignment':
      return s.epics === 0 ? t('No epics counted yet.') : t('{pct} of epics aligned ({aligned} of {epics}).', { pct: pct(s.coverage), aligned: s.aligned, epics: s.epics });
    case 'iterations':
      if (!s.iteration) return t('No launch with a started iteration yet.');
      return s.stalledSince ? t('Tracking stalled since {date}.', { date: formatDate(s.stalledSince) }) : t('Tracking {name}.', { name: iterationLabel(s.iteration) });
    case 'feedback':
      if (s.daysSince === null) return t('No feedback recorded yet (cadence: {days} days).', { days: s.cadenceDays });
      return t('Newest feedback {n} days ago (cadence: {days} days).', { n: s.daysSince, days: s.cadenceDays });
    case 'shared':
      return s.at ? t('First opened by a non-admin on {date}.', { date: formatDate(s.at) }) : t('Nobody but project admins has opened it yet.');
  }
}

function StepLink({ step, surface, links }: { step: GuidedStep; surface: Surface; links: GuidedStart['links'] }) {
  if (step.done) return null;
  // On the project page, the shared step is done by sending people here; the alignment list is on this page.
  if (surface === 'project' && step.id === 'shared') return null;
  if (surface === 'settings' || step.id === 'alignment') {
    if (surface === 'settings' && step.id === 'shared') return <span className="gs-note">{t('Send your team the Product vision page, or add the Product vision macro to a Confluence page.')}</span>;
    return (
      <a className="gs-link" href={`#${SECTION[step.id]}`}>
        {t('Go to this step')}
      </a>
    );
  }
  const path = links?.settings ?? '';
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!path) return;
    e.preventDefault();
    void openPath(path);
  };
  return (
    <a className="gs-link" href={path || '#'} target="_top" onClick={go}>
      {t('Do this in Project settings › Product vision')}
    </a>
  );
}

export interface StarterProps {
  /** The draft's revision (0 before the first save): the template is saved on it. */
  visionRevision: number;
  hasVision: boolean;
  goalBookRevision: number;
  onAdoptVision: (statement: string, baseRevision: number) => Promise<AppError | null>;
  onAdoptExample: (example: KpiExample, baseRevision: number) => Promise<AppError | null>;
}

/** The templates' texts in the user's language: written out here because only literal t() keys reach a dictionary. */
function templateText(english: string): string {
  const texts: Record<string, string> = {
    [ELEVATOR_PITCH]: t('For <target users> who <need>, <product> is a <category> that <benefit>. Unlike <alternative>, our product <differentiator>.'),
    'Grow adoption': t('Grow adoption'),
    'Weekly active users': t('Weekly active users'),
    'Let users help themselves': t('Let users help themselves'),
    'Support requests per month': t('Support requests per month'),
    'Keep users satisfied': t('Keep users satisfied'),
    'Satisfaction score': t('Satisfaction score'),
  };
  return texts[english] ?? english;
}

function Starter({ visionRevision, hasVision, goalBookRevision, onAdoptVision, onAdoptExample }: StarterProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [adopted, setAdopted] = useState<string[]>([]);
  const run = async (id: string, action: () => Promise<AppError | null>) => {
    setBusy(id);
    setError(null);
    const failed = await action();
    setBusy(null);
    if (failed) setError(failed);
    else setAdopted((a) => [...a, id]);
  };
  return (
    <div className="gs-start">
      <h3>{t('Start from a template')}</h3>
      {!hasVision ? (
        <>
          <p className="gs-pitch">{templateText(ELEVATOR_PITCH)}</p>
          <div>
            <Button small appearance="primary" busy={busy === 'vision'} onClick={() => void run('vision', () => onAdoptVision(templateText(ELEVATOR_PITCH), visionRevision))}>
              {busy === 'vision' ? t('Saving…') : t('Use this elevator pitch as the vision draft')}
            </Button>
          </div>
        </>
      ) : null}
      <p className="gs-note">{t('Example KPIs: adopt one as a goal with its KPI, then set your own baseline and target.')}</p>
      <ul className="gs-examples">
        {KPI_EXAMPLES.filter((e) => !adopted.includes(e.id)).map((e) => (
          <li key={e.id}>
            <span>
              <strong>{templateText(e.goal)}</strong> · {templateText(e.kpi)}
            </span>
            <Button small busy={busy === e.id} aria-label={t('Adopt {kpi}', { kpi: templateText(e.kpi) })} onClick={() => void run(e.id, () => onAdoptExample(e, goalBookRevision))}>
              {busy === e.id ? t('Adding…') : t('Adopt')}
            </Button>
          </li>
        ))}
      </ul>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
    </div>
  );
}

export function GuidedStartCard({ guided, surface, starter }: { guided: GuidedStart; surface: Surface; starter?: StarterProps | undefined }) {
  return (
    <section className="gs pv-section" aria-labelledby="gs-title">
      <div className="gs-head">
        <h2 id="gs-title">{t('Guided start')}</h2>
        <span className="gs-score">{t('{done} of {of} steps done', { done: guided.done, of: guided.of })}</span>
      </div>
      <Meter share={guided.of ? guided.done / guided.of : 0} />
      <ol className="gs-steps">
        {guided.steps.map((s) => (
          <li key={s.id} className={`gs-step${s.done ? ' gs-step--done' : ''}`} data-step={s.id}>
            <span className="gs-mark" aria-hidden="true">
              {s.done ? '✓' : ''}
            </span>
            <div>
              <span className="gs-title">{title(s)}</span>
              <span className="pv-sr-only">{s.done ? t('Done.') : t('To do.')}</span>
              <p className="gs-note">{note(s)}</p>
              <StepLink step={s} surface={surface} links={guided.links} />
            </div>
          </li>
        ))}
      </ol>
      {starter ? <Starter {...starter} /> : null}
    </section>
  );
}
