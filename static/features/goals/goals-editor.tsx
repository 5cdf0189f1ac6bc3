/** Goals with their KPIs: add, edit, delete (with the server's confirmation for a goal's KPIs). */
import { useCallback, useState } from 'react';
import { LIMITS } from '../../../src/contract/shared/limits';
import { GoalEpicsLink } from '../alignment/goal-epics-link';
import type { Goal, GoalBook, Kpi } from '../../../src/contract/goals/model';
import type { AppError } from '../../../src/contract/shared/result';
import { ConfirmDialog } from '../../shared/dialog';
import { focusSoon } from '../../shared/focus';
import type { PeopleIndex } from '../../shared/format';
import { isDeletionImpact } from '../../shared/guards';
import { EmptyState, ErrorBanner } from '../../shared/states';
import { Button, Message, StatusLozenge } from '../../shared/ui';
import { GoalMeta, KpiLine, kpisOf } from '../vision/vision-view';
import { GoalForm } from './goal-form';
import { KpiForm } from './kpi-form';
import { useBookRunner } from './use-book-runner';
import { listGoals, type GoalForms, type KpiForms } from './open-forms';
import { counted } from '../../shared/format';
import type { PeopleLoader } from '../../shared/use-people';
import { t } from '../../shared/i18n';

type Notice = { kind: 'success'; text: string } | { kind: 'error'; error: AppError; retry?: () => void };

interface GoalDeletion {
  goal: Goal;
  kpis: Array<{ id: string; name: string }>;
  /** Send `confirm: true`: the user has seen the KPIs that go with the goal. */
  confirm: boolean;
  note?: string;
  busy: boolean;
  error?: AppError;
}

interface KpiDeletion {
  kpi: Kpi;
  note?: string;
  busy: boolean;
  error?: AppError;
}


