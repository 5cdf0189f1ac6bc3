/**
 * The report's list of unaligned epics, newest first, paged with "Load more". Where the viewer may edit
 * epics, each row has a goal picker; an epic tied to a goal leaves the list and the headline rises. Rows
 * can also be selected (checkboxes, "select all on this page") to set one goal on all of them at once:
 * the ones set leave the list, the others stay with the reason they were not set.
 */
import { useEffect, useRef, useState } from 'react';
import { ALIGNMENT_BATCH_MAX, type BatchEpicResult } from '../../../src/contract/alignment/alignment';
import type { UnalignedEpic } from '../../../src/contract/alignment/alignment';
import type { AppError } from '../../../src/contract/shared/result';
import { EPIC_FLAG_REASON, formatDay } from './alignment-text';
import { GoalPicker, type GoalChoice } from '../goals/goal-picker';
import { IssueLink } from '../../shared/issue-link';
import { ErrorBanner } from '../../shared/states';
import type { AlignmentData } from './use-alignment-report';
import { Button, Message } from '../../shared/ui';
import Spinner from '@atlaskit/spinner';
import { levelPlural, levelWord } from '../../shared/level-words';
import { t, uiLocale } from '../../shared/i18n';

const SAVE_TITLES = (): Partial<Record<AppError['code'], string>> => ({
  FORBIDDEN: t("You can't edit this epic"),
  VALIDATION_FAILED: t("That goal can't be chosen"),
  NOT_FOUND: t('The epic or the goal is gone'),
  CONFLICT: t('Someone else changed this epic’s goal'),
});

export function InlineLoading({ label }: { label: string }) {
  return (
    <div className="pv-row pv-muted" role="status">
      <Spinner size="small" label={label} />
      <span>{label}</span>
    </div>
  );
}

