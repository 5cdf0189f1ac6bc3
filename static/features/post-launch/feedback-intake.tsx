/**
 * Admins: feedback from Jira. The project's feedback sources (a JQL each, e.g. a service desk's requests
 * of one type) with where each stands, *Fetch now* (the page follows the fetch until it ends), and the
 * items brought in that wait for triage: what they are about, their sentiment, their iteration.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { INTAKE_LIMITS, type IntakeSourceStatus, type IntakeView, type UntriagedItem } from '../../../src/contract/post-launch/intake';
import { SENTIMENTS, type Sentiment } from '../../../src/contract/post-launch/post-launch';
import { call } from '../../shared/bridge';
import { SelectField, TextAreaField } from '../../shared/field';
import { formatDate, formatDateTime, indexPeople, personName, type PeopleIndex } from '../../shared/format';
import { t } from '../../shared/i18n';
import { IssueLink } from '../../shared/issue-link';
import { ErrorBanner, ErrorState, Loading } from '../../shared/states';
import { Button } from '../../shared/ui';
import { useResource } from '../../shared/use-resource';
import { ActionAlerts } from './launch-forms';
import { useAction } from './use-action';
import { iterationLabel } from '../../shared/iteration-label';

const POLL_MS = 2000;
const fetching = (s: IntakeSourceStatus) => s.state === 'running' || s.state === 'retrying';
const load = () => call('intake/view', {});

/** The opened section: loads the sources and the items to triage (feedback-intake-section.tsx loads this module). */
export function IntakeBody() {
  const { state, reload, patch } = useResource(load, { quiet: true });
  const busy = state.status === 'ready' && state.data.sources.some(fetching);
  // While a fetch runs, the page follows it.
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, state, reload]);
  const setSource = useCallback(
    (s: IntakeSourceStatus) => patch((v) => ({ ...v, sources: v.sources.some((x) => x.id === s.id) ? v.sources.map((x) => (x.id === s.id ? s : x)) : [...v.sources, s] })),
    [patch],
  );

  return (
    <>
      {state.status === 'loading' ? <Loading label={t('Loading feedback sources…')} /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <>
          <Sources view={state.data} onSource={setSource} onRemoved={(sid) => patch((v) => ({ ...v, sources: v.sources.filter((s) => s.id !== sid) }))} />
          <Triage view={state.data} onDone={(fid) => patch((v) => ({ ...v, untriaged: v.untriaged.filter((u) => u.feedback.id !== fid) }))} onMore={(more) => patch((v) => ({ ...v, ...more, untriaged: [...v.untriaged, ...more.untriaged] }))} />
        </>
      ) : null}
    </>
  );
}

function statusText(s: IntakeSourceStatus): string {
  switch (s.state) {
    case 'idle':
      return t('Not fetched yet.');
    case 'running':
      return t('Fetching… {n} new so far.', { n: s.added });
    case 'retrying':
      return `${t('Fetching… {n} new so far.', { n: s.added })} ${s.message ?? ''}`;
    case 'done':
      return t('Last fetched {when}: {n} new.', { when: formatDateTime(s.updatedAt), n: s.added });
    case 'capped':
      return t('{n} brought in today; the rest come tomorrow.', { n: s.today });
    case 'failing':
      return t('Failing: {message}', { message: s.message ?? '' });
    case 'stopped':
      return s.message ?? t('Stopped; the next daily run goes on.');
  }
}

