/**
 * One iteration: the verdict per KPI, the output shipped (count and Jira search), the feedback and the
 * decisions; for admins, entering measurements, feedback and decisions. Loaded with `iteration/load`
 * when opened; older feedback and decisions page in on demand.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { Kpi } from '../../../src/contract/goals/model';
import {
  DECISION_KINDS,
  FEEDBACK_SOURCES,
  POST_LAUNCH_LIMITS,
  SENTIMENTS,
  type CreatableIssueType,
  type Decision,
  type DecisionIssues,
  type DecisionKind,
  type Feedback,
  type FeedbackSource,
  type IterationView,
  type LaunchChange,
  type MeasurementItem,
  type Sentiment,
} from '../../../src/contract/post-launch/post-launch';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { ConfirmDialog } from '../../shared/dialog';
import { SelectField, TextAreaField, TextField } from '../../shared/field';
import { formatDate, formatDateTime, quoted, withUnit, counted } from '../../shared/format';
import { t } from '../../shared/i18n';
import { IssueLink } from '../../shared/issue-link';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import { useResource } from '../../shared/use-resource';
import { JiraSearchLink } from './jira-search-link';
import { ActionAlerts, IterationForm } from './launch-forms';
import { notANumber, parseLocaleNumber } from '../../shared/locale-number';
import { useLocale } from '../../shared/use-locale';
import { SENTIMENT_LABEL, signed, SOURCE_LABEL, window } from './pl-text';
import { useAction, useBase } from './use-action';
import { StalledFlag, VerdictBadge, VerdictRule } from './verdict';
import { iterationLabel } from '../../shared/iteration-label';

/** Running today, or ended with nothing after it (tracking stalled); an ended iteration is never current. */
function IterationStateLine({ view }: { view: IterationView }) {
  if (view.current) return <p className="pl-now">{t('Current')}</p>;
  return view.stalledSince ? <StalledFlag since={view.stalledSince} /> : null;
}

