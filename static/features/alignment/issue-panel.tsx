/**
 * The issue panel. One `panel/load` per load; on an epic whose goal the viewer may set, a picker that
 * calls `panel/set-goal` and shows the answer. Narrow by design (Jira gives it 350–600 px).
 */
import { useState } from 'react';
import type { IssuePanelView, PanelFigures } from '../../../src/contract/alignment/alignment';
import type { AppError } from '../../../src/contract/shared/result';
import { FLAG_TITLE, flagReason, formatDay, percent } from './alignment-text';
import { levelPlural, levelWord, plural } from '../../shared/level-words';
import { formatDateTime } from '../../shared/format';
import { call } from '../../shared/bridge';
import { GoalPicker, type PickerStart } from '../goals/goal-picker';
import { GoalEpicsLink } from './goal-epics-link';
import { IssueLink } from '../../shared/issue-link';
import { ErrorBanner, ErrorState, Loading } from '../../shared/states';
import { Button, StatusLozenge } from '../../shared/ui';
import { useResource } from '../../shared/use-resource';
import { DecisionOriginLine, IterationOutcome } from '../post-launch/iteration-outcome';
import { GiveFeedback, type AboutChoice } from '../feedback/give-feedback';
import { t } from '../../shared/i18n';

const loadPanel = () => call('panel/load', {});

/** The project's coverage in one sentence, led by this goal's epic count when the panel knows it. */
function coverageLine(figures: PanelFigures, level: string, key: string): string {
  const values = { coverage: percent(figures.coverage), epicName: levelPlural(figures.epicName), key, aligned: figures.aligned, epics: figures.epics, asOf: formatDateTime(figures.asOf) };
  if (figures.goalEpics === null) return t('{coverage} of {epicName} in {key} serve a business goal ({aligned} of {epics}), as of {asOf}', values);
  const goalEpics = plural(figures.goalEpics, level);
  return figures.goalEpics === 1
    ? t('{goalEpics} serves this goal · {coverage} of {epicName} in {key} serve a business goal ({aligned} of {epics}), as of {asOf}', { ...values, goalEpics })
    : t('{goalEpics} serve this goal · {coverage} of {epicName} in {key} serve a business goal ({aligned} of {epics}), as of {asOf}', { ...values, goalEpics });
}

const SAVE_TITLES = (): Partial<Record<AppError['code'], string>> => ({
  FORBIDDEN: t("You can't edit this epic"),
  VALIDATION_FAILED: t("That goal can't be chosen"),
  NOT_FOUND: t('The epic or the goal is gone'),
  CONFLICT: t('The epic changed meanwhile'),
});

export function IssuePanel() {
  // One invoke per load.
  const { state, reload: load, patch } = useResource(loadPanel);

  if (state.status === 'loading') {
    return (
      <main className="pv-panel">
        <Loading label={t('Loading the business goal…')} />
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main className="pv-panel">
        <ErrorState error={state.error} onRetry={load} />
      </main>
    );
  }
  return <PanelView view={state.data} onView={(view) => patch(() => view)} onReload={load} />;
}

function FlagNote({ text, id }: { text: string; id?: string }) {
  return (
    <div className="pv-flag" id={id}>
      <svg className="pv-flag-icon" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 2 1 21h22L12 2Zm-1 8h2v5h-2v-5Zm0 6h2v2h-2v-2Z" />
      </svg>
      <div>
        <p className="pv-flag-title">{FLAG_TITLE()}</p>
        <p>{text}</p>
      </div>
    </div>
  );
}

function pickerStart(view: IssuePanelView): PickerStart {
  if (view.link && view.goal && view.goal.status !== 'dropped') return { kind: 'goal', goalId: view.goal.id };
  if (view.flag === 'goal-dropped') return { kind: 'stale', label: view.goal ? t('{title} (dropped)', { title: view.goal.title }) : t('A dropped goal') };
  if (view.flag === 'goal-deleted') return { kind: 'stale', label: t('A deleted goal') };
  if (view.flag === 'broken-link') return { kind: 'stale', label: t('Not a valid goal link') };
  return view.link ? { kind: 'goal', goalId: view.link.goalId } : { kind: 'none' };
}

/** Feedback from the panel is about the epic (with its goal), or about the goal alone. */
function feedbackAbout(view: IssuePanelView): AboutChoice[] {
  const goal = view.goal && view.goal.status !== 'dropped' && view.flag === null ? view.goal : null;
  return [
    ...(view.epic ? [{ value: 'epic', label: t('This epic: {key}', { key: view.epic.key }), goalId: goal?.id ?? null, kpiId: null, aboutEpic: true }] : []),
    ...(goal ? [{ value: 'goal', label: t('Its goal: {title}', { title: goal.title }), goalId: goal.id, kpiId: null }] : []),
  ];
}

