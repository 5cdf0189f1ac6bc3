/** A launch across its iterations: per KPI, baseline at launch against the latest value; the iterations. */
import { useId, useState } from 'react';
import { focusSoon } from '../../shared/focus';
import type { Kpi } from '../../../src/contract/goals/model';
import type { LaunchChange, LaunchSummary } from '../../../src/contract/post-launch/post-launch';
import { ConfirmDialog } from '../../shared/dialog';
import { formatDate, withUnit, counted } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button } from '../../shared/ui';
import { call } from '../../shared/bridge';
import { IterationForm } from './launch-forms';
import { window } from './pl-text';
import { useAction, useBase } from './use-action';
import { StalledFlag, Tally, VerdictBadge, VerdictRule } from './verdict';
import { t } from '../../shared/i18n';
import { iterationLabel } from '../../shared/iteration-label';

export function LaunchSummaryView({
  summary,
  kpis,
  canEdit,
  bookRevision,
  openIterationId,
  onOpenIteration,
  onLaunchChange,
}: {
  summary: LaunchSummary;
  kpis: readonly Kpi[];
  canEdit: boolean;
  bookRevision: number;
  openIterationId: string | null;
  onOpenIteration: (iterationId: string) => void;
  onLaunchChange: (change: LaunchChange, message: string) => void;
}) {
  const { launch } = summary;
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const del = useAction();
  const [base, adopt] = useBase(bookRevision);
  const kpi = new Map(kpis.map((k) => [k.id, k]));
  const outcomes = new Map(summary.iterations.map((o) => [o.iterationId, o]));

  return (
    <section className="pl-card" aria-labelledby={`${id}-t`}>
      <div className="pl-head">
        <h3 id={`${id}-t`}>{launch.name}</h3>
        <span className="pl-sub">
          {t('Launched {date} · {value} · {length}', { date: formatDate(launch.date), value: launch.versionName ? t('version {versionName}', { versionName: launch.versionName }) : t('a dated launch'), length: counted(launch.iterations.length, t('{n} iteration'), t('{n} iterations')) })}
        </span>
      </div>

      {kpis.length === 0 ? (
        <p className="pv-muted">{t('This project has no KPIs yet: add them to its business goals to see outcomes here.')}</p>
      ) : (
        <div className="pl-table-wrap">
          <table className="pl-table">
            <caption>{t('Outcome since the launch')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('KPI')}</th>
                <th scope="col" className="pl-num">
                  {t('Baseline at launch')}
                </th>
                <th scope="col" className="pl-num">
                  {t('Latest')}
                </th>
                <th scope="col">{t('Verdict')}</th>
                {launch.iterations.map((it) => (
                  <th scope="col" key={it.id}>
                    {iterationLabel(it.name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.kpis.map((s) => {
                const k = kpi.get(s.kpiId);
                if (!k) return null;
                return (
                  <tr key={s.kpiId}>
                    <th scope="row">{k.name}</th>
                    {s.baseline ? (
                      <td className="pl-num">
                        {withUnit(s.baseline.value, k.unit)}
                        <div className="pl-sub">{s.baseline.from === 'defined' ? t('as defined') : formatDate(s.baseline.date)}</div>
                      </td>
                    ) : (
                      <td className="pl-num pl-sub">{t('Not tracked at this launch')}</td>
                    )}
                    <td className="pl-num">
                      {s.latest ? withUnit(s.latest.value, k.unit) : '–'}
                      <div className="pl-sub">{s.latest ? formatDate(s.latest.date) : ''}</div>
                    </td>
                    <td>
                      <VerdictBadge verdict={s.verdict} />
                    </td>
                    {launch.iterations.map((it) => {
                      const o = outcomes.get(it.id)?.kpis.find((x) => x.kpiId === s.kpiId);
                      return <td key={it.id}>{o ? <VerdictBadge verdict={o.verdict} short /> : null}</td>;
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <VerdictRule />

      <h4>{t('Iterations')}</h4>
      {launch.iterations.length === 0 ? <p className="pv-muted">{t('No iterations yet.')}</p> : null}
      <ul className="pl-iterations">
        {launch.iterations.map((it) => {
          const o = outcomes.get(it.id);
          const feedback = o ? o.feedback.positive + o.feedback.neutral + o.feedback.negative : 0;
          const current = it.id === summary.currentIterationId;
          const stalled = summary.stalledSince !== null && it.end === summary.stalledSince && !summary.currentIterationId;
          return (
            <li key={it.id} className="pl-iteration" aria-current={current || undefined}>
              {current ? <span className="pl-now">{t('Current')}</span> : null}
              {stalled ? <StalledFlag since={summary.stalledSince!} /> : null}
              <h4>{iterationLabel(it.name)}</h4>
              <span className="pl-sub">{window(it.start, it.end)}</span>
              {o ? <Tally tally={o.tally} /> : null}
              <span className="pl-sub">
                {counted(feedback, t('{n} feedback item'), t('{n} feedback items'))} · {counted(o?.decisions ?? 0, t('{n} decision'), t('{n} decisions'))}
              </span>
              <div>
                <Button small appearance={openIterationId === it.id ? 'primary' : 'default'} aria-pressed={openIterationId === it.id} data-focus={`open-iteration-${it.id}`} aria-label={t('Open iteration {name}', { name: iterationLabel(it.name) })} onClick={() => onOpenIteration(it.id)}>
                  {t('Open')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        adding ? (
          <IterationForm
            launchId={launch.id}
            iteration={null}
            baseRevision={bookRevision}
            onDone={(change) => {
              setAdding(false);
              onLaunchChange(change, t('Added the iteration.'));
              focusSoon('[data-focus="add-iteration"]');
            }}
            onCancel={() => {
              setAdding(false);
              focusSoon('[data-focus="add-iteration"]');
            }}
          />
        ) : (
          <div className="pv-row">
            <Button data-focus="add-iteration" onClick={() => setAdding(true)}>
              {t('Add iteration')}
            </Button>
            <Button appearance="subtle" onClick={() => setDeleting(true)}>
              {t('Delete launch')}
            </Button>
          </div>
        )
      ) : null}
      {del.error ? <ErrorBanner error={del.error} onDismiss={del.clear} /> : null}
      <ConfirmDialog
        open={deleting}
        title={t('Delete the launch “{name}”?', { name: launch.name })}
        confirmLabel={t('Delete launch')}
        busy={del.busy}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          void del.run(() => call('launch/delete', { launchId: launch.id, baseRevision: base })).then(adopt).then((r) => {
            setDeleting(false);
            if (r.ok) {
              onLaunchChange(r.data, t('Deleted the launch “{name}”.', { name: launch.name }));
              // Its buttons are gone: focus the section's own action.
              focusSoon('[data-focus="record-launch"]');
            }
          })
        }
      >
        <p>{t('Its iterations go with it. Measurements, feedback and decisions stay in the project.')}</p>
      </ConfirmDialog>
    </section>
  );
}
