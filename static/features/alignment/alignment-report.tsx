/**
 * The alignment report, shared by the project page and the settings page. Closed when the page loads
 * (the page's one invoke is `project/load`); opening it asks for the report and the first page of
 * unaligned epics, and while a scan runs it polls the report until the scan ends or the report closes.
 */
import { useId, useMemo, useState } from 'react';
import type { AlignmentReport, ScanProgress } from '../../../src/contract/alignment/alignment';
import type { Goal } from '../../../src/contract/goals/model';
import type { CoverageHighlight } from '../../../src/contract/vision/publishing';
import type { AppError } from '../../../src/contract/shared/result';
import { adjustCoverage, coverageSentence, formatDay, percent, plural, scanStep } from './alignment-text';
import { levelPlural, levelWord } from '../../shared/level-words';
import { formatDateTime, formatNumber } from '../../shared/format';
import type { GoalChoice } from '../goals/goal-picker';
import { Meter } from '../../shared/meter';
import { EmptyState, ErrorBanner } from '../../shared/states';
import { TrendChart } from '../../shared/trend-chart';
import { Button, Message } from '../../shared/ui';
import { InlineLoading, UnalignedEpics } from './unaligned-epics';
import { GoalEpicsLink } from './goal-epics-link';
import { isScanning, useAlignmentReport, type AlignmentData } from './use-alignment-report';
import { t, uiLocale } from '../../shared/i18n';
import './alignment.style';

const Chevron = () => (
  <svg className="pv-chevron" width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M8.6 4.6 7.2 6l6 6-6 6 1.4 1.4 7.4-7.4z" />
  </svg>
);

/**
 * @param goals the page's goals: titles for the per-goal figures (the report's own choices leave out dropped goals).
 * @param highlight coverage that `project/load` already carries, shown while the report is closed (no invoke).
 */
export function AlignmentSection({ goals, highlight }: { goals: readonly Goal[]; highlight?: CoverageHighlight | null }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const data = useAlignmentReport(open);
  return (
    <section className="pv-section" aria-labelledby="pv-alignment-title">
      <div className="pv-section-head">
        <h2 id="pv-alignment-title">{t('Epic alignment')}</h2>
        <Button className="pv-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
          <Chevron />
          {open ? t('Hide alignment report') : t('Show alignment report')}
        </Button>
      </div>
      {!open ? (
        highlight && highlight.epics > 0 ? (
          <p className="pv-muted">
            <strong className="pv-strong">{coverageSentence({ ...highlight, unaligned: highlight.epics - highlight.aligned }, highlight.epicName)}</strong>
            {t('{value}. Open the report for the epics that serve none, the figures per goal and the trend.', { value: highlight.asOf ? t(' (as of {asOf})', { asOf: formatDateTime(highlight.asOf) }) : '' })}
          </p>
        ) : (
          <p className="pv-muted">{t("Which epics serve a business goal, which don't, and how coverage moves day by day.")}</p>
        )
      ) : null}
      <div id={bodyId} hidden={!open}>
        {open ? <ReportBody data={data} goals={goals} /> : null}
      </div>
    </section>
  );
}

function ReportBody({ data, goals }: { data: AlignmentData; goals: readonly Goal[] }) {
  const [said, setSaid] = useState('');
  const { report } = data;
  if (report.status === 'idle' || report.status === 'loading') return <InlineLoading label={t('Loading the alignment report…')} />;
  if (report.status === 'error') return <ErrorBanner error={report.error} onRetry={data.reload} />;
  const r = report.report;
  // The server's list is what `alignment/set-goal` accepts; it is fetched each time the report opens.
  const choices: GoalChoice[] = r.goalChoices.filter((g) => g.status !== 'dropped');

  return (
    <div className="pv-report">
      <p className="pv-sr-only" role="status" aria-live="polite">
        {said}
      </p>
      {r.headline.epics === 0 ? (
        <EmptyState title={t('This project has no epics yet.')}>
          <p>{t("Once it has some, each epic should serve one of the project's business goals; the ones that don't are listed here.")}</p>
        </EmptyState>
      ) : (
        <Headline report={r} />
      )}
      {r.headline.epics > 0 || r.scan ? <ScanStatus report={r} data={data} /> : null}
      {r.latest ? (
        <div className="pv-grid-2">
          <PerGoal report={r} goals={goals} />
          <section className="pv-stack" aria-labelledby="pv-trend-title">
            <h3 id="pv-trend-title">{t('Coverage over time')}</h3>
            <TrendChart points={r.trend} title={t('Share of epics that serve a business goal')} />
          </section>
        </div>
      ) : r.headline.epics > 0 ? (
        <Message kind="info">
          <p>
            {t('The first daily snapshot will appear here tomorrow; admins can rescan now. Epics per goal, coverage weighted by work and the trend come from the snapshots.')}
          </p>
        </Message>
      ) : null}
      {r.headline.epics > 0 || r.headline.unaligned > 0 ? (
        <UnalignedEpics
          data={data}
          total={r.headline.unaligned}
          level={r.epicName}
          choices={choices}
          onAligned={(m) => setSaid(`${m} ${coverageSentence(adjustCoverage(r.headline, 1), r.epicName)}.`)}
        />
      ) : null}
    </div>
  );
}