function PanelView({ view, onView, onReload }: { view: IssuePanelView; onView: (v: IssuePanelView) => void; onReload: () => void }) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: AppError; goalId: string | null } | null>(null);
  const [said, setSaid] = useState('');
  const { issue, epic, goal, link, flag, figures } = view;
  // The project's own name for its epic level ("feature"), from the epic's issue type.
  const level = levelWord(issue.isEpic ? issue.typeName : epic?.typeName);

  const save = async (goalId: string | null) => {
    setSaving(true);
    setFailure(null);
    setSaid('');
    // The goal this panel showed: someone else's change since answers CONFLICT with the epic as it is now.
    const res = await call('panel/set-goal', { goalId, baseGoalId: link?.goalId ?? null });
    setSaving(false);
    if (res.ok) {
      onView(res.data);
      const g = res.data.goal;
      setSaid(goalId === null ? t('Goal cleared.') : g ? t('Saved: this {level} serves “{title}”.', { level, title: g.title }) : t('Saved.'));
    } else {
      // Show what is there now; choosing again applies this user's goal over it.
      const now = res.error.code === 'CONFLICT' ? (res.error.details as { current?: IssuePanelView } | undefined)?.current : undefined;
      if (now) onView(now);
      setFailure({ error: res.error, goalId });
    }
  };

  const reasonId = 'pv-flag-reason';
  const showGoal = goal !== null && (link !== null || !issue.isEpic);

  return (
    <main className="pv-panel">
      <h1 className="pv-sr-only">{t('Business goal of {key}', { key: issue.key })}</h1>

      {!issue.isEpic && epic ? (
        <p className="pv-epic-line">
          <span className="pv-panel-label">{epic.typeName || t('Epic')}</span>
          <IssueLink issueKey={epic.key} className="pv-issue-key" />
          <span className="pv-epic-summary">{epic.summary}</span>
        </p>
      ) : null}

      {flag ? <FlagNote id={reasonId} text={flagReason(flag, issue.isEpic)} /> : null}

      {showGoal && goal ? (
        <div className="pv-goal-box">
          <p className="pv-panel-label">{flag ? (issue.isEpic ? t('Its goal') : t("Its {level}'s goal", { level })) : issue.isEpic ? t('This {level} serves', { level }) : t('Its {level} serves', { level })}</p>
          <div className="pv-goal-head">
            <p className="pv-goal-name">{goal.title}</p>
            <StatusLozenge status={goal.status} />
          </div>
          {link ? (
            <p className="pv-small pv-subtlest">
              {goal.targetDate ? t('Set on {setAt} · target {targetDate}', { setAt: formatDay(link.setAt), targetDate: formatDay(goal.targetDate) }) : t('Set on {setAt}', { setAt: formatDay(link.setAt) })}
            </p>
          ) : null}
          <p className="pv-small">
            <GoalEpicsLink projectId={view.project.id} goalId={goal.id} goalTitle={goal.title} />
          </p>
        </div>
      ) : null}

      {issue.isEpic && view.canSetGoal ? (
        view.goalChoices.length > 0 || link ? (
          <GoalPicker
            choices={view.goalChoices}
            start={pickerStart(view)}
            allowNone
            label={link ? t('Change the goal') : t('Set a goal')}
            busy={saving}
            describedBy={flag ? reasonId : undefined}
            onSave={(id) => void save(id)}
          />
        ) : (
          <p className="pv-small pv-muted">{t('This project has no active business goals yet. A project admin can add them in Project settings › Product vision.')}</p>
        )
      ) : issue.isEpic ? (
        <p className="pv-small pv-subtlest">{t('Only people who can edit this {level} can change its goal.', { level })}</p>
      ) : epic ? (
        <p className="pv-small pv-subtlest">{flag ? t('Set a goal on the {level} to fix this.', { level }) : t('The goal is set on the {level}.', { level })}</p>
      ) : null}

      {figures ? (
        <p className="pv-small pv-subtlest">
          {coverageLine(figures, level, view.project.key)}
        </p>
      ) : null}

      {failure ? (
        <ErrorBanner
          error={failure.error}
          title={SAVE_TITLES()[failure.error.code]}
          onRetry={() => void save(failure.goalId)}
          onDismiss={() => setFailure(null)}
          actions={
            ['NOT_FOUND', 'VALIDATION_FAILED', 'CONFLICT'].includes(failure.error.code) ? (
              <Button small onClick={onReload}>
                {t('Reload')}
              </Button>
            ) : null
          }
        />
      ) : null}
      {said ? <p className="pv-status pv-status--ok" aria-hidden="true">{said}</p> : null}
      <p className="pv-sr-only" role="status" aria-live="polite">
        {said}
      </p>

      {view.iterationVerdict ? <IterationOutcome verdict={view.iterationVerdict} /> : null}
      {view.fromDecision ? <DecisionOriginLine origin={view.fromDecision} /> : null}

      {feedbackAbout(view).length ? <GiveFeedback about={feedbackAbout(view)} intro={t('What did users say about this work? Everyone on the project can see it on the project page.')} /> : null}

      {view.visionLine ? (
        <p className="pv-why">
          <span className="pv-why-label">{t('Why this matters:')}</span> {view.visionLine}
        </p>
      ) : null}
    </main>
  );
}
