/** Add or edit one business goal. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { LIMITS } from '../../../src/contract/shared/limits';
import { GOAL_STATUSES, type Goal, type GoalFields, type GoalStatus } from '../../../src/contract/goals/model';
import type { AppError } from '../../../src/contract/shared/result';
import { goalFieldsSchema, toFieldIssues } from '../../../src/contract/shared/schemas';
import { fieldErrors, otherIssues, type FieldErrors } from '../../shared/errors';
import { ErrorSummary, SelectField, TextAreaField, TextField, focusField, type Option } from '../../shared/field';
import { STATUS_LABEL, formatDate, personName, type PeopleIndex } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import type { PeopleLoader } from '../../shared/use-people';
import type { BookOps } from './use-book-runner';
import { mergeDraft } from '../../shared/merge-draft';

interface Draft {
  title: string;
  description: string;
  owner: string;
  status: GoalStatus;
  targetDate: string;
}

const LABELS = { title: 'Title', description: 'Description', ownerAccountId: 'Owner', status: 'Status', targetDate: 'Target date' };
const FORM_FIELDS = Object.keys(LABELS);

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

type Conflict = { theirs: Goal | null };

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
  const [base, setBase] = useState<GoalFields | null>(goal);
  const [goalId, setGoalId] = useState<string | null>(goal?.id ?? null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(goal));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [serverExtra, setServerExtra] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  const { ensure } = candidates;
  useEffect(() => {
    ensure();
    focusField(formRef.current, 'title');
  }, [ensure]);

  const local = useMemo(() => validate(draft), [draft]);
  const shown: FieldErrors = { ...(submitted ? local : {}), ...serverErrors };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    const path = k === 'owner' ? 'ownerAccountId' : k;
    if (serverErrors[path]) setServerErrors(({ [path]: _gone, ...rest }) => rest);
  };

  async function submit(values: Draft, id: string | null) {
    const errors = validate(values);
    if (Object.keys(errors).length) {
      setSubmitted(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    setActionError(null);
    setServerErrors({});
    setServerExtra([]);
    const fields = fieldsOf(values);
    const res = id
      ? await ops.run('goal/update', (baseRevision) => ({ goalId: id, goal: fields, baseRevision }))
      : await ops.run('goal/create', (baseRevision) => ({ goal: fields, baseRevision }));
    setSaving(false);
    if (res.ok) {
      onDone(id ? `Saved goal “${fields.title.trim()}”.` : `Added goal “${fields.title.trim()}”.`);
      return;
    }
    const { error } = res;
    if (error.code === 'VALIDATION_FAILED') {
      setServerErrors(fieldErrors(error.fields, 'goal'));
      setServerExtra(otherIssues(error.fields, FORM_FIELDS, 'goal'));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } else if (error.code === 'CONFLICT') {
      // The runner already holds the current GoalBook; find this goal in it.
      const theirs = id ? (ops.current().goals.find((g) => g.id === id) ?? null) : null;
      setConflict({ theirs });
    } else {
      setActionError(error);
    }
  }

  function reapply() {
    if (!conflict) return;
    const { theirs } = conflict;
    setConflict(null);
    if (!goalId || !theirs) {
      // New goal, or the goal was deleted meanwhile: add it (again) with everything typed.
      setGoalId(null);
      setBase(null);
      void submit(draft, null);
      return;
    }
    const merged = mergeDraft(draft, draftOf(base), draftOf(theirs));
    setBase(theirs);
    setDraft(merged);
    void submit(merged, goalId);
  }

  const ownerOptions: Option[] = useMemo(() => {
    const opts: Option[] = [{ value: '', label: 'No owner' }];
    const list = candidates.state.status === 'ready' ? candidates.state.people : [];
    for (const p of list) opts.push({ value: p.accountId, label: p.displayName });
    if (draft.owner && !list.some((p) => p.accountId === draft.owner)) {
      opts.push({ value: draft.owner, label: personName(people, draft.owner) });
    }
    return opts;
  }, [candidates.state, draft.owner, people]);

  const ownerHelp =
    candidates.state.status === 'loading' ? (
      'Loading people…'
    ) : candidates.state.status === 'error' ? (
      <span className="pv-row">
        <span>Could not load people: {candidates.state.error.message}</span>
        <button type="button" className="pv-link-btn" onClick={ensure}>
          Try again
        </button>
      </span>
    ) : undefined;

  const title = goalId ? `Edit goal` : 'Add a business goal';
  return (
    <form
      ref={formRef}
      className="pv-form"
      noValidate
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving && !conflict) void submit(draft, goalId);
      }}
    >
      <h3>{title}</h3>
      {conflict ? (
        <GoalConflict conflict={conflict} isNew={!goalId} people={people} onReapply={reapply} onCancel={onCancel} />
      ) : null}
      <ErrorSummary
        summaryRef={summaryRef}
        errors={shown}
        labels={LABELS}
        extra={serverExtra}
        onJump={(f) => focusField(formRef.current, f === 'ownerAccountId' ? 'owner' : f)}
      />
      {actionError ? (
        <ErrorBanner error={actionError} onRetry={() => void submit(draft, goalId)} onDismiss={() => setActionError(null)} />
      ) : null}
      <TextField
        name="title"
        label={LABELS.title}
        required
        max={LIMITS.goalTitle}
        value={draft.title}
        error={shown.title}
        readOnly={saving}
        onChange={(v) => set('title', v)}
      />
      <TextAreaField
        name="description"
        label={LABELS.description}
        max={LIMITS.goalDescription}
        value={draft.description}
        error={shown.description}
        readOnly={saving}
        onChange={(v) => set('description', v)}
      />
      <div className="pv-fields-2">
        <SelectField
          name="owner"
          label={LABELS.ownerAccountId}
          options={ownerOptions}
          value={draft.owner}
          error={shown.ownerAccountId}
          help={ownerHelp}
          readOnly={saving}
          onChange={(v) => set('owner', v)}
        />
        <SelectField
          name="status"
          label={LABELS.status}
          options={GOAL_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          value={draft.status}
          error={shown.status}
          readOnly={saving}
          onChange={(v) => set('status', v as GoalStatus)}
        />
        <TextField
          name="targetDate"
          type="date"
          label={LABELS.targetDate}
          value={draft.targetDate}
          error={shown.targetDate}
          readOnly={saving}
          onChange={(v) => set('targetDate', v)}
        />
      </div>
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={saving || !!conflict}>
          {saving ? 'Saving…' : goalId ? 'Save goal' : 'Add goal'}
        </Button>
        <Button appearance="subtle" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function GoalConflict({
  conflict,
  isNew,
  people,
  onReapply,
  onCancel,
}: {
  conflict: Conflict;
  isNew: boolean;
  people: PeopleIndex;
  onReapply: () => void;
  onCancel: () => void;
}) {
  const { theirs } = conflict;
  return (
    <Message
      kind="warning"
      title="Someone else changed this since you opened it"
      actions={
        <>
          <Button appearance="primary" onClick={onReapply}>
            {isNew ? 'Add my goal now' : theirs ? 'Re-apply my changes on top' : 'Add it again as a new goal'}
          </Button>
          <Button appearance="subtle" onClick={onCancel}>
            Discard my changes
          </Button>
        </>
      }
    >
      {isNew ? (
        <p>The goals changed while you were typing; the list now shows the current version. Your goal has not been added yet.</p>
      ) : theirs ? (
        <>
          <p>The current version of this goal is below. Your values are still in the form; re-applying keeps what you changed and takes the rest from this version.</p>
          <dl className="pv-meta">
            <div>
              <dt>Title</dt>
              <dd>{theirs.title}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{STATUS_LABEL[theirs.status]}</dd>
            </div>
            <div>
              <dt>Owner</dt>
              <dd>{theirs.ownerAccountId ? personName(people, theirs.ownerAccountId) : 'No owner'}</dd>
            </div>
            <div>
              <dt>Target date</dt>
              <dd>{theirs.targetDate ? formatDate(theirs.targetDate) : 'Not set'}</dd>
            </div>
          </dl>
          {theirs.description ? <p className="pv-prewrap pv-small">{theirs.description}</p> : null}
        </>
      ) : (
        <p>Someone deleted this goal. Your values are still in the form; you can add it again as a new goal.</p>
      )}
    </Message>
  );
}
