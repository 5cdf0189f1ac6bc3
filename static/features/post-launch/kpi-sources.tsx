/** Admins: how each KPI is measured, by hand or automatically (a JQL counted every day). */
import { useId, useState } from 'react';
import type { Kpi } from '../../../src/contract/goals/model';
import { POST_LAUNCH_LIMITS, type JqlPreview, type KpiSource } from '../../../src/contract/post-launch/post-launch';
import { call } from '../../shared/bridge';
import { TextAreaField } from '../../shared/field';
import { formatDate, withUnit, kpiStatusLabel } from '../../shared/format';
import { JiraSearchLink } from './jira-search-link';
import { Button, Message } from '../../shared/ui';
import { ActionAlerts } from './launch-forms';
import { useAction } from './use-action';
import { t, uiLocale } from '../../shared/i18n';

export function KpiSources({
  kpis,
  sources,
  projectKey,
  onChanged,
}: {
  kpis: readonly Kpi[];
  sources: readonly KpiSource[];
  projectKey: string;
  onChanged: (kpiId: string, source: KpiSource | null) => void;
}) {
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const byKpi = new Map(sources.map((s) => [s.kpiId, s]));
  return (
    <section className="pl-card" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{t('How KPIs are measured')}</h3>
      <p className="pv-small pv-muted">
        {t(
          'Enter values by hand on an iteration, or give a JQL: the app counts its issues every day and records the count as the day’s value. The JQL names its projects: start it with “project = {key} AND …”, or “project in ({key}, OTHER) AND …” to count other projects you may browse too. People who may not browse those see the counts only.',
          { key: projectKey },
        )}
      </p>
      <div className="pl-table-wrap">
        <table className="pl-table">
          <thead>
            <tr>
              <th scope="col">{t('KPI')}</th>
              <th scope="col">{t('Measured')}</th>
              <th scope="col">
                <span className="pv-sr-only">{t('Change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {kpis.map((k) => {
              const s = byKpi.get(k.id);
              return (
                <tr key={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>
                    {s?.hidden ? (
                      <>
                        {t('Every day, by a JQL over projects you may not browse.')}
                        <div className="pl-sub">{t('Only an admin who may browse every project it counts can see or change it.')}</div>
                        {s.lastRun ? (
                          <div className={s.lastRun.error ? 'pv-error' : 'pl-sub'}>
                            {s.lastRun.error
                              ? t('Last run ({date}): {error}', { date: formatDate(s.lastRun.date), error: s.lastRun.error })
                              : t('Last count: {count} on {date}', { count: s.lastRun.count ?? '', date: formatDate(s.lastRun.date) })}
                          </div>
                        ) : null}
                      </>
                    ) : s ? (
                      <>
                        {t('Every day, by JQL:')} <code>{s.jql}</code>{' '}
                        <JiraSearchLink jql={s.jql}>{t('See the issues in Jira')}</JiraSearchLink>
                        {s.otherProjects?.length ? (
                          <div className="pl-sub">{t('Also counts issues of: {keys}', { keys: s.otherProjects.map((p) => p.key).join(', ') })}</div>
                        ) : null}
                        {s.lastRun ? (
                          <div className={s.lastRun.error ? 'pv-error' : 'pl-sub'}>
                            {s.lastRun.error ? t('Last run ({date}): {error}', { date: formatDate(s.lastRun.date), error: s.lastRun.error }) : t('Last count: {count} on {date}', { count: s.lastRun.count ?? '', date: formatDate(s.lastRun.date) })}
                          </div>
                        ) : null}
                      </>
                    ) : (
                      t('By hand')
                    )}
                    {editing === k.id ? (
                      <JqlForm
                        kpi={k}
                        source={s ?? null}
                        onStale={(now) => onChanged(k.id, now)}
                        onDone={(next) => {
                          setEditing(null);
                          onChanged(k.id, next);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    ) : null}
                  </td>
                  <td>
                    {editing === k.id || s?.hidden ? null : (
                      <Button small aria-label={s ? t('Change how {name} is measured', { name: k.name }) : t('Measure by JQL: {name}', { name: k.name })} onClick={() => setEditing(k.id)}>
                        {s ? t('Change') : t('Measure by JQL')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function JqlForm({
  kpi,
  source,
  onDone,
  onStale,
  onCancel,
}: {
  kpi: Kpi;
  source: KpiSource | null;
  onDone: (s: KpiSource | null) => void;
  /** Someone else changed the source meanwhile: the table shows theirs, the form keeps this admin's text to save again. */
  onStale: (now: KpiSource | null) => void;
  onCancel: () => void;
}) {
  const [jql, setJql] = useState(source?.jql ?? '');
  // The source this admin saw: sent with the change, so another admin's change since is not overwritten unseen.
  const [base, setBase] = useState(source?.jql ?? null);
  // What the JQL counts today, for the text it was counted for: saving needs one for the text as it is.
  const [preview, setPreview] = useState<(JqlPreview & { jql: string }) | null>(null);
  const action = useAction();
  const shown = preview && preview.jql === jql ? preview : null;
  const count = () =>
    void action.run(() => call('kpi/preview-jql', { kpiId: kpi.id, jql })).then((r) => r.ok && setPreview({ ...r.data, jql }));
  const save = (value: string | null) =>
    void action.run(() => call('kpi/set-jql', { kpiId: kpi.id, jql: value, baseJql: base })).then((r) => {
      if (r.ok) return onDone(r.data);
      if (r.error.code !== 'CONFLICT') return;
      const now = (r.error.details as { current?: KpiSource | null } | undefined)?.current ?? null;
      setBase(now?.jql ?? null);
      onStale(now);
    });
  return (
    <form
      className="pl-form"
      noValidate
      aria-label={t('Automatic measurement of {name}', { name: kpi.name })}
      onSubmit={(e) => {
        e.preventDefault();
        if (shown) save(jql);
        else count();
      }}
    >
      <TextAreaField name="jql" label={t('JQL')} value={jql} onChange={setJql} max={POST_LAUNCH_LIMITS.jql} error={action.errors.jql} rows={2} required help={t('Checked by Jira and counted before anything is saved.')} />
      {shown ? <PreviewNote kpi={kpi} preview={shown} /> : null}
      <ActionAlerts action={action} labels={{ jql: 'JQL' }} />
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={action.busy}>
          {action.busy ? t('Checking with Jira…') : shown ? t('Save JQL (today: {count})', { count: shown.count.toLocaleString(uiLocale()) }) : t('Count now')}
        </Button>
        {source ? (
          <Button appearance="subtle" onClick={() => save(null)}>
            {t('Measure by hand instead')}
          </Button>
        ) : null}
        <Button appearance="subtle" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Today's count and what it would do to the KPI, before the admin saves the JQL. */
function PreviewNote({ kpi, preview }: { kpi: Kpi; preview: JqlPreview }) {
  const { statusNow, statusAfter } = preview;
  return (
    <Message kind={preview.changesScale || statusAfter !== statusNow ? 'warning' : 'info'} title={t('Today’s count: {count}', { count: preview.count.toLocaleString(uiLocale()) })}>
      <p>
        {t('{value}With this count:', { value: preview.latest ? t('Now {withUnit} ({date}): {value}. ', { withUnit: withUnit(preview.latest.value, kpi.unit), date: formatDate(preview.latest.date), value: kpiStatusLabel(statusNow) }) : '' })} <strong>{kpiStatusLabel(statusAfter)}</strong>.
        {preview.changesScale ? t(' Measured differently from today: the chart marks the switch and verdicts do not compare across it.') : ''}
        {preview.outlier ? t(' Far outside the baseline and target: it is marked as an outlier.') : ''}
      </p>
    </Message>
  );
}