function Headline({ report }: { report: AlignmentReport }) {
  const { headline, latest } = report;
  const weighted = latest && (latest.openIssueCoverage !== null || latest.storyPointCoverage !== null);
  return (
    <div className="pv-card">
      <div className="pv-headline">
        <div className="pv-figure">
          <span className="pv-big">{percent(headline.coverage)}</span>
          <span>
            {t('of {epicName} serve a business goal — {aligned} of {epics}', { epicName: levelPlural(report.epicName), aligned: headline.aligned.toLocaleString(uiLocale()), epics: headline.epics.toLocaleString(uiLocale()) })}
            {headline.asOf ? <span className="pv-small pv-subtlest"> {t('· as of {asOf}', { asOf: formatDateTime(headline.asOf) })}</span> : null}
          </span>
          <Meter share={headline.coverage} />
        </div>
        <div className="pv-figure">
          <span className={`pv-big ${headline.unaligned > 0 ? 'pv-big--warning' : 'pv-big--ok'}`}>{headline.unaligned.toLocaleString(uiLocale())}</span>
          <span>{headline.unaligned === 1 ? t('{epicName} is not tied to a business goal', { epicName: levelWord(report.epicName) }) : t('{epicName} are not tied to a business goal', { epicName: levelPlural(report.epicName) })}</span>
        </div>
      </div>
      {weighted && latest ? (
        <dl className="pv-weighted">
          {latest.openIssueCoverage !== null ? (
            <div>
              <dt>{t('Open work items under aligned epics')}</dt>
              <dd>{percent(latest.openIssueCoverage)}</dd>
            </div>
          ) : null}
          {latest.storyPointCoverage !== null ? (
            <div>
              <dt>{t('Story points under aligned epics')}</dt>
              <dd>{percent(latest.storyPointCoverage)}</dd>
            </div>
          ) : null}
          <div>
            <dt className="pv-subtlest">{t('from the snapshot of {date}', { date: formatDay(latest.date) })}</dt>
          </div>
        </dl>
      ) : null}
    </div>
  );
}

