/** Add or edit one business goal. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { LIMITS } from '../../../src/contract/shared/limits';
import { GOAL_STATUSES, type Goal, type GoalFields, type GoalStatus } from '../../../src/contract/goals/model';
import { goalFieldsSchema, toFieldIssues } from '../../../src/contract/shared/schemas';
import { ConflictMessage, FormAlerts, FormFoot } from '../../shared/conflict-form-parts';
import { fieldErrors, type FieldErrors } from '../../shared/errors';
import { escapeCancels } from '../../shared/escape';
import { SelectField, TextAreaField, TextField, focusField, type Option } from '../../shared/field';
import { formatDate, personName, type PeopleIndex, statusLabel } from '../../shared/format';
import type { PeopleLoader } from '../../shared/use-people';
import type { BookOps } from './use-book-runner';
import { mergeDraft } from '../../shared/merge-draft';
import { isGone } from '../../shared/guards';
import { useConflictForm } from '../../shared/use-conflict-form';
import { t } from '../../shared/i18n';
import { useCompanyGoalChoices } from './company-goal-choice';

interface Draft {
  title: string;
  description: string;
  owner: string;
  status: GoalStatus;
  targetDate: string;
}

const labels = () => ({ title: t('Title'), description: t('Description'), ownerAccountId: t('Owner'), status: t('Status'), targetDate: t('Target date') });
const FORM_FIELDS = Object.keys(labels());

const draftOf = (g: GoalFields | null): Draft => ({
  title: g?.title ?? '',
  description: g?.description ?? '',
  owner: g?.ownerAccountId ?? '',
  status: g?.status ?? 'active',
  targetDate: g?.targetDate ?? '',
});

const fieldsOf = (d: Draft): GoalFields => ({
  title: d.title,
  description: d.description,
  ownerAccountId: d.owner || null,
  status: d.status,
  targetDate: d.targetDate || null,
});

const validate = (d: Draft): FieldErrors => {
  const parsed = goalFieldsSchema.safeParse(fieldsOf(d));
  return parsed.success ? {} : fieldErrors(toFieldIssues(parsed.error.issues));
};

export function GoalForm({
  goal,
  ops,
  people,
  candidates,
  onDone,
  onCancel,
}: {
  /** The goal being edited; null to add one. */
  goal: Goal | null;
  ops: BookOps;
  people: PeopleIndex;
  candidates: PeopleLoader;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  // Kept beside the draft: the contribution is its own change (goal/contribute), sent after the goal's.
  const companyGoals = useCompanyGoalChoices();
  const [contributeTo, setContributeTo] = useState(goal?.companyGoalId ?? '');
  const LABELS = labels();
  const form = useConflictForm({
    initial: goal,
    draftOf,
    validate,
    merge: mergeDraft,
    fields: FORM_FIELDS,
    prefix: 'goal',
    send: async (values, against: Goal | null) => {
      const fields = fieldsOf(values);
      const saved = against
        ? await ops.run('goal/update', (baseRevision) => ({ goalId: against.id, goal: fields, baseRevision }))
        : await ops.run('goal/create', (baseRevision) => ({ goal: fields, baseRevision }));
      const goalId = against?.id ?? (saved.ok ? saved.data.goals[saved.data.goals.length - 1]?.id : undefined);
      if (!saved.ok || !goalId || contributeTo === (against?.companyGoalId ?? '')) return saved;
      return ops.run('goal/contribute', (baseRevision) => ({ goalId, companyGoalId: contributeTo || null, baseRevision }));
    },
    onSaved: (_book, values, against) => onDone(against ? t('Saved goal “{title}”.', { title: values.title.trim() }) : t('Added goal “{title}”.', { title: values.title.trim() })),
    // The runner already holds the current GoalBook; find this goal in it.
    readConflict: (_error, against) => ({ theirs: against ? (ops.current().goals.find((g) => g.id === against.id) ?? null) : null }),
    isGone: (error) => isGone(error.details),
  });
  const { draft, conflict } = form;
  const formRef = useRef<HTMLFormElement>(null);

  const { ensure } = candidates;
  useEffect(() => {
    ensure();
    focusField(formRef.current, 'title');
  }, [ensure]);

  const ownerOptions: Option[] = useMemo(() => {
    const opts: Option[] = [{ value: '', label: t('No owner') }];
    const list = candidates.state.status === 'ready' ? candidates.state.people : [];
    for (const p of list) opts.push({ value: p.accountId, label: p.displayName });
    if (draft.owner && !list.some((p) => p.accountId === draft.owner)) {
      opts.push({ value: draft.owner, label: personName(people, draft.owner) });
    }
    return opts;
  }, [candidates.state, draft.owner, people]);

  const ownerHelp =
    candidates.state.status === 'loading' ? (
      t('Loading people…')
    ) : candidates.state.status === 'error' ? (
      <span className="pv-row">
        <span>{t('Could not load people: {message}', { message: candidates.state.error.message })}</span>
        <button type="button" className="pv-link-btn" onClick={ensure}>
          {t('Try again')}
        </button>
      </span>
    ) : undefined;

  const title = form.base ? t('Edit goal') : t('Add a business goal');
  return (
    <form ref={formRef} className="pv-form" noValidate aria-label={title} onSubmit={form.onSubmit} onKeyDown={escapeCancels(form.saving, onCancel)}>
      <h3>{title}</h3>
      {conflict ? (
        <GoalConflict theirs={conflict.theirs} isNew={!form.base} name={form.base?.title ?? ''} people={people} onReapply={form.reapply} onCancel={onCancel} />
      ) : null}
      <FormAlerts form={form} labels={LABELS} onJump={(f) => focusField(formRef.current, f === 'ownerAccountId' ? 'owner' : f)} />
      <TextField {...form.bind('title')} label={LABELS.title} required max={LIMITS.goalTitle} />
      <TextAreaField {...form.bind('description')} label={LABELS.description} max={LIMITS.goalDescription} />
      <div className="pv-fields-2">
        <SelectField {...form.bind('owner', 'ownerAccountId')} label={LABELS.ownerAccountId} options={ownerOptions} help={ownerHelp} />
        <SelectField {...form.bind('status')} label={LABELS.status} options={GOAL_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
        <TextField {...form.bind('targetDate')} type="date" label={LABELS.targetDate} />
        {companyGoals.length ? (
          <SelectField
            name="companyGoalId"
            label={t('Contributes to company goal')}
            value={contributeTo}
            onChange={setContributeTo}
            options={[{ value: '', label: t('None') }, ...companyGoals.map((c) => ({ value: c.id, label: c.businessUnit ? `${c.title} (${c.businessUnit})` : c.title }))]}
          />
        ) : null}
      </div>
      <FormFoot form={form} label={form.base ? t('Save goal') : t('Add goal')} onCancel={onCancel} />
    </form>
  );
}

