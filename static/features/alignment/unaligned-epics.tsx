/**
 * The report's list of unaligned epics, newest first, paged with "Load more". Where the viewer may edit
 * epics, each row has a goal picker; an epic tied to a goal leaves the list and the headline rises.
 */
import { useEffect, useRef, useState } from 'react';
import type { UnalignedEpic } from '../../../src/contract/alignment/alignment';
import type { AppError } from '../../../src/contract/shared/result';
import { EPIC_FLAG_REASON, formatDay } from './alignment-text';
import { GoalPicker, type GoalChoice } from '../goals/goal-picker';
import { IssueLink } from '../../shared/issue-link';
import { ErrorBanner } from '../../shared/states';
import type { AlignmentData } from './use-alignment-report';
import { Button, Message } from '../../shared/ui';
import Spinner from '@atlaskit/spinner';
import { levelPlural, levelWord } from '../../../src/domain/shared/words';
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
      onAligned(t('{key} now serves {value}.', { key: epic.key, value: title ? `“${title}”` : t('a business goal') }));
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
          {list.epics.length > 0 ? (
            <ul className="pv-epics">
              {list.epics.map((epic, i) => {
                const failure = failures[epic.key];
                const reasonId = `pv-reason-${epic.key}`;
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
