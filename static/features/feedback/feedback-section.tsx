/**
 * The project page's user feedback: when the project last heard from its users, "Give feedback" for
 * everyone who may browse it, and the newest feedback, 20 a page. Authors delete their own items; admins
 * delete any and triage them (source, sentiment, goal or KPI, iteration).
 */
import { useCallback, useState } from 'react';
import type { GoalBook } from '../../../src/contract/goals/model';
import { FEEDBACK_SOURCES, SENTIMENTS, type Feedback, type FeedbackCadence, type FeedbackPage, type FeedbackSource, type LaunchBook, type Sentiment } from '../../../src/contract/post-launch/post-launch';
import { call } from '../../shared/bridge';
import { SelectField } from '../../shared/field';
import { formatDateTime, personName, quoted, type PeopleIndex } from '../../shared/format';
import { focusSoon } from '../../shared/focus';
import { t } from '../../shared/i18n';
import { EmptyState, ErrorBanner, ErrorState, Loading } from '../../shared/states';
import { Button } from '../../shared/ui';
import { useResource } from '../../shared/use-resource';
import { useAction } from '../post-launch/use-action';
import { CadenceLine } from './feedback-cadence';
import { sentimentLabel, sourceLabel } from './feedback-text';
import { GiveFeedback, type AboutChoice } from './give-feedback';
import { iterationLabel } from '../../shared/iteration-label';

const listFirst = () => call('feedback/list', {});

/** Nothing in particular, each goal, each KPI (under its goal). */
export function aboutChoices(book: GoalBook): AboutChoice[] {
  const goals = new Map(book.goals.map((g) => [g.id, g.title]));
  return [
    { value: '', label: t('Nothing in particular'), goalId: null, kpiId: null },
    ...book.goals.map((g) => ({ value: `goal:${g.id}`, label: t('Goal: {title}', { title: g.title }), goalId: g.id, kpiId: null })),
    ...book.kpis.map((k) => ({ value: `kpi:${k.id}`, label: t('KPI: {name} ({goal})', { name: k.name, goal: goals.get(k.goalId) ?? '' }), goalId: goals.has(k.goalId) ? k.goalId : null, kpiId: k.id })),
  ];
}

/**
 * The section: its list opens on demand, so the page's load stays one invoke. Feedback given here
 * reloads an open list (the new item is then in it, in the server's order).
 */
export function FeedbackSection({ book, people, cadence: initial }: { book: GoalBook; people: PeopleIndex; cadence: FeedbackCadence | undefined }) {
  const [cadence, setCadence] = useState(initial);
  const [shown, setShown] = useState(false);
  const [loads, setLoads] = useState(0);
  const added = useCallback((f: Feedback) => {
    setCadence((c) => (c ? { ...c, newestAt: !c.newestAt || f.at > c.newestAt ? f.at : c.newestAt } : c));
    setLoads((n) => n + 1);
  }, []);

  return (
    <section className="pv-section fb-section" aria-labelledby="feedback-title">
      <h2 id="feedback-title" tabIndex={-1}>
        {t('User feedback')}
      </h2>
      <CadenceLine cadence={cadence} />
      <GiveFeedback about={aboutChoices(book)} onAdded={added} />
      {shown ? (
        <FeedbackList key={loads} book={book} people={people} onCadence={setCadence} />
      ) : (
        <div>
          <Button
            small
            onClick={() => {
              setShown(true);
              // The button goes: focus moves to the section's heading, just above the list that replaces it.
              focusSoon('#feedback-title');
            }}
          >
            {t('Show feedback')}
          </Button>
        </div>
      )}
    </section>
  );
}

