/**
 * Launches and outcomes, shared by the settings page (admins edit) and the project page (everyone who
 * can browse the project reads). Closed when the page loads, so the page's one invoke stays
 * `project/load`; opening it asks for `launch/overview` (4 storage reads) and the first KPI's chart
 * (`kpi/chart`); an iteration's page, other launches and older years load when asked for.
 */
import { useCallback, useId, useState } from 'react';
import { focusSoon } from '../../shared/focus';
import type { LaunchChange, LaunchOverview, LaunchSummary } from '../../../src/contract/post-launch/post-launch';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { SelectField } from '../../shared/field';
import { formatDate } from '../../shared/format';
import { EmptyState, ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import { useResource } from '../../shared/use-resource';
import { IterationPage } from './iteration-page';
import { KpiSources } from './kpi-sources';
import { KpiTrend } from './kpi-trend';
import { LaunchForm } from './launch-forms';
import { LaunchSummaryView } from './launch-summary';
import { t } from '../../shared/i18n';
import './post-launch.style';

const Chevron = () => (
  <svg className="pl-chevron" width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M8.6 4.6 7.2 6l6 6-6 6 1.4 1.4 7.4-7.4z" />
  </svg>
);

export function PostLaunchSection({ editable }: { editable: boolean }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <section className="pv-section pl-section" aria-labelledby="pl-title">
      <div className="pv-section-head">
        <h2 id="pl-title">{t('Launches and outcomes')}</h2>
        <Button className="pl-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
          <Chevron />
          {open ? t('Hide launches and outcomes') : t('Show launches and outcomes')}
        </Button>
      </div>
      {!open ? (
        <p className="pv-muted">
          {t('After a launch: did each iteration move the KPIs toward their targets? Measurements, end-user feedback, decisions and the output shipped.')}
        </p>
      ) : null}
      <div id={bodyId} hidden={!open}>
        {open ? <Body editable={editable} /> : null}
      </div>
    </section>
  );
}

const loadOverview = () => call('launch/overview', {});

function Body({ editable }: { editable: boolean }) {
  const { state, reload } = useResource(loadOverview);
  if (state.status === 'loading') return <p className="pv-muted" role="status">{t('Loading launches…')}</p>;
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={reload} />;
  return <Ready initial={state.data} editable={editable} reload={reload} />;
}

function Ready({ initial, editable, reload }: { initial: LaunchOverview; editable: boolean; reload: () => void }) {
  const [overview, setOverview] = useState(initial);
  const [summary, setSummary] = useState<LaunchSummary | null>(initial.selected);
  const [iterationId, setIterationId] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState('');
  const [summaryError, setSummaryError] = useState<AppError | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const canEdit = editable && overview.canEdit;
  const { launchBook, kpis } = overview;

  const loadSummary = useCallback((launchId: string) => {
    setSummaryError(null);
    void call('launch/summary', { launchId }).then((r) => (r.ok ? setSummary(r.data) : setSummaryError(r.error)));
  }, []);

  const applyChange = (change: LaunchChange, message: string) => {
    setOverview((o) => ({ ...o, launchBook: change.launchBook }));
    setSummary(change.selected);
    if (!change.selected && change.launchBook.launches[0]) loadSummary(change.launchBook.launches[0].id);
    setNotice(message);
    setRefreshKey((k) => k + 1);
  };

  return (
    // A notice speaks of the last action only: any form sent below clears it.
    <div className="pl-body" onSubmitCapture={() => setNotice('')}>
      {notice ? (
        <Message kind="success" actions={<Button small appearance="subtle" onClick={() => setNotice('')}>{t('Dismiss')}</Button>}>
          <p>{notice}</p>
        </Message>
      ) : null}
      <div className="pl-bar">
        {launchBook.launches.length > 1 ? (
          <SelectField
            name="launch"
            label={t('Launch')}
            value={summary?.launch.id ?? ''}
            onChange={(launchId) => {
              setIterationId(null);
              loadSummary(launchId);
            }}
            options={launchBook.launches.map((l) => ({ value: l.id, label: `${l.name} — ${formatDate(l.date)}` }))}
          />
        ) : null}
        {canEdit && !recording ? (
          <Button appearance={launchBook.launches.length ? 'default' : 'primary'} data-focus="record-launch" onClick={() => setRecording(true)}>
            {t('Record a launch')}
          </Button>
        ) : null}
      </div>
      {recording ? (
        <LaunchForm
          baseRevision={launchBook.revision}
          today={overview.today}
          onCancel={() => {
            setRecording(false);
            focusSoon('[data-focus="record-launch"]');
          }}
          onDone={(change) => {
            setRecording(false);
            focusSoon('[data-focus="record-launch"]');
            setIterationId(null);
            applyChange(change, t('Recorded the launch “{value}”; KPI baselines captured.', { value: change.selected?.launch.name ?? '' }));
          }}
        />
      ) : null}
      {summaryError ? <ErrorBanner error={summaryError} onRetry={reload} /> : null}
      {summary ? (
        <LaunchSummaryView
          summary={summary}
          kpis={kpis}
          canEdit={canEdit}
          bookRevision={launchBook.revision}
          openIterationId={iterationId}
          onOpenIteration={(id) => setIterationId(id === iterationId ? null : id)}
          onLaunchChange={applyChange}
        />
      ) : launchBook.launches.length === 0 ? (
        <EmptyState title={t('No launches yet')}>
          <p>
            {canEdit
              ? t('Record a launch (a Jira version, or a date) to follow its KPIs, feedback and decisions in the iterations after it.')
              : t('A project admin records launches in Project settings → Product vision.')}
          </p>
        </EmptyState>
      ) : null}
      {summary && iterationId && summary.launch.iterations.some((i) => i.id === iterationId) ? (
        <IterationPage
          key={`${iterationId}:${launchBook.revision}`}
          launchId={summary.launch.id}
          iterationId={iterationId}
          editable={editable}
          bookRevision={launchBook.revision}
          onMeasured={() => {
            loadSummary(summary.launch.id);
            setRefreshKey((k) => k + 1);
          }}
          onLaunchChange={applyChange}
          onClose={() => {
            setIterationId(null);
            // Back to the button that opened it; if the iteration was deleted, to the list's next control.
            focusSoon(`[data-focus="open-iteration-${iterationId}"]`, '[data-focus="add-iteration"]', '[data-focus="record-launch"]');
          }}
        />
      ) : null}
      {kpis.length ? (
        <KpiTrend
          kpis={kpis}
          refreshKey={refreshKey}
          canEdit={canEdit}
          currentIterationId={summary?.currentIterationId ?? null}
          onChanged={() => summary && loadSummary(summary.launch.id)}
        />
      ) : null}
      {canEdit && kpis.length ? (
        <KpiSources
          kpis={kpis}
          sources={overview.sources}
          projectKey={overview.project.key}
          onChanged={(kpiId, source) => {
            setOverview((o) => ({ ...o, sources: [...o.sources.filter((s) => s.kpiId !== kpiId), ...(source ? [source] : [])] }));
            setRefreshKey((k) => k + 1);
            if (summary) loadSummary(summary.launch.id);
          }}
        />
      ) : null}
    </div>
  );
}