function Sources({ view, onSource, onRemoved }: { view: IntakeView; onSource: (s: IntakeSourceStatus) => void; onRemoved: (id: string) => void }) {
  const [jql, setJql] = useState('');
  const add = useAction();
  const row = useAction();
  const full = view.sources.length >= INTAKE_LIMITS.sourcesPerProject;
  return (
    <div className="pl-card">
      {view.sources.length ? (
        <div className="pl-table-wrap">
          <table className="pl-table">
            <caption>{t('Feedback sources')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('JQL')}</th>
                <th scope="col">{t('Status')}</th>
                <th scope="col" className="pl-num">
                  {t('Brought in')}
                </th>
                <th scope="col">
                  <span className="pv-sr-only">{t('Actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.sources.map((s) => (
                <tr key={s.id}>
                  <td>
                    <code>{s.jql}</code>
                  </td>
                  <td role="status" className={s.state === 'failing' ? 'pv-error' : undefined}>
                    {statusText(s)}
                  </td>
                  <td className="pl-num">{s.total.toLocaleString()}</td>
                  <td>
                    <div className="pv-row">
                      <Button small busy={fetching(s)} disabled={fetching(s) || row.busy} aria-label={fetching(s) ? undefined : t('Fetch now: {jql}', { jql: s.jql })} onClick={() => void row.run(() => call('intake/fetch', { sourceId: s.id })).then((r) => r.ok && onSource(r.data))}>
                        {fetching(s) ? t('Fetching…') : t('Fetch now')}
                      </Button>
                      <Button small appearance="subtle" disabled={row.busy} aria-label={t('Remove the source {jql}', { jql: s.jql })} onClick={() => void row.run(() => call('intake/remove-source', { sourceId: s.id })).then((r) => r.ok && onRemoved(s.id))}>
                        {t('Remove')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="pv-muted">{t('No feedback sources yet.')}</p>
      )}
      {row.error ? <ErrorBanner error={row.error} onDismiss={row.clear} /> : null}
      <form
        className="pl-form"
        noValidate
        aria-label={t('Add a feedback source')}
        onSubmit={(e) => {
          e.preventDefault();
          void add.run(() => call('intake/add-source', { jql })).then((r) => {
            if (!r.ok) return;
            onSource(r.data);
            setJql('');
          });
        }}
      >
        <TextAreaField
          name="jql"
          label={t('JQL of a new source')}
          value={jql}
          onChange={setJql}
          max={INTAKE_LIMITS.jql}
          rows={2}
          required
          error={add.errors.jql}
          readOnly={full}
          help={full ? t('A project has at most {n} sources; remove one first.', { n: INTAKE_LIMITS.sourcesPerProject }) : t('For example: project = SD AND "Request Type" = "Report a bug". Jira checks it as you, and it may read only projects you can browse.')}
        />
        <ActionAlerts action={add} labels={{ jql: 'JQL' }} />
        <div className="pv-form-foot">
          <Button type="submit" appearance="primary" busy={add.busy} disabled={full}>
            {add.busy ? t('Checking with Jira…') : t('Add source')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function Triage({ view, onDone, onMore }: { view: IntakeView; onDone: (feedbackId: string) => void; onMore: (more: IntakeView) => void }) {
  const id = useId();
  const people = indexPeople(view.people);
  const more = useAction();
  return (
    <div className="pl-card" aria-labelledby={`${id}-t`} role="region">
      <h3 id={`${id}-t`}>{t('To triage ({n})', { n: view.untriaged.length })}</h3>
      {view.untriaged.length === 0 ? <p className="pv-muted">{t('Nothing waits for triage.')}</p> : null}
      {view.untriaged.map((item) => (
        <TriageItem key={item.feedback.id} item={item} view={view} people={people} onDone={() => onDone(item.feedback.id)} />
      ))}
      {view.nextCursor ? (
        <Button
          small
          busy={more.busy}
          onClick={() => void more.run(() => call('intake/view', { cursor: view.nextCursor ?? undefined })).then((r) => r.ok && onMore(r.data))}
        >
          {t('Show more')}
        </Button>
      ) : null}
    </div>
  );
}

const SENTIMENT_LABEL = (s: Sentiment) => (s === 'positive' ? t('Positive') : s === 'negative' ? t('Negative') : t('Neutral'));

function TriageItem({ item, view, people, onDone }: { item: UntriagedItem; view: IntakeView; people: PeopleIndex; onDone: () => void }) {
  const f = item.feedback;
  const [about, setAbout] = useState('');
  const [sentiment, setSentiment] = useState<Sentiment>(f.sentiment);
  const [iteration, setIteration] = useState(item.suggested ? `${item.suggested.launchId}/${item.suggested.iterationId}` : '');
  const action = useAction();
  const save = () => {
    const [kind, aboutId] = about.split(':');
    const [launchId, iterationId] = iteration.split('/');
    void action
      .run(() =>
        call('intake/triage', {
          feedbackId: f.id,
          sentiment,
          goalId: kind === 'goal' ? aboutId! : null,
          kpiId: kind === 'kpi' ? aboutId! : null,
          iteration: launchId && iterationId ? { launchId, iterationId } : null,
        }),
      )
      .then((r) => r.ok && onDone());
  };
  const discard = () => void action.run(() => call('feedback/delete', { feedbackId: f.id })).then((r) => r.ok && onDone());
  return (
    <form
      className="pl-form"
      noValidate
      aria-label={t('Triage {key}', { key: f.issue?.key ?? '' })}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <p>
        {f.issue ? <IssueLink issueKey={f.issue.key} /> : null} {f.text}
        <span className="pl-sub">
          {' '}
          · {f.by ? personName(people, f.by) : t('No reporter')} · {formatDate(f.at.slice(0, 10))}
        </span>
      </p>
      <div className="pv-row">
        <SelectField
          name="about"
          label={t('About')}
          value={about}
          onChange={setAbout}
          error={action.errors.goalId ?? action.errors.kpiId}
          options={[
            { value: '', label: t('No goal or KPI') },
            ...view.goals.map((g) => ({ value: `goal:${g.id}`, label: t('Goal: {title}', { title: g.title }) })),
            ...view.kpis.map((k) => ({ value: `kpi:${k.id}`, label: t('KPI: {name}', { name: k.name }) })),
          ]}
        />
        <SelectField name="sentiment" label={t('Sentiment')} value={sentiment} onChange={(v) => setSentiment(v as Sentiment)} options={SENTIMENTS.map((s) => ({ value: s, label: SENTIMENT_LABEL(s) }))} />
        <SelectField
          name="iteration"
          label={t('Iteration')}
          value={iteration}
          onChange={setIteration}
          error={action.errors.iteration}
          options={[
            { value: '', label: t('No iteration') },
            ...view.iterations.map((it) => ({ value: `${it.launchId}/${it.iterationId}`, label: `${it.launchName} · ${iterationLabel(it.name)} (${formatDate(it.start)} – ${formatDate(it.end)})` })),
          ]}
        />
      </div>
      <ActionAlerts action={action} labels={{ goalId: t('About'), kpiId: t('About'), iteration: t('Iteration') }} />
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" small busy={action.busy} aria-label={f.issue ? t('Save triage of {key}', { key: f.issue.key }) : undefined}>
          {t('Save triage')}
        </Button>
        <Button small appearance="subtle" onClick={discard} disabled={action.busy} aria-label={f.issue ? t('Discard {key}', { key: f.issue.key }) : undefined}>
          {t('Discard')}
        </Button>
      </div>
    </form>
  );
}
