/** The vision editor: five fields, inline validation from the contract schema, save with feedback. */
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { LIMITS } from '../../../src/contract/shared/limits';
import type { VisionFields } from '../../../src/contract/goals/model';
import { DEFAULT_REVIEW_CADENCE_DAYS, type VisionDraft } from '../../../src/contract/vision/publishing';
import { saveVisionSchema, toFieldIssues } from '../../../src/contract/shared/schemas';
import { call } from '../../shared/bridge';
import { fieldErrors, type FieldErrors } from '../../shared/errors';
import { TextAreaField, TextField, focusField } from '../../shared/field';
import { formatDateTime, personName, type PeopleIndex } from '../../shared/format';
import { conflictDocument, isVision } from '../../shared/guards';
import { BetsFields, betLabels, betsPayload, rowsOf, sameRows, type BetRow } from './bets-fields';
import type { PeopleLoader } from '../../shared/use-people';
import { ConflictMessage, FormAlerts, FormFoot } from '../../shared/conflict-form-parts';
import { mergeDraft } from '../../shared/merge-draft';
import { Message } from '../../shared/ui';
import { useConflictForm } from '../../shared/use-conflict-form';
import { VISION_LABELS } from './vision-view';
import { t } from '../../shared/i18n';

const FIELDS = ['statement', 'targetUsers', 'problem', 'valueProposition', 'horizon'] as const;
type Field = (typeof FIELDS)[number];

const HELP = (): Record<Field, string> => ({
  statement: t('One or two sentences: where is this product going?'),
  targetUsers: t('Who is it for?'),
  problem: t('What problem does it solve for them?'),
  valueProposition: t('Why will they choose it?'),
  horizon: t('By when, e.g. "FY27" or "next 18 months".'),
});

const EMPTY: VisionFields = { statement: '', targetUsers: '', problem: '', valueProposition: '', horizon: '' };

const fieldsOf = (v: VisionFields | null): VisionFields =>
  v ? { statement: v.statement, targetUsers: v.targetUsers, problem: v.problem, valueProposition: v.valueProposition, horizon: v.horizon } : EMPTY;

const cadenceOf = (v: VisionDraft | null) => String(v?.reviewCadenceDays ?? DEFAULT_REVIEW_CADENCE_DAYS);

/** A CONFLICT's current document is a draft (a vision saved before drafts reads as one too). */
const isDraft = (v: unknown): v is VisionDraft => isVision(v) && Array.isArray((v as { bets?: unknown }).bets);

/** What the form edits: the five fields, the bets as rows and the review cadence as typed. */
type VisionEdit = VisionFields & { rows: BetRow[]; cadence: string };

const editOf = (v: VisionDraft | null): VisionEdit => ({ ...fieldsOf(v), rows: rowsOf(v?.bets ?? []), cadence: cadenceOf(v) });

/** Keep every field the user changed, take the rest from the current version; bets and cadence as a whole. */
const mergeEdit = (mine: VisionEdit, from: VisionEdit, theirs: VisionEdit): VisionEdit => ({
  ...mergeDraft(fieldsOf(mine), fieldsOf(from), fieldsOf(theirs)),
  rows: sameRows(mine.rows, from.rows) ? theirs.rows : mine.rows,
  cadence: mine.cadence !== from.cadence ? mine.cadence : theirs.cadence,
});

/** Everything the draft form saves, as the resolver will parse it. */
const payloadOf = (edit: VisionEdit, baseRevision: number) => ({
  ...fieldsOf(edit),
  bets: betsPayload(edit.rows),
  reviewCadenceDays: /^\s*\d+\s*$/.test(edit.cadence) ? Number(edit.cadence) : (edit.cadence as unknown as number),
  baseRevision,
});

export function validateVision(payload: ReturnType<typeof payloadOf>): FieldErrors {
  const parsed = saveVisionSchema.safeParse(payload);
  return parsed.success ? {} : fieldErrors(toFieldIssues(parsed.error.issues));
}