export function GoalsEditor({
  book,
  setBook,
  people,
  candidates,
  projectId,
}: {
  book: GoalBook;
  setBook: (b: GoalBook) => void;
  people: PeopleIndex;
  candidates: PeopleLoader;
  /** The project: each goal links to its epics in Jira's issue search. */
  projectId?: string;
}) {
  const [notice, setNotice] = useState<Notice | null>(null);
  // A notice speaks of the last action only: every new one clears it.
  const ops = useBookRunner(book, setBook, () => setNotice(null));
  const [goalForms, setGoalForms] = useState<GoalForms>(new Map());
  const [kpiForms, setKpiForms] = useState<KpiForms>(new Map());
  const [goalDeletion, setGoalDeletion] = useState<GoalDeletion | null>(null);
  const [kpiDeletion, setKpiDeletion] = useState<KpiDeletion | null>(null);
  const [probing, setProbing] = useState<string | null>(null);

  /** Opens (with the item as it is now, kept should it be deleted meanwhile) or closes a form. */
  function toggle<T>(set: (f: (m: ReadonlyMap<string, T>) => ReadonlyMap<string, T>) => void, key: string, on: boolean, item?: T) {
    if (on) setNotice(null);
    set((m) => {
      const next = new Map(m);
      if (on) next.set(key, item as T);
      else next.delete(key);
      return next;
    });
  }

  const done = useCallback((text: string) => setNotice({ kind: 'success', text }), []);

  // ---- goal deletion -------------------------------------------------------------------------
  async function sendGoalDelete(goal: Goal, confirm: boolean, fromDialog: boolean) {
    const res = await ops.run('goal/delete', (baseRevision) => ({
      goalId: goal.id,
      baseRevision,
      ...(confirm ? { confirm: true } : {}),
    }));
    if (res.ok) {
      setGoalDeletion(null);
      toggle(setGoalForms, goal.id, false);
      // Its KPIs went with it: their open forms close too (they are not "deleted by someone else").
      setKpiForms((m) => new Map([...m].filter(([, f]) => f.goal.id !== goal.id)));
      done(t('Deleted goal “{title}”.', { title: goal.title }));
      focusSoon('[data-focus="add-goal"]');
      return;
    }
    const { error } = res;
    if (error.code === 'CONFIRMATION_REQUIRED' && isDeletionImpact(error.details)) {
      const impact = error.details;
      setGoalDeletion((d) => ({
        goal,
        kpis: impact.kpis,
        confirm: true,
        busy: false,
        note: d && !d.confirm ? t('Someone added KPIs to this goal meanwhile; check the list.') : undefined,
      }));
    } else if (error.code === 'CONFLICT') {
      const current = ops.current();
      const still = current.goals.find((g) => g.id === goal.id);
      if (!still) {
        setGoalDeletion(null);
        done(t('Someone else already deleted “{title}”.', { title: goal.title }));
        return;
      }
      const kpis = kpisOf(current, goal.id).map((k) => ({ id: k.id, name: k.name }));
      setGoalDeletion({
        goal: still,
        kpis,
        confirm: kpis.length > 0,
        busy: false,
        note: t('Someone else changed the goals since you opened them. The list below is current; confirm again to delete.'),
      });
    } else {
      if (fromDialog) setGoalDeletion((d) => (d ? { ...d, busy: false, error } : null));
      else setNotice({ kind: 'error', error, retry: () => void startGoalDelete(goal) });
    }
  }

  async function startGoalDelete(goal: Goal) {
    setNotice(null);
    if (kpisOf(book, goal.id).length === 0) {
      setGoalDeletion({ goal, kpis: [], confirm: false, busy: false });
      return;
    }
    // The server lists the KPIs that would go too (CONFIRMATION_REQUIRED); the dialog shows its list.
    setProbing(goal.id);
    await sendGoalDelete(goal, false, false);
    setProbing(null);
  }

  // ---- KPI deletion --------------------------------------------------------------------------
  async function confirmKpiDelete(d: KpiDeletion) {
    setKpiDeletion({ ...d, busy: true, error: undefined });
    const res = await ops.run('kpi/delete', (baseRevision) => ({ kpiId: d.kpi.id, baseRevision }));
    if (res.ok) {
      setKpiDeletion(null);
      done(t('Deleted KPI “{name}”.', { name: d.kpi.name }));
      focusSoon(`[data-focus="add-kpi-${d.kpi.goalId}"]`);
      return;
    }
    if (res.error.code === 'CONFLICT') {
      const still = ops.current().kpis.find((k) => k.id === d.kpi.id);
      if (!still) {
        setKpiDeletion(null);
        done(t('Someone else already deleted “{name}”.', { name: d.kpi.name }));
      } else {
        setKpiDeletion({ kpi: still, busy: false, note: t('Someone else changed the goals since you opened them. Confirm again to delete.') });
      }
      return;
    }
    setKpiDeletion({ ...d, busy: false, error: res.error });
  }

  const atGoalLimit = book.goals.length >= LIMITS.maxGoals;
  const atKpiLimit = book.kpis.length >= LIMITS.maxKpis;
  const addingGoal = goalForms.has('new');

  return (
    <section className="pv-section" aria-labelledby="goals-title">
      <div className="pv-section-head">
        <h2 id="goals-title">{t('Business goals')}</h2>
        {!addingGoal && book.goals.length > 0 ? (
          <Button
            appearance="primary"
            data-focus="add-goal"
            aria-disabled={atGoalLimit || undefined}
            onClick={() => !atGoalLimit && toggle(setGoalForms, 'new', true, null)}
          >
            {t('Add goal')}
          </Button>
        ) : null}
      </div>
      {atGoalLimit ? <p className="pv-small pv-muted">{t('This project has the maximum of {maxGoals} goals.', { maxGoals: LIMITS.maxGoals })}</p> : null}

      <div aria-live="polite">
        {notice?.kind === 'success' ? (
          <Message kind="success">
            <p>{notice.text}</p>
          </Message>
        ) : null}
      </div>
      {notice?.kind === 'error' ? <ErrorBanner error={notice.error} onRetry={notice.retry} onDismiss={() => setNotice(null)} /> : null}

      {addingGoal ? (
        <div className="pv-card">
          <GoalForm
            goal={null}
            ops={ops}
            people={people}
            candidates={candidates}
            onDone={(m) => {
              toggle(setGoalForms, 'new', false);
              done(m);
              focusSoon('[data-focus="add-goal"]');
            }}
            onCancel={() => {
              toggle(setGoalForms, 'new', false);
              focusSoon('[data-focus="add-goal"]');
            }}
          />
        </div>
      ) : null}

      {book.goals.length === 0 && !addingGoal ? (
        <EmptyState
          title={t('No goals yet — add the first business goal')}
          action={
            <Button appearance="primary" data-focus="add-goal" onClick={() => toggle(setGoalForms, 'new', true, null)}>
              {t('Add goal')}
            </Button>
          }
        >
          <p>{t('Goals say what the vision means this year; KPIs say how you will know.')}</p>
        </EmptyState>
      ) : null}

      <ul className="pv-goal-list">
        {listGoals(book, goalForms, kpiForms).map(({ goal, kpis, gone }) => {
          const editing = goalForms.has(goal.id);
          const addingKpi = kpiForms.has(`new:${goal.id}`);
          return (
            <li key={goal.id} className={`pv-card${goal.status === 'dropped' ? ' pv-card--dropped' : ''}`}>
              {gone && !editing ? (
                <p className="pv-small pv-muted">{t('Goal “{title}” was deleted by someone else, with its KPIs.', { title: goal.title })}</p>
              ) : editing ? (
                <GoalForm
                  goal={goal}
                  ops={ops}
                  people={people}
                  candidates={candidates}
                  onDone={(m) => {
                    toggle(setGoalForms, goal.id, false);
                    done(m);
                    focusSoon(`[data-focus="edit-goal-${goal.id}"]`);
                  }}
                  onCancel={() => {
                    toggle(setGoalForms, goal.id, false);
                    focusSoon(`[data-focus="edit-goal-${goal.id}"]`);
                  }}
                />
              ) : (
                <>
                  <div className="pv-goal-head">
                    <div className="pv-row">
                      <h3 className="pv-goal-title">{goal.title}</h3>
                      <StatusLozenge status={goal.status} />
                    </div>
                    <div className="pv-row">
                      <Button
                        small
                        appearance="subtle"
                        data-focus={`edit-goal-${goal.id}`}
                        aria-label={t('Edit goal {title}', { title: goal.title })}
                        onClick={() => toggle(setGoalForms, goal.id, true, goal)}
                      >
                        {t('Edit')}
                      </Button>
                      <Button
                        small
                        appearance="subtle"
                        aria-label={t('Delete goal {title}', { title: goal.title })}
                        busy={probing === goal.id}
                        onClick={() => void startGoalDelete(goal)}
                      >
                        {probing === goal.id ? t('Checking…') : t('Delete')}
                      </Button>
                    </div>
                  </div>
                  <GoalMeta goal={goal} people={people} />
                  {goal.description ? <p className="pv-prewrap pv-muted">{goal.description}</p> : null}
                  {projectId ? (
                    <p className="pv-small">
                      <GoalEpicsLink projectId={projectId} goalId={goal.id} goalTitle={goal.title} />
                    </p>
                  ) : null}
                </>
              )}

              <h4 className="pv-small pv-muted">{t('KPIs')}</h4>
              {kpis.length > 0 ? (
                <ul className="pv-kpis" aria-label={t('KPIs of {title}', { title: goal.title })}>
                  {kpis.map((kpi) =>
                    kpiForms.has(kpi.id) ? (
                      <li key={kpi.id} className="pv-kpi">
                        <KpiForm
                          goalId={goal.id}
                          goalTitle={goal.title}
                          kpi={kpi}
                          ops={ops}
                          onDone={(m) => {
                            toggle(setKpiForms, kpi.id, false);
                            done(m);
                            focusSoon(`[data-focus="edit-kpi-${kpi.id}"]`);
                          }}
                          onCancel={() => {
                            toggle(setKpiForms, kpi.id, false);
                            focusSoon(`[data-focus="edit-kpi-${kpi.id}"]`);
                          }}
                        />
                      </li>
                    ) : (
                      <KpiLine
                        key={kpi.id}
                        kpi={kpi}
                        actions={
                          <>
                            <Button
                              small
                              appearance="subtle"
                              data-focus={`edit-kpi-${kpi.id}`}
                              aria-label={t('Edit KPI {name}', { name: kpi.name })}
                              onClick={() => toggle(setKpiForms, kpi.id, true, { kpi, goal })}
                            >
                              {t('Edit')}
                            </Button>
                            <Button
                              small
                              appearance="subtle"
                              aria-label={t('Delete KPI {name}', { name: kpi.name })}
                              onClick={() => {
                                setNotice(null);
                                setKpiDeletion({ kpi, busy: false });
                              }}
                            >
                              {t('Delete')}
                            </Button>
                          </>
                        }
                      />
                    ),
                  )}
                </ul>
              ) : !addingKpi && !gone ? (
                <p className="pv-small pv-subtlest">{t('No KPIs yet — add one to measure this goal.')}</p>
              ) : null}

              {gone && !addingKpi ? null : addingKpi ? (
                <KpiForm
                  goalId={goal.id}
                  goalTitle={goal.title}
                  kpi={null}
                  ops={ops}
                  onDone={(m) => {
                    toggle(setKpiForms, `new:${goal.id}`, false);
                    done(m);
                    focusSoon(`[data-focus="add-kpi-${goal.id}"]`);
                  }}
                  onCancel={() => {
                    toggle(setKpiForms, `new:${goal.id}`, false);
                    focusSoon(`[data-focus="add-kpi-${goal.id}"]`);
                  }}
                />
              ) : (
                <div>
                  <Button
                    small
                    data-focus={`add-kpi-${goal.id}`}
                    aria-label={t('Add KPI to {title}', { title: goal.title })}
                    aria-disabled={atKpiLimit || undefined}
                    title={atKpiLimit ? t('This project has the maximum of {maxKpis} KPIs.', { maxKpis: LIMITS.maxKpis }) : undefined}
                    onClick={() => !atKpiLimit && toggle(setKpiForms, `new:${goal.id}`, true, { kpi: null, goal })}
                  >
                    {t('+ Add KPI')}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>

      <ConfirmDialog
        open={!!goalDeletion}
        title={goalDeletion ? t('Delete goal “{title}”?', { title: goalDeletion.goal.title }) : t('Delete goal?')}
        confirmLabel={goalDeletion && goalDeletion.kpis.length > 0 ? t('Delete goal and {length}', { length: counted(goalDeletion.kpis.length, t('{n} KPI'), t('{n} KPIs')) }) : t('Delete goal')}
        busy={goalDeletion?.busy}
        onCancel={() => setGoalDeletion(null)}
        onConfirm={() => {
          if (!goalDeletion) return;
          setGoalDeletion({ ...goalDeletion, busy: true, error: undefined });
          void sendGoalDelete(goalDeletion.goal, goalDeletion.confirm, true);
        }}
      >
        {goalDeletion?.note ? (
          <Message kind="warning">
            <p>{goalDeletion.note}</p>
          </Message>
        ) : null}
        {goalDeletion && goalDeletion.kpis.length > 0 ? (
          <>
            <p>
              {goalDeletion.kpis.length === 1 ? t('This KPI is deleted with it:') : t('These {length} are deleted with it:', { length: counted(goalDeletion.kpis.length, t('{n} KPI'), t('{n} KPIs')) })}
            </p>
            <ul>
              {goalDeletion.kpis.map((k) => (
                <li key={k.id}>{k.name}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('The goal has no KPIs. This cannot be undone.')}</p>
        )}
        {goalDeletion?.error ? <ErrorBanner error={goalDeletion.error} /> : null}
      </ConfirmDialog>

      <ConfirmDialog
        open={!!kpiDeletion}
        title={kpiDeletion ? t('Delete KPI “{name}”?', { name: kpiDeletion.kpi.name }) : t('Delete KPI?')}
        confirmLabel={t('Delete KPI')}
        busy={kpiDeletion?.busy}
        onCancel={() => setKpiDeletion(null)}
        onConfirm={() => kpiDeletion && void confirmKpiDelete(kpiDeletion)}
      >
        {kpiDeletion?.note ? (
          <Message kind="warning">
            <p>{kpiDeletion.note}</p>
          </Message>
        ) : null}
        <p>{t('This cannot be undone.')}</p>
        {kpiDeletion?.error ? <ErrorBanner error={kpiDeletion.error} /> : null}
      </ConfirmDialog>
    </section>
  );
}