export function IterationPage({
  launchId,
  iterationId,
  editable,
  bookRevision,
  onMeasured,
  onLaunchChange,
  onClose,
}: {
  launchId: string;
  iterationId: string;
  /** The surface edits (settings page); the server still decides with `canEdit`. */
  editable: boolean;
  bookRevision: number;
  /** Measurements, feedback or decisions changed: the launch summary and the chart are stale. */
  onMeasured: () => void;
  onLaunchChange: (change: LaunchChange, message: string) => void;
  onClose: () => void;
}) {
  const [notice, setNotice] = useState('');
  const id = useId();
  const fetchView = useCallback(() => call('iteration/load', { launchId, iterationId }), [launchId, iterationId]);
  // Quiet: after an entry the page stays as it is until the new view arrives.
  const { state, reload: load } = useResource(fetchView, { quiet: true });

  const changed = (message: string) => {
    setNotice(message);
    load();
    onMeasured();
  };

  if (state.status === 'loading') return <p className="pv-muted" role="status">{t('Loading the iteration…')}</p>;
  if (state.status === 'error') return <ErrorBanner error={state.error} onRetry={load} />;
  const { data: view } = state;
  const canEdit = editable && view.canEdit;
  const kpiName = new Map(view.kpis.map((k) => [k.id, k]));
  return (
    // A notice speaks of the last action only: any form sent below clears it.
    <section className="pl-card" aria-labelledby={`${id}-t`} onSubmitCapture={() => setNotice('')}>
      <div className="pl-head">
        <h3 id={`${id}-t`}>
          {t('Iteration “{name}”', { name: iterationLabel(view.iteration.name) })} <span className="pl-sub">{window(view.iteration.start, view.iteration.end)}</span>
        </h3>
        <Button small appearance="subtle" onClick={onClose}>
          {t('Close')}
        </Button>
      </div>
      <IterationStateLine view={view} />
      {notice ? <Message kind="success">{notice}</Message> : null}

      <Output view={view} />

      <div className="pl-table-wrap">
        <table className="pl-table">
          <caption>{t('Outcome in this iteration')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('KPI')}</th>
              <th scope="col" className="pl-num">
                {t('Started from')}
              </th>
              <th scope="col" className="pl-num">
                {t('Last in iteration')}
              </th>
              <th scope="col" className="pl-num">
                {t('Difference')}
              </th>
              <th scope="col" className="pl-num">
                {t('Measurements')}
              </th>
              <th scope="col">{t('Verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {view.outcome.kpis.map((o) => {
              const kpi = kpiName.get(o.kpiId)!;
              return (
                <tr key={o.kpiId}>
                  <th scope="row">{kpi.name}</th>
                  <td className="pl-num">
                    {o.open ? withUnit(o.open.value, kpi.unit) : '–'}
                    <div className="pl-sub">
                      {o.open?.from === 'baseline' ? t('baseline') : o.open?.date ? formatDate(o.open.date) : view.baselines[o.kpiId] ? '' : t('not tracked at this launch')}
                    </div>
                  </td>
                  <td className="pl-num">
                    {o.close ? withUnit(o.close.value, kpi.unit) : '–'}
                    <div className="pl-sub">{o.close ? formatDate(o.close.date) : ''}</div>
                  </td>
                  <td className="pl-num">{signed(o.change)}</td>
                  <td className="pl-num">{o.measurements}</td>
                  <td>
                    <VerdictBadge verdict={o.verdict} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <VerdictRule />

      {canEdit && view.kpis.length ? <MeasurementForm view={view} onDone={(m, k) => changed(t('Recorded {withUnit} for “{name}” on {date}.', { withUnit: withUnit(m.value, k.unit), name: k.name, date: formatDate(m.date) }))} /> : null}

      <FeedbackBlock view={view} canEdit={canEdit} onChanged={changed} />
      <DecisionBlock view={view} canEdit={canEdit} onChanged={changed} />

      {canEdit ? <IterationAdmin view={view} bookRevision={bookRevision} onLaunchChange={onLaunchChange} onClose={onClose} /> : null}
    </section>
  );
}

function Output({ view }: { view: IterationView }) {
  const { output } = view;
  const what = output.basis === 'version' ? view.iteration.versionName ? t('of {version} done', { version: view.iteration.versionName }) : t('of its version done') : t('done in these dates');
  return (
    <div className="pl-output">
      <span className="pv-muted">{t('Output shipped:')}</span>
      {output.count === null ? (
        <span className="pv-error">{output.error}</span>
      ) : (
        <>
          <span className="pl-output-count">{counted(output.count, t('{n} issue'), t('{n} issues'))}</span>
          <span>{what}</span>
        </>
      )}
      <JiraSearchLink jql={output.jql}>{t('See them in Jira')}</JiraSearchLink>
    </div>
  );
}

function MeasurementForm({ view, onDone }: { view: IterationView; onDone: (m: MeasurementItem, kpi: Kpi) => void }) {
  const { iteration, today } = view;
  const defaultDay = today < iteration.start ? iteration.start : today > iteration.end ? iteration.end : today;
  const [kpiId, setKpiId] = useState(view.kpis[0]!.id);
  const [date, setDate] = useState(defaultDay);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [replace, setReplace] = useState<MeasurementItem | null>(null);
  /** A value far outside the KPI's range: what the server asked, and the revision to resend with. */
  const [outlier, setOutlier] = useState<{ message: string; baseRevision: number } | null>(null);
  const action = useAction();
  const locale = useLocale();
  const kpi = view.kpis.find((k) => k.id === kpiId)!;

  async function send(baseRevision: number, confirmed = false) {
    const n = parseLocaleNumber(value, locale);
    if (n === null || !Number.isFinite(n)) {
      action.setErrors({ value: n === null ? t('Value is required.') : notANumber(t('Value'), locale) });
      return;
    }
    setReplace(null);
    setOutlier(null);
    const r = await action.run(() =>
      call('kpi/measure', {
        kpiId,
        date,
        value: n,
        note,
        baseRevision,
        iteration: { launchId: view.launch.id, iterationId: iteration.id },
        ...(confirmed ? { confirmed: true } : {}),
      }),
    );
    if (r.ok) {
      setValue('');
      setNote('');
      onDone(r.data, kpi);
    } else if (r.error.code === 'CONFLICT') {
      const current = (r.error.details as { current?: MeasurementItem | null } | undefined)?.current ?? null;
      if (current) setReplace(current);
    } else if (r.error.code === 'CONFIRMATION_REQUIRED') {
      action.clear();
      setOutlier({ message: r.error.message, baseRevision });
    }
  }

  return (
    <form
      className="pl-form"
      noValidate
      aria-label={t('Add a measurement')}
      onSubmit={(e) => {
        e.preventDefault();
        void send(0);
      }}
    >
      <h4>{t('Add a measurement')}</h4>
      <div className="pl-grid">
        <SelectField name="kpiId" label={t('KPI')} value={kpiId} onChange={setKpiId} options={view.kpis.map((k) => ({ value: k.id, label: k.name }))} error={action.errors.kpiId} />
        <TextField name="date" type="date" label={t('Date')} value={date} onChange={setDate} error={action.errors.date} help={t('Within {window}', { window: window(iteration.start, iteration.end) })} required />
        <TextField name="value" inputMode="decimal" label={kpi.unit ? t('Value ({unit})', { unit: kpi.unit }) : t('Value')} value={value} onChange={setValue} error={action.errors.value} required />
      </div>
      <TextField name="note" label={t('Note')} value={note} onChange={setNote} max={POST_LAUNCH_LIMITS.measurementNote} error={action.errors.note} />
      {outlier ? (
        <Message
          kind="warning"
          title={t('Far outside this KPI’s range')}
          actions={
            <>
              <Button small appearance="primary" onClick={() => void send(outlier.baseRevision, true)}>
                {t('Save it, marked as an outlier')}
              </Button>
              <Button small appearance="subtle" onClick={() => setOutlier(null)}>
                {t('Change it')}
              </Button>
            </>
          }
        >
          <p>{outlier.message}</p>
        </Message>
      ) : replace ? (
        <Message
          kind="warning"
          title={t('{date} already has a value', { date: formatDate(replace.date) })}
          actions={
            <>
              <Button small appearance="primary" onClick={() => void send(replace.revision)}>
                {t('Replace {withUnit}', { withUnit: withUnit(replace.value, kpi.unit) })}
              </Button>
              <Button small appearance="subtle" onClick={() => setReplace(null)}>
                {t('Keep it')}
              </Button>
            </>
          }
        >
          <p>{t('A KPI has one value a day. Replacing keeps the earlier value in the day’s history.')}</p>
        </Message>
      ) : (
        <ActionAlerts action={action} labels={{ kpiId: 'KPI', date: t('Date'), value: t('Value'), note: t('Note') }} />
      )}
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={action.busy}>
          {action.busy ? t('Adding…') : t('Add measurement')}
        </Button>
      </div>
    </form>
  );
}

function usePager<T>(first: { items: T[]; nextCursor: string | null }, fetch: (cursor: string) => Promise<{ ok: true; data: { items: T[]; nextCursor: string | null } } | { ok: false; error: AppError }>) {
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setItems(first.items);
    setCursor(first.nextCursor);
  }, [first]);
  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    const r = await fetch(cursor);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setItems((xs) => [...xs, ...r.data.items]);
    setCursor(r.data.nextCursor);
  };
  return { items, cursor, error, busy, more, setItems };
}