function GoalConflict({
  theirs,
  isNew,
  name,
  people,
  onReapply,
  onCancel,
}: {
  theirs: Goal | null;
  isNew: boolean;
  /** The title of the goal as the user opened it. */
  name: string;
  people: PeopleIndex;
  onReapply: () => void;
  onCancel: () => void;
}) {
  return (
    <ConflictMessage
      title={!isNew && !theirs ? t('Goal “{name}” was deleted by someone else', { name }) : undefined}
      reapplyLabel={isNew ? t('Add my goal now') : theirs ? t('Re-apply my changes on top') : t('Add it again as a new goal')}
      onReapply={onReapply}
      onDiscard={onCancel}
    >
      {isNew ? (
        <p>{t('The goals changed while you were typing; the list now shows the current version. Your goal has not been added yet.')}</p>
      ) : theirs ? (
        <>
          <p>{t('The current version of this goal is below. Your values are still in the form; re-applying keeps what you changed and takes the rest from this version.')}</p>
          <dl className="pv-meta">
            <div>
              <dt>{t('Title')}</dt>
              <dd>{theirs.title}</dd>
            </div>
            <div>
              <dt>{t('Status')}</dt>
              <dd>{statusLabel(theirs.status)}</dd>
            </div>
            <div>
              <dt>{t('Owner')}</dt>
              <dd>{theirs.ownerAccountId ? personName(people, theirs.ownerAccountId) : t('No owner')}</dd>
            </div>
            <div>
              <dt>{t('Target date')}</dt>
              <dd>{theirs.targetDate ? formatDate(theirs.targetDate) : t('Not set')}</dd>
            </div>
          </dl>
          {theirs.description ? <p className="pv-prewrap pv-small">{theirs.description}</p> : null}
        </>
      ) : (
        <p>{t('Your values are still in the form; you can add it again as a new goal (its KPIs were deleted with it).')}</p>
      )}
    </ConflictMessage>
  );
}