function FeedbackList({ book, people, onCadence }: { book: GoalBook; people: PeopleIndex; onCadence: (update: (c: FeedbackCadence | undefined) => FeedbackCadence | undefined) => void }) {
  const { state, reload, patch } = useResource(listFirst, { quiet: true });
  const [older, setOlder] = useState<{ busy: boolean; error: Parameters<typeof ErrorBanner>[0]['error'] | null }>({ busy: false, error: null });
  const removed = (id: string) =>
    patch((page) => {
      const items = page.items.filter((f) => f.id !== id);
      // The newest left on the page; the server keeps the exact date for the next load.
      onCadence((c) => (c ? { ...c, newestAt: items.reduce<string | null>((m, f) => (!m || f.at > m ? f.at : m), null) ?? (page.nextCursor ? c.newestAt : null) } : c));
      return { ...page, items };
    });
  const replaced = (f: Feedback) => patch((page) => ({ ...page, items: page.items.map((x) => (x.id === f.id ? f : x)) }));
  const more = async (page: FeedbackPage) => {
    if (!page.nextCursor) return;
    setOlder({ busy: true, error: null });
    const r = await call('feedback/list', { cursor: page.nextCursor });
    setOlder({ busy: false, error: r.ok ? null : r.error });
    if (r.ok) patch((p) => ({ ...p, items: [...p.items, ...r.data.items], nextCursor: r.data.nextCursor }));
  };

  if (state.status === 'loading') return <Loading label={t('Loading feedback…')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (state.data.items.length === 0)
    return (
      <EmptyState title={t('No feedback yet')}>
        <p>{t('What did users say? Anyone who can see this project can add it.')}</p>
      </EmptyState>
    );
  return (
    <>
      <ul className="pl-list fb-list" aria-label={t('Feedback, newest first')}>
        {state.data.items.map((f) => (
          <FeedbackItem key={f.id} item={f} book={book} people={people} reader={state.data.reader} onRemoved={removed} onChanged={replaced} />
        ))}
      </ul>
      {state.data.nextCursor ? (
        <Button small busy={older.busy} onClick={() => void more(state.data)}>
          {older.busy ? t('Loading…') : t('Show older feedback')}
        </Button>
      ) : null}
      {older.error ? <ErrorBanner error={older.error} onDismiss={() => setOlder({ busy: false, error: null })} /> : null}
    </>
  );
}

function aboutText(f: Feedback, book: GoalBook): string {
  const kpi = f.kpiId ? book.kpis.find((k) => k.id === f.kpiId) : undefined;
  const goal = f.goalId ? book.goals.find((g) => g.id === f.goalId) : undefined;
  const parts = [f.epicKey ? t('about {key}', { key: f.epicKey }) : '', kpi ? t('about KPI {name}', { name: kpi.name }) : goal ? t('about {title}', { title: goal.title }) : ''];
  return parts.filter(Boolean).join(' · ');
}

function FeedbackItem({
  item,
  book,
  people,
  reader,
  onRemoved,
  onChanged,
}: {
  item: Feedback;
  book: GoalBook;
  people: PeopleIndex;
  reader: FeedbackPage['reader'];
  onRemoved: (id: string) => void;
  onChanged: (f: Feedback) => void;
}) {
  const mine = reader?.accountId === item.by;
  const canDelete = mine || reader?.isAdmin === true;
  const [confirming, setConfirming] = useState(false);
  const [triage, setTriage] = useState(false);
  const action = useAction();
  const about = aboutText(item, book);
  return (
    <li className={`pl-${item.sentiment}`}>
      <span className="pl-quote">{quoted(item.text)}</span>
      <span className="pl-meta">
        {sentimentLabel(item.sentiment)} · {sourceLabel(item.source)}
        {about ? ` · ${about}` : ''} · {mine ? t('you') : personName(people, item.by, t('a user'))}, {formatDateTime(item.at)}
      </span>
      {canDelete || reader?.isAdmin ? (
        <span className="pv-row">
          {reader?.isAdmin ? (
            <Button small appearance="subtle" aria-expanded={triage} onClick={() => setTriage((v) => !v)}>
              {t('Classify')}
            </Button>
          ) : null}
          {canDelete && !confirming ? (
            <Button small appearance="subtle" onClick={() => setConfirming(true)}>
              {t('Delete')}
            </Button>
          ) : null}
          {confirming ? (
            <>
              <span className="pv-small">{t('Delete this feedback?')}</span>
              <Button
                small
                appearance="danger"
                busy={action.busy}
                onClick={() => void action.run(() => call('feedback/delete', { feedbackId: item.id })).then((r) => r.ok && onRemoved(item.id))}
              >
                {t('Delete')}
              </Button>
              <Button small onClick={() => setConfirming(false)}>
                {t('Cancel')}
              </Button>
            </>
          ) : null}
        </span>
      ) : null}
      {action.error ? <ErrorBanner error={action.error} onDismiss={action.clear} /> : null}
      {triage ? (
        <TriageForm
          item={item}
          book={book}
          onDone={(f) => {
            setTriage(false);
            if (f) onChanged(f);
          }}
        />
      ) : null}
    </li>
  );
}

const loadLaunches = () => call('launch/overview', {});

/** An admin's triage of one item; the iterations come from the launches (loaded when the form opens). */
function TriageForm({ item, book, onDone }: { item: Feedback; book: GoalBook; onDone: (f: Feedback | null) => void }) {
  const launches = useResource(loadLaunches);
  const [source, setSource] = useState<FeedbackSource>(item.source);
  const [sentiment, setSentiment] = useState<Sentiment>(item.sentiment);
  const choices = aboutChoices(book);
  const [about, setAbout] = useState(item.kpiId ? `kpi:${item.kpiId}` : item.goalId ? `goal:${item.goalId}` : '');
  const [iteration, setIteration] = useState(item.launchId && item.iterationId ? `${item.launchId}/${item.iterationId}` : '');
  const action = useAction();
  const book2: LaunchBook | null = launches.state.status === 'ready' ? launches.state.data.launchBook : null;
  const iterationOptions = [
    { value: '', label: t('No iteration') },
    ...(book2?.launches ?? []).flatMap((l) => l.iterations.map((i) => ({ value: `${l.id}/${i.id}`, label: `${l.name || l.versionName || l.date} · ${iterationLabel(i.name)}` }))),
  ];
  const choice = choices.find((c) => c.value === about) ?? choices[0]!;
  return (
    <form
      className="pl-form"
      noValidate
      aria-label={t('Classify feedback')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(null);
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const [launchId, iterationId] = iteration.split('/');
        void action
          .run(() =>
            call('feedback/classify', {
              feedbackId: item.id,
              source,
              sentiment,
              goalId: choice.goalId,
              kpiId: choice.kpiId,
              iteration: launchId && iterationId ? { launchId, iterationId } : null,
            }),
          )
          .then((r) => r.ok && onDone(r.data));
      }}
    >
      <div className="pl-grid">
        <SelectField name="source" label={t('Source')} value={source} onChange={(v) => setSource(v as FeedbackSource)} options={FEEDBACK_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))} error={action.errors.source} />
        <SelectField name="sentiment" label={t('Sentiment')} value={sentiment} onChange={(v) => setSentiment(v as Sentiment)} options={SENTIMENTS.map((s) => ({ value: s, label: sentimentLabel(s) }))} error={action.errors.sentiment} />
        <SelectField name="about" label={t('About')} value={about} onChange={setAbout} options={choices} error={action.errors.goalId ?? action.errors.kpiId} />
        <SelectField
          name="iteration"
          label={t('Iteration')}
          value={iteration}
          onChange={setIteration}
          options={iterationOptions}
          disabled={launches.state.status === 'loading'}
          error={action.errors.iteration}
          help={launches.state.status === 'error' ? t('The iterations could not be loaded.') : undefined}
        />
      </div>
      {action.banner(['source', 'sentiment', 'goalId', 'kpiId', 'iteration']) ? <ErrorBanner error={action.error!} onDismiss={action.clear} /> : null}
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={action.busy}>
          {action.busy ? t('Saving…') : t('Save')}
        </Button>
        <Button type="button" onClick={() => onDone(null)}>
          {t('Cancel')}
        </Button>
      </div>
    </form>
  );
}