/** "Show older …" while a list has more pages, and the paging error if the last page failed. */
function OlderItems({ pager, what }: { pager: Pick<ReturnType<typeof usePager>, 'cursor' | 'busy' | 'error' | 'more'>; what: string }) {
  return (
    <>
      {pager.cursor ? (
        <Button small busy={pager.busy} onClick={() => void pager.more()}>
          {pager.busy ? t('Loading…') : t('Show older {what}', { what })}
        </Button>
      ) : null}
      {pager.error ? <ErrorBanner error={pager.error} /> : null}
    </>
  );
}

function FeedbackBlock({ view, canEdit, onChanged }: { view: IterationView; canEdit: boolean; onChanged: (message: string) => void }) {
  const ref = { launchId: view.launch.id, iterationId: view.iteration.id };
  const pager = usePager<Feedback>(view.feedback, (cursor) => call('feedback/list', { iteration: ref, cursor }));
  const counts = view.outcome.feedback;
  const total = counts.positive + counts.neutral + counts.negative;
  const names = new Map(view.people.map((p) => [p.accountId, p.displayName]));
  const kpis = new Map(view.kpis.map((k) => [k.id, k.name]));
  const [source, setSource] = useState<FeedbackSource>('interview');
  const [sentiment, setSentiment] = useState<Sentiment>('neutral');
  const [text, setText] = useState('');
  const [kpiId, setKpiId] = useState('');
  const action = useAction();
  return (
    <div className="pv-stack">
      <h4>
        {t('End-user feedback')} <span className="pl-sub">{total ? t('{total}: {positive} positive, {neutral} neutral, {negative} negative', { total: counted(total, t('{n} item'), t('{n} items')), positive: counts.positive, neutral: counts.neutral, negative: counts.negative }) : t('none yet')}</span>
      </h4>
      {pager.items.length ? (
        <ul className="pl-list">
          {pager.items.map((f) => (
            <li key={f.id} className={`pl-${f.sentiment}`}>
              <span className="pl-quote">{quoted(f.text)}</span>
              <span className="pl-meta">
                {SENTIMENT_LABEL()[f.sentiment]} · {SOURCE_LABEL()[f.source]}
                {f.kpiId && kpis.has(f.kpiId) ? t(' · about {kpi}', { kpi: kpis.get(f.kpiId) ?? '' }) : ''} · {names.get(f.by) ?? t('Unknown user')}, {formatDateTime(f.at)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <OlderItems pager={pager} what="feedback" />
      {canEdit ? (
        <form
          className="pl-form"
          noValidate
          aria-label={t('Add feedback')}
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() => call('feedback/create', { source, sentiment, text, goalId: null, kpiId: kpiId || null, iteration: ref }))
              .then((r) => {
                if (!r.ok) return;
                setText('');
                onChanged(t('Added the feedback.'));
              });
          }}
        >
          <h4>{t('Add feedback')}</h4>
          <div className="pl-grid">
            <SelectField name="source" label={t('Source')} value={source} onChange={(v) => setSource(v as FeedbackSource)} options={FEEDBACK_SOURCES.map((s) => ({ value: s, label: SOURCE_LABEL()[s] }))} error={action.errors.source} />
            <SelectField name="sentiment" label={t('Sentiment')} value={sentiment} onChange={(v) => setSentiment(v as Sentiment)} options={SENTIMENTS.map((s) => ({ value: s, label: SENTIMENT_LABEL()[s] }))} error={action.errors.sentiment} />
            <SelectField name="kpiId" label={t('About KPI')} value={kpiId} onChange={setKpiId} options={[{ value: '', label: t('No KPI in particular') }, ...view.kpis.map((k) => ({ value: k.id, label: k.name }))]} error={action.errors.kpiId} />
          </div>
          <TextAreaField name="text" label={t('Quote or summary')} value={text} onChange={setText} max={POST_LAUNCH_LIMITS.feedbackText} error={action.errors.text} required />
          <ActionAlerts action={action} labels={{ source: t('Source'), sentiment: t('Sentiment'), kpiId: t('About KPI'), text: t('Quote or summary') }} />
          <div className="pv-form-foot">
            <Button type="submit" appearance="primary" busy={action.busy}>
              {action.busy ? t('Adding…') : t('Add feedback')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

const KIND_LABEL = (): Record<DecisionKind, string> => ({ decision: t('Decision'), 'next-step': t('Next step') });

/** Jira's status category as a lozenge: to do (neutral), in progress (blue), done (green). */
const STATUS_TONE: Record<string, string> = { new: '', indeterminate: ' pv-lozenge--active', done: ' pv-lozenge--achieved' };

/** Merges the status answers of the pages loaded so far (each page's search covers the whole iteration). */
function mergeIssues(a: DecisionIssues | undefined, b: DecisionIssues | undefined): DecisionIssues | undefined {
  if (!a) return b;
  if (!b) return a;
  if (!a.ok) return b.ok ? b : a;
  return b.ok ? { ok: true, found: { ...a.found, ...b.found } } : a;
}

/** The issue a decision became and its status in Jira now, as this viewer sees it. */
function DecisionIssueLine({ decision, issues }: { decision: Decision; issues: DecisionIssues | undefined }) {
  const found = issues?.ok ? issues.found[decision.id] : undefined;
  const key = found?.key ?? decision.issue?.key;
  if (!key) return null;
  return (
    <span className="pl-meta">
      <span>{t('Jira issue')}</span>
      <IssueLink issueKey={key} />
      {found?.status ? (
        <span className={`pv-lozenge${STATUS_TONE[found.status.category] ?? ''}`} data-testid="decision-issue-status">
          {found.status.name}
        </span>
      ) : issues && !issues.ok ? (
        <span className="pv-muted">{t('Status unavailable: {reason}', { reason: issues.error })}</span>
      ) : issues?.ok ? (
        <span className="pv-muted">{t('Not visible to you in Jira, or deleted')}</span>
      ) : null}
    </span>
  );
}

/** Turns a decision into a Jira issue of the chosen type, created as this user (Jira decides whether they may). */
function CreateIssueForm({
  view,
  decision,
  types,
  onCreated,
  onCancel,
}: {
  view: IterationView;
  decision: Decision;
  types: readonly CreatableIssueType[];
  onCreated: (d: Decision) => void;
  onCancel: () => void;
}) {
  const [typeId, setTypeId] = useState(types.find((x) => x.hierarchyLevel === 0)?.id ?? types[0]!.id);
  const action = useAction();
  const label = t('Issue type');
  return (
    <form
      className="pv-stack"
      noValidate
      aria-label={t('Create a Jira issue from this item')}
      onSubmit={(e) => {
        e.preventDefault();
        // The button stays busy while the request runs; the server makes one issue however often it is asked.
        if (action.busy) return;
        void action
          .run(() => call('iteration/create-issue', { launchId: view.launch.id, iterationId: view.iteration.id, decisionId: decision.id, issueTypeId: typeId }))
          .then((r) => r.ok && onCreated(r.data));
      }}
    >
      <div className="pv-row">
        <SelectField name="issueTypeId" label={label} value={typeId} onChange={setTypeId} options={types.map((x) => ({ value: x.id, label: x.name }))} error={action.errors.issueTypeId} />
      </div>
      <ActionAlerts action={action} labels={{ issueTypeId: label }} />
      <div className="pv-row">
        <Button type="submit" small appearance="primary" busy={action.busy}>
          {action.busy ? t('Creating…') : t('Create issue')}
        </Button>
        <Button small appearance="subtle" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </div>
    </form>
  );
}

function DecisionBlock({ view, canEdit, onChanged }: { view: IterationView; canEdit: boolean; onChanged: (message: string) => void }) {
  const ref = { launchId: view.launch.id, iterationId: view.iteration.id };
  const [issues, setIssues] = useState<DecisionIssues | undefined>(view.decisions.issues);
  useEffect(() => setIssues(view.decisions.issues), [view.decisions.issues]);
  const pager = usePager<Decision>(view.decisions, async (cursor) => {
    const r = await call('iteration/decisions', { ...ref, cursor });
    if (r.ok) setIssues((now) => mergeIssues(now, r.data.issues));
    return r;
  });
  const names = new Map(view.people.map((p) => [p.accountId, p.displayName]));
  const [kind, setKind] = useState<DecisionKind>('decision');
  const [text, setText] = useState('');
  const action = useAction();
  // The issue types this user may create here (none: no button). Asked once, only when something could become an issue.
  const [types, setTypes] = useState<CreatableIssueType[]>([]);
  const [making, setMaking] = useState<string | null>(null);
  const unlinked = pager.items.some((d) => !d.issue);
  useEffect(() => {
    if (!unlinked) return;
    let live = true;
    void call('iteration/issue-types', {}).then((r) => live && r.ok && setTypes(r.data));
    return () => {
      live = false;
    };
  }, [unlinked]);
  return (
    <div className="pv-stack">
      <h4>
        {t('Decisions and next steps')} <span className="pl-sub">{view.outcome.decisions ? counted(view.outcome.decisions, t('{n} item'), t('{n} items')) : t('none yet')}</span>
      </h4>
      {pager.items.length ? (
        <ul className="pl-list">
          {pager.items.map((d) => {
            const linked = Boolean(d.issue || (issues?.ok && issues.found[d.id]));
            return (
              <li key={d.id}>
                <span className="pl-quote">
                  <strong>{KIND_LABEL()[d.kind]}:</strong> {d.text}
                </span>
                <span className="pl-meta">
                  {names.get(d.by) ?? t('Unknown user')}, {formatDateTime(d.at)}
                </span>
                <DecisionIssueLine decision={d} issues={issues} />
                {!linked && types.length ? (
                  making === d.id ? (
                    <CreateIssueForm
                      view={view}
                      decision={d}
                      types={types}
                      onCancel={() => setMaking(null)}
                      onCreated={(next) => {
                        setMaking(null);
                        pager.setItems((xs) => xs.map((x) => (x.id === next.id ? next : x)));
                        onChanged(
                          d.kind === 'decision'
                            ? t('Created {key} from the decision.', { key: next.issue?.key ?? '' })
                            : t('Created {key} from the next step.', { key: next.issue?.key ?? '' }),
                        );
                      }}
                    />
                  ) : (
                    <div>
                      <Button small aria-label={t('Create Jira issue from “{text}”', { text: d.text.slice(0, 60) })} onClick={() => setMaking(d.id)}>
                        {t('Create Jira issue')}
                      </Button>
                    </div>
                  )
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <OlderItems pager={pager} what="decisions" />
      {canEdit ? (
        <form
          className="pl-form"
          noValidate
          aria-label={t('Add a decision')}
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(() => call('iteration/decide', { ...ref, kind, text })).then((r) => {
              if (!r.ok) return;
              setText('');
              onChanged(kind === 'decision' ? t('Added the decision.') : t('Added the next step.'));
            });
          }}
        >
          <div className="pl-grid">
            <SelectField name="kind" label={t('Kind')} value={kind} onChange={(v) => setKind(v as DecisionKind)} options={DECISION_KINDS.map((k) => ({ value: k, label: KIND_LABEL()[k] }))} />
          </div>
          <TextAreaField name="text" label={t('What was decided, or what comes next')} value={text} onChange={setText} max={POST_LAUNCH_LIMITS.decisionText} error={action.errors.text} required rows={2} />
          <ActionAlerts action={action} labels={{ kind: t('Kind'), text: t('What was decided, or what comes next') }} />
          <div className="pv-form-foot">
            <Button type="submit" busy={action.busy}>
              {action.busy ? t('Adding…') : t('Add')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function IterationAdmin({
  view,
  bookRevision,
  onLaunchChange,
  onClose,
}: {
  view: IterationView;
  bookRevision: number;
  onLaunchChange: (change: LaunchChange, message: string) => void;
  onClose: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const del = useAction();
  const [base, adopt] = useBase(bookRevision);
  const send = async (confirm: boolean) => {
    const r = adopt(
      await del.run(() =>
        call('iteration/delete', { launchId: view.launch.id, iterationId: view.iteration.id, baseRevision: base, ...(confirm ? { confirm: true } : {}) }),
      ),
    );
    if (r.ok) {
      setConfirming(null);
      onLaunchChange(r.data, t('Deleted the iteration “{name}”.', { name: iterationLabel(view.iteration.name) }));
      onClose();
    } else if (r.error.code === 'CONFIRMATION_REQUIRED') {
      del.clear();
      setConfirming(r.error.message);
    }
  };
  return (
    <div className="pv-stack">
      {editing ? (
        <IterationForm
          launchId={view.launch.id}
          iteration={view.iteration}
          baseRevision={bookRevision}
          onDone={(change) => {
            setEditing(false);
            onLaunchChange(change, t('Saved the iteration “{name}”.', { name: iterationLabel(view.iteration.name) }));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="pv-row">
          <Button small onClick={() => setEditing(true)}>
            {t('Edit iteration')}
          </Button>
          <Button small appearance="subtle" busy={del.busy} onClick={() => void send(false)}>
            {t('Delete iteration')}
          </Button>
        </div>
      )}
      {del.error ? <ErrorBanner error={del.error} onDismiss={del.clear} /> : null}
      <ConfirmDialog
        open={confirming !== null}
        title={t('Delete “{name}”?', { name: iterationLabel(view.iteration.name) })}
        confirmLabel={t('Delete iteration')}
        busy={del.busy}
        onConfirm={() => void send(true)}
        onCancel={() => setConfirming(null)}
      >
        <p>{confirming}</p>
      </ConfirmDialog>
    </div>
  );
}