const labelsOf = (rows: readonly BetRow[]) => ({ ...VISION_LABELS, ...betLabels(rows) });

const validateEdit = (edit: VisionEdit) => validateVision(payloadOf(edit, 0));

/** What publishing asks of the form: whether it holds unsaved edits, and to save them (null: refused, the form says why). */
export interface PendingEdits {
  dirty: boolean;
  save: () => Promise<VisionDraft | null>;
}

export function VisionForm({
  vision,
  people,
  candidates,
  onChanged,
  pending,
  onDirty,
}: {
  vision: VisionDraft | null;
  people: PeopleIndex;
  /** Candidate owners for the bets (loaded when an owner field is first used). */
  candidates: PeopleLoader;
  /** The draft the server now holds (after a save, or the newer one a CONFLICT revealed). */
  onChanged: (v: VisionDraft) => void;
  /** Filled in for the publish panel, which saves unsaved edits before it publishes. */
  pending?: MutableRefObject<PendingEdits | null>;
  onDirty?: (dirty: boolean) => void;
}) {
  const [saved, setSaved] = useState(false);
  const form = useConflictForm({
    initial: vision,
    draftOf: editOf,
    validate: validateEdit,
    merge: mergeEdit,
    fields: (edit) => Object.keys(labelsOf(edit.rows)),
    send: (edit, against: VisionDraft | null) => {
      setSaved(false);
      return call('vision/save', payloadOf(edit, against?.revision ?? 0));
    },
    onSaved: (data) => {
      setSaved(true);
      onChanged(data);
      return data;
    },
    onEdit: () => setSaved(false),
    readConflict: (error) => {
      const theirs = conflictDocument(error.details, isDraft);
      if (!theirs) return { ...error, message: t('{message} Reload the page to see the current version; copy your text first.', { message: error.message }) };
      onChanged(theirs);
      return { theirs };
    },
  });
  // `base` is the draft revision the user's edits are based on.
  const { base, draft, saving, conflict } = form;
  const formRef = useRef<HTMLFormElement>(null);

  const labels = useMemo(() => labelsOf(draft.rows), [draft.rows]);
  // Only the form's own fields (bets included). Local errors appear after the first Save and then follow
  // the typing; none on blur, so nothing shifts under the pointer on the way to the Save button.
  const shown: FieldErrors = {};
  for (const f of Object.keys(labels)) if (form.errors[f]) shown[f] = form.errors[f];
  const from = editOf(base);
  const betsDirty = !sameRows(draft.rows, from.rows) || draft.cadence !== from.cadence;
  const dirty = FIELDS.some((f) => draft[f] !== from[f]) || betsDirty;
  const { commit } = form;
  useEffect(() => {
    onDirty?.(dirty);
    if (pending) pending.current = { dirty, save: () => (dirty ? commit() : Promise.resolve(base)) };
  });

  return (
    <form
      ref={formRef}
      className="pv-form"
      noValidate
      aria-labelledby="vision-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving) form.save();
      }}
    >
      <div className="pv-section-head">
        <h2 id="vision-form-title">{t('Vision (draft)')}</h2>
        {base ? (
          <span className="pv-small pv-subtlest">
            {base.restoredFrom
              ? t('Draft revision {revision} (restored from version {restoredFrom}) · {updatedAt}', { revision: base.revision, restoredFrom: base.restoredFrom, updatedAt: formatDateTime(base.updatedAt) })
              : t('Draft revision {revision} · {updatedAt}', { revision: base.revision, updatedAt: formatDateTime(base.updatedAt) })}
            {base.updatedBy ? ` · ${personName(people, base.updatedBy)}` : ''}
          </span>
        ) : null}
      </div>

      {!base && !dirty ? (
        <Message kind="info" title={t('No vision yet — write the first one')}>
          <p>{t('Start with the statement; the other fields help stakeholders read it in a minute. Saving keeps a draft; readers see it once you publish it.')}</p>
        </Message>
      ) : null}

      {conflict?.theirs ? (
        <ConflictPanel theirs={conflict.theirs} mine={draft} base={base} people={people} onReapply={form.reapply} onUseTheirs={() => form.reset(conflict.theirs)} />
      ) : null}

      <FormAlerts form={form} labels={labels} errors={shown} onJump={(f) => focusField(formRef.current, f)} />

      <TextAreaField
        {...form.bind('statement')}
        label={VISION_LABELS().statement}
        required
        rows={3}
        max={LIMITS.visionField}
        help={HELP().statement}
      />
      <div className="pv-fields-wide">
        {(['targetUsers', 'problem', 'valueProposition'] as const).map((f) => (
          <TextAreaField
            key={f}
            {...form.bind(f)}
            label={VISION_LABELS()[f]}
            rows={4}
            max={LIMITS.visionField}
            help={HELP()[f]}
          />
        ))}
        <TextField {...form.bind('horizon')} label={VISION_LABELS().horizon} max={LIMITS.horizon} help={HELP().horizon} />
      </div>
      <BetsFields
        rows={draft.rows}
        cadence={draft.cadence}
        errors={shown}
        readOnly={saving}
        people={people}
        candidates={candidates.state}
        onWantPeople={candidates.ensure}
        onRows={(next) => {
          form.setDraft((d) => ({ ...d, rows: next }));
          form.clearError();
          setSaved(false);
        }}
        onCadence={(value) => {
          form.setDraft((d) => ({ ...d, cadence: value }));
          form.clearError('reviewCadenceDays');
          setSaved(false);
        }}
      />
      <FormFoot form={form} label={t('Save vision')}>
        <span className={`pv-status${saved ? ' pv-status--ok' : dirty ? ' pv-status--dirty' : ''}`} role="status" aria-live="polite">
          {saved ? t('✓ Saved') : saving ? t('Saving…') : dirty ? t('You have unsaved changes.') : ''}
        </span>
      </FormFoot>
    </form>
  );
}