function ScanStatus({ report, data }: { report: AlignmentReport; data: AlignmentData }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const scan: ScanProgress | null = report.scan;
  const running = isScanning(scan);
  const mayRescan = report.canRescan ?? report.canEdit;

  const rescan = async () => {
    setBusy(true);
    setError(null);
    const res = await data.rescan();
    setBusy(false);
    if (!res.ok) setError(res.error);
  };

  const step = running && scan ? scanStep(scan) : null;
  return (
    <div className="pv-scan">
      <div className="pv-section-head">
        <p className="pv-small pv-muted">
          {running
            ? scan?.state === 'retrying'
              ? t('Scanning the epics — paused, retrying…')
              : t('Scanning the epics…')
            : report.latest
              ? t('Latest snapshot: {takenAt}', { takenAt: formatDateTime(report.latest.takenAt) })
              : t('No snapshot yet.')}
        </p>
        {mayRescan ? (
          <Button small busy={busy || running} onClick={() => void rescan()}>
            {running ? t('Scan running…') : busy ? t('Starting…') : t('Rescan now')}
          </Button>
        ) : null}
      </div>
      {step && scan ? (
        <>
          {step.seen !== null ? (
            <div
              role="progressbar"
              aria-label={t('Scan progress')}
              aria-valuemin={0}
              aria-valuemax={Math.max(step.total, step.seen)}
              aria-valuenow={step.seen}
              aria-valuetext={t('{text}: {seen} of {total}', { text: step.text, seen: formatNumber(step.seen), total: step.of })}
            >
              <Meter share={step.total > 0 ? step.seen / step.total : null} tone="info" />
            </div>
          ) : (
            <div role="progressbar" aria-label={t('Scan progress')} aria-valuetext={step.text}>
              <Meter share={scan.phase === 'saving' ? 1 : 0} tone="info" />
            </div>
          )}
          <p className="pv-small pv-muted">
            {step.seen !== null ? t('{text}: {seen} of {total}', { text: step.text, seen: formatNumber(step.seen), total: step.of }) : step.text}
            {scan.message ? ` · ${scan.message}` : ''}
          </p>
        </>
      ) : null}
      {scan?.state === 'failed' ? (
        <Message kind="warning" title={t('The last scan failed')}>
          <p>{scan.message ?? t('The scan stopped before it finished.')}</p>
          {mayRescan ? <p className="pv-small">{t('Rescan to try again.')}</p> : null}
        </Message>
      ) : null}
      {data.pollError ? (
        <ErrorBanner error={data.pollError} title={t("Could not refresh the scan's progress")} onRetry={data.resumePolling} />
      ) : null}
      {error ? (
        <ErrorBanner
          error={error}
          title={error.code === 'FORBIDDEN' ? t('Only project admins can rescan') : undefined}
          onRetry={() => void rescan()}
          onDismiss={() => setError(null)}
        />
      ) : null}
    </div>
  );
}

function PerGoal({ report, goals }: { report: AlignmentReport; goals: readonly Goal[] }) {
  const latest = report.latest!;
  const titles = useMemo(() => {
    const m = new Map<string, { title: string; status: Goal['status'] }>();
    for (const g of report.goalChoices) m.set(g.id, g);
    for (const g of goals) m.set(g.id, g);
    return m;
  }, [report.goalChoices, goals]);
  const rows = [...latest.perGoal].filter((p) => p.epics > 0).sort((a, b) => b.epics - a.epics);
  const of = latest.epics || 1;
  return (
    <section className="pv-stack" aria-labelledby="pv-pergoal-title">
      <h3 id="pv-pergoal-title">{t('Epics per goal')}</h3>
      <p className="pv-small pv-subtlest">
        {report.headline.asOf ? t('As of {asOf}.', { asOf: formatDateTime(report.headline.asOf) }) : t('From the snapshot of {date}.', { date: formatDay(latest.date) })}
        {report.snapshotStale ? t(' Goals changed since then, so these figures may be out of date until the next snapshot.') : ''}
      </p>
      {rows.length === 0 && latest.unaligned === 0 ? <p className="pv-muted">{t('No epics in that snapshot.')}</p> : null}
      <ul className="pv-bars">
        {rows.map((p) => {
          const g = titles.get(p.goalId);
          const name = g ? (g.status === 'dropped' ? t('{title} (dropped)', { title: g.title }) : g.title) : t('A deleted goal');
          return (
            <li key={p.goalId}>
              <span className="pv-bar-label">
                <span>{name}</span>
                <GoalEpicsLink
                  projectId={report.project.id}
                  goalId={p.goalId}
                  goalTitle={name}
                  label={t('{count} in Jira: the epics of “{title}”', { count: plural(p.epics, levelWord(report.epicName)), title: name })}
                >
                  {plural(p.epics, levelWord(report.epicName))}
                </GoalEpicsLink>
              </span>
              <Meter share={p.epics / of} />
            </li>
          );
        })}
        {latest.unaligned > 0 ? (
          <li>
            <span className="pv-bar-label">
              <span className="pv-epic-reason">{t('No business goal')}</span>
              <span>{plural(latest.unaligned, levelWord(report.epicName))}</span>
            </span>
            <Meter share={latest.unaligned / of} tone="warning" />
          </li>
        ) : null}
      </ul>
    </section>
  );
}