export function UnalignedEpics({
  data,
  total,
  choices,
  onAligned,
  level = t('Epic'),
}: {
  data: AlignmentData;
  /** The project's name for its epic level ("Feature"). */
  level?: string | undefined;
  /** Unaligned epics in the project (the headline's count). */
  total: number;
  choices: readonly GoalChoice[];
  /** Called after an epic was tied to a goal and left the list, with the words to announce. */
  onAligned: (message: string) => void;
}) {
  const { list } = data;
  const many = levelPlural(level);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusNext, setFocusNext] = useState<string | null | undefined>(undefined);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [failures, setFailures] = useState<Record<string, { error: AppError; goalId: string | null }>>({});
  const batch = useBatch(data, choices, onAligned, level);

  // After a row leaves, move focus to the row that took its place (or the heading), never to <body>.
  useEffect(() => {
    if (focusNext === undefined) return;
    const el = focusNext ? rows.current.get(focusNext) : null;
    (el ?? heading.current)?.focus();
    setFocusNext(undefined);
  }, [focusNext, list]);

  const save = async (epic: UnalignedEpic, goalId: string | null, next: string | null) => {
    setBusyKey(epic.key);
    setFailures(({ [epic.key]: _, ...rest }) => rest);
    batch.forget(epic.key);
    const res = await data.setGoal(epic, goalId);
    setBusyKey(null);
    if (!res.ok) {
      // Someone else tied it to a goal meanwhile: it left the list; say so instead of a banner on a gone row.
      if (res.error.code === 'CONFLICT' && (res.error.details as { current?: unknown } | undefined)?.current === null) {
        onAligned(res.error.message);
        setFocusNext(next);
      } else setFailures((f) => ({ ...f, [epic.key]: { error: res.error, goalId } }));
      return;
    }
    if (res.data === null) {
      const title = choices.find((c) => c.id === goalId)?.title;
      onAligned(title ? t('{key} now serves “{title}”.', { key: epic.key, title }) : t('{key} now serves a business goal.', { key: epic.key }));
      setFocusNext(next);
    }
  };

  return (
    <section className="pv-stack" aria-labelledby="pv-unaligned-title">
      <div className="pv-section-head">
        <h3 id="pv-unaligned-title" ref={heading} tabIndex={-1}>
          {t('Unaligned {many}', { many })} <span className="pv-muted">({total.toLocaleString(uiLocale())})</span>
        </h3>
        {list.status === 'ready' && list.epics.length > 0 ? (
          <span className="pv-small pv-subtlest">
            {t('Newest first · showing {length} of {total}', { length: list.epics.length, total: Math.max(total, list.epics.length) })}
          </span>
        ) : null}
      </div>

      {list.status === 'idle' || list.status === 'loading' ? <InlineLoading label={t('Loading unaligned {many}…', { many })} /> : null}
      {list.status === 'error' ? <ErrorBanner error={list.error} onRetry={data.reloadList} /> : null}
      {list.status === 'ready' ? (
        <>
          {list.epics.length === 0 && !list.nextCursor ? (
            <Message kind="success">
              <p>
                {t('No unaligned {many}: every {level} serves a business goal.', { many, level: levelWord(level) })}
              </p>
            </Message>
          ) : null}
          {list.canEdit && choices.length === 0 && list.epics.length > 0 ? (
            <p className="pv-small pv-muted">{t('There is no active business goal to tie these {many} to yet.', { many })}</p>
          ) : null}
          {list.canEdit && choices.length > 0 && list.epics.length > 0 ? <BatchBar batch={batch} epics={list.epics} choices={choices} level={level} /> : null}
          {list.epics.length > 0 ? (
            <ul className="pv-epics">
              {list.epics.map((epic, i) => {
                const failure = failures[epic.key];
                const reasonId = `pv-reason-${epic.key}`;
                const note = batch.notes[epic.key];
                const next = list.epics[i + 1]?.key ?? list.epics[i - 1]?.key ?? null;
                return (
                  <li
                    key={epic.key}
                    className="pv-epic"
                    tabIndex={-1}
                    ref={(el) => {
                      if (el) rows.current.set(epic.key, el);
                      else rows.current.delete(epic.key);
                    }}
                  >
                    {list.canEdit && choices.length > 0 ? (
                      <input
                        type="checkbox"
                        className="pv-epic-check"
                        checked={batch.selected.has(epic.key)}
                        // Not `disabled` while saving: a disabled control drops the keyboard focus.
                        aria-disabled={batch.busy || undefined}
                        aria-label={t('Select {key}', { key: epic.key })}
                        aria-describedby={note ? `${reasonId} pv-note-${epic.key}` : reasonId}
                        onChange={(e) => !batch.busy && batch.toggle(epic.key, e.target.checked)}
                      />
                    ) : null}
                    <div className="pv-epic-main">
                      <p className="pv-epic-title">
                        <IssueLink issueKey={epic.key} className="pv-issue-key" />
                        <span className="pv-epic-summary">{epic.summary}</span>
                      </p>
                      <p className="pv-small pv-subtlest">
                        {t('{typeName} · {statusName} · created {created}', { typeName: epic.typeName, statusName: epic.statusName, created: formatDay(epic.created) })}
                      </p>
                      <p className="pv-epic-reason" id={reasonId}>
                        {EPIC_FLAG_REASON()[epic.flag]}
                      </p>
                      {note ? (
                        <p className="pv-epic-note" id={`pv-note-${epic.key}`}>
                          {t('Not set: {reason}', { reason: note })}
                        </p>
                      ) : null}
                    </div>
                    {list.canEdit && choices.length > 0 ? (
                      <GoalPicker
                        choices={choices}
                        start={{ kind: 'none' }}
                        allowNone={false}
                        label={t('Goal for {key}', { key: epic.key })}
                        hideLabel
                        saveLabel={t('Set goal')}
                        saveName={t('Set goal for {key}', { key: epic.key })}
                        busy={busyKey === epic.key}
                        describedBy={reasonId}
                        onSave={(goalId) => void save(epic, goalId, next)}
                      />
                    ) : null}
                    {failure ? (
                      <ErrorBanner
                        error={failure.error}
                        title={SAVE_TITLES()[failure.error.code]}
                        onRetry={() => void save(epic, failure.goalId, next)}
                        onDismiss={() => setFailures(({ [epic.key]: _, ...rest }) => rest)}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
          {list.more.status === 'error' ? <ErrorBanner error={list.more.error} onRetry={data.loadMore} /> : null}
          {list.nextCursor ? (
            <div>
              <Button onClick={data.loadMore} busy={list.more.status === 'loading'}>
                {list.more.status === 'loading' ? t('Loading…') : t('Load more')}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

type Batch = ReturnType<typeof useBatch>;
const NO_EPICS: readonly UnalignedEpic[] = [];

/** Selection and the one-goal-on-many action; at most ALIGNMENT_BATCH_MAX epics per call, the calls one after another. */
function useBatch(data: AlignmentData, choices: readonly GoalChoice[], onAligned: (message: string) => void, level: string) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ text: string; error: AppError | null } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const epics = data.list.status === 'ready' ? data.list.epics : NO_EPICS;

  // Rows that left the list leave the selection.
  useEffect(() => {
    const here = new Set(epics.map((e) => e.key));
    setSelected((s) => ([...s].every((k) => here.has(k)) ? s : new Set([...s].filter((k) => here.has(k)))));
  }, [epics]);

  const toggle = (key: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const toggleAll = (on: boolean) => setSelected(on ? new Set(epics.map((e) => e.key)) : new Set());
  const forget = (key: string) => setNotes(({ [key]: _, ...rest }) => rest);

  const run = async (goalId: string) => {
    const chosen = epics.filter((e) => selected.has(e.key));
    if (chosen.length === 0) {
      setOutcome({ text: t('Select the {many} to set the goal on first.', { many: levelPlural(level) }), error: null });
      return;
    }
    setBusy(true);
    setOutcome(null);
    const results: BatchEpicResult[] = [];
    let error: AppError | null = null;
    for (let i = 0; i < chosen.length && !error; i += ALIGNMENT_BATCH_MAX) {
      const res = await data.setGoalMany(chosen.slice(i, i + ALIGNMENT_BATCH_MAX), goalId);
      if (res.ok) results.push(...res.data.results);
      else error = res.error;
    }
    setBusy(false);
    const done = results.filter((r) => r.outcome === 'set' || r.outcome === 'already');
    const refused = results.filter((r) => r.outcome !== 'set' && r.outcome !== 'already');
    setNotes((n) => {
      const next = { ...n };
      for (const r of done) delete next[r.issueKey];
      for (const r of refused) if (r.message) next[r.issueKey] = r.message;
      return next;
    });
    // Refused rows stay selected, so "Set goal" can be tried again after fixing what stood in the way.
    setSelected(new Set(refused.map((r) => r.issueKey)));
    const title = choices.find((c) => c.id === goalId)?.title ?? '';
    const parts = [
      done.length === 1
        ? t('{n} now serves “{title}”.', { n: count(1, level), title })
        : done.length > 1
          ? t('{n} now serve “{title}”.', { n: count(done.length, level), title })
          : '',
      refused.length > 0 ? t('{n} not set; the reason is shown on each.', { n: count(refused.length, level) }) : '',
    ].filter(Boolean);
    const text = parts.join(' ');
    setOutcome({ text, error });
    if (done.length > 0) onAligned(text);
    // Focus goes to the outcome: the rows the user worked on may have left the list.
    setTimeout(() => summary.current?.focus(), 0);
  };

  return { selected, busy, notes, outcome, summary, toggle, toggleAll, forget, run, dismiss: () => setOutcome(null) };
}

/** "1 epic", "3 epics", in the project's word for its epic level. */
const count = (n: number, level: string) => (n === 1 ? `1 ${levelWord(level)}` : `${n.toLocaleString()} ${levelPlural(level)}`);

function BatchBar({ batch, epics, choices, level }: { batch: Batch; epics: readonly UnalignedEpic[]; choices: readonly GoalChoice[]; level: string }) {
  const all = useRef<HTMLInputElement>(null);
  const count = epics.filter((e) => batch.selected.has(e.key)).length;
  const every = count === epics.length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && !every;
  }, [count, every]);
  return (
    <div className="pv-batch" role="group" aria-label={t('Set one goal on several {many}', { many: levelPlural(level) })}>
      <label className="pv-batch-all">
        <input ref={all} type="checkbox" checked={every} aria-disabled={batch.busy || undefined} onChange={(e) => !batch.busy && batch.toggleAll(e.target.checked)} />
        <span>{t('Select all {n} on this page', { n: epics.length })}</span>
      </label>
      <GoalPicker
        choices={choices}
        start={{ kind: 'none' }}
        allowNone={false}
        label={t('Goal for the selected {many}', { many: levelPlural(level) })}
        saveLabel={t('Set goal on {n} selected', { n: count })}
        busy={batch.busy}
        onSave={(goalId) => goalId && void batch.run(goalId)}
      />
      <div ref={batch.summary} tabIndex={-1} className="pv-batch-outcome">
        {batch.outcome?.error ? (
          <ErrorBanner error={batch.outcome.error} title={t('Some {many} could not be set', { many: levelPlural(level) })} onDismiss={batch.dismiss} />
        ) : null}
        {batch.outcome?.text ? <p role="status">{batch.outcome.text}</p> : null}
      </div>
    </div>
  );
}