/** What a save conflict means for the form, in one text: re-applying keeps the fields changed here (named). */
function conflictText(changed: ReadonlyArray<(typeof FIELDS)[number]>, values: { people: string; revision: number; updatedAt: string }): string {
  const fields = changed.map((f) => VISION_LABELS()[f]).join(', ');
  if (changed.length === 0)
    return t('{people} saved revision {revision} on {updatedAt}. Your text is still in the form below. Re-applying takes everything from their version.', values);
  return changed.length === 1
    ? t('{people} saved revision {revision} on {updatedAt}. Your text is still in the form below. Re-applying keeps the field you changed ({fields}) and takes everything else from their version.', { ...values, fields })
    : t('{people} saved revision {revision} on {updatedAt}. Your text is still in the form below. Re-applying keeps the fields you changed ({fields}) and takes everything else from their version.', { ...values, fields });
}

function ConflictPanel({
  theirs,
  mine,
  base,
  people,
  onReapply,
  onUseTheirs,
}: {
  theirs: VisionDraft;
  mine: VisionFields;
  base: VisionDraft | null;
  people: PeopleIndex;
  onReapply: () => void;
  onUseTheirs: () => void;
}) {
  const original = fieldsOf(base);
  const changedByMe = FIELDS.filter((f) => mine[f] !== original[f]);
  return (
    <ConflictMessage reapplyLabel={t('Re-apply my changes on top and save')} onReapply={onReapply} onDiscard={onUseTheirs}>
      <p>
        {conflictText(changedByMe, { people: personName(people, theirs.updatedBy, t('Someone')), revision: theirs.revision, updatedAt: formatDateTime(theirs.updatedAt) })}
      </p>
      <h4>{changedByMe.length ? t('Current version (fields you changed are highlighted)') : t('Current version')}</h4>
      <div className="pv-compare">
        <dl>
          {FIELDS.map((f) => (
            <div key={f}>
              <dt>{VISION_LABELS()[f]}</dt>
              <dd className={changedByMe.includes(f) ? 'pv-changed' : undefined}>{theirs[f] || '—'}</dd>
            </div>
          ))}
        </dl>
      </div>
    </ConflictMessage>
  );
}
