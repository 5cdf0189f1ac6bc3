/** The vision editor: five fields, inline validation from the contract schema, save with feedback. */
import { useMemo, useRef, useState } from 'react';
import { LIMITS } from '../../../src/contract/shared/limits';
import type { VisionFields } from '../../../src/contract/goals/model';
import { DEFAULT_REVIEW_CADENCE_DAYS, type VisionDraft } from '../../../src/contract/vision/publishing';
import type { AppError } from '../../../src/contract/shared/result';
import { saveVisionSchema, toFieldIssues } from '../../../src/contract/shared/schemas';
import { call } from '../../shared/bridge';
import { fieldErrors, otherIssues, type FieldErrors } from '../../shared/errors';
import { ErrorSummary, TextAreaField, TextField, focusField } from '../../shared/field';
import { formatDateTime, personName, type PeopleIndex } from '../../shared/format';
import { conflictDocument, isVision } from '../../shared/guards';
import { BetsFields, betLabels, betsPayload, rowsOf, sameRows, type BetRow } from './bets-fields';
import type { PeopleLoader } from '../../shared/use-people';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import { VISION_LABELS } from './vision-view';

const FIELDS = ['statement', 'targetUsers', 'problem', 'valueProposition', 'horizon'] as const;
type Field = (typeof FIELDS)[number];

const HELP: Record<Field, string> = {
  statement: 'One or two sentences: where is this product going?',
  targetUsers: 'Who is it for?',
  problem: 'What problem does it solve for them?',
  valueProposition: 'Why will they choose it?',
  horizon: 'By when, e.g. "FY27" or "next 18 months".',
};

const EMPTY: VisionFields = { statement: '', targetUsers: '', problem: '', valueProposition: '', horizon: '' };

const fieldsOf = (v: VisionDraft | null): VisionFields =>
  v ? { statement: v.statement, targetUsers: v.targetUsers, problem: v.problem, valueProposition: v.valueProposition, horizon: v.horizon } : EMPTY;

const cadenceOf = (v: VisionDraft | null) => String(v?.reviewCadenceDays ?? DEFAULT_REVIEW_CADENCE_DAYS);

/** A CONFLICT's current document is a draft (a vision saved before drafts reads as one too). */
const isDraft = (v: unknown): v is VisionDraft => isVision(v) && Array.isArray((v as { bets?: unknown }).bets);

/** Everything the draft form saves, as the resolver will parse it. */
const payloadOf = (fields: VisionFields, rows: readonly BetRow[], cadence: string, baseRevision: number) => ({
  ...fields,
  bets: betsPayload(rows),
  reviewCadenceDays: /^\s*\d+\s*$/.test(cadence) ? Number(cadence) : (cadence as unknown as number),
  baseRevision,
});

export function validateVision(payload: ReturnType<typeof payloadOf>): FieldErrors {
  const parsed = saveVisionSchema.safeParse(payload);
  return parsed.success ? {} : fieldErrors(toFieldIssues(parsed.error.issues));
}

type SaveState = 'idle' | 'saving' | 'saved';

export function VisionForm({
  vision,
  people,
  candidates,
  onChanged,
}: {
  vision: VisionDraft | null;
  people: PeopleIndex;
  /** Candidate owners for the bets (loaded when an owner field is first used). */
  candidates: PeopleLoader;
  /** The draft the server now holds (after a save, or the newer one a CONFLICT revealed). */
  onChanged: (v: VisionDraft) => void;
}) {
  /** The draft revision the user's edits are based on. */
  const [base, setBase] = useState<VisionDraft | null>(vision);
  const [draft, setDraft] = useState<VisionFields>(() => fieldsOf(vision));
  const [rows, setRows] = useState<BetRow[]>(() => rowsOf(vision?.bets ?? []));
  const [cadence, setCadence] = useState<string>(() => cadenceOf(vision));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [serverExtra, setServerExtra] = useState<string[]>([]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [conflict, setConflict] = useState<VisionDraft | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  const localErrors = useMemo(() => validateVision(payloadOf(draft, rows, cadence, 0)), [draft, rows, cadence]);
  const labels = useMemo(() => ({ ...VISION_LABELS, ...betLabels(rows) }), [rows]);
  const shown: FieldErrors = {};
  for (const f of Object.keys(labels)) {
    // Local errors appear after the first Save and then follow the typing; none on blur, so nothing
    // shifts under the pointer on the way to the Save button.
    const msg = serverErrors[f] ?? (submitted && localErrors[f]);
    if (msg) shown[f] = msg;
  }
  const betsDirty = !sameRows(rows, rowsOf(base?.bets ?? [])) || cadence !== cadenceOf(base);
  const dirty = FIELDS.some((f) => draft[f] !== fieldsOf(base)[f]) || betsDirty;
  const saving = saveState === 'saving';

  const edit = (f: Field, value: string) => {
    setDraft((d) => ({ ...d, [f]: value }));
    setSaveState((s) => (s === 'saved' ? 'idle' : s));
    if (serverErrors[f]) setServerErrors(({ [f]: _gone, ...rest }) => rest);
  };

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  async function save(values: VisionFields, betRows: BetRow[], cadenceText: string, against: VisionDraft | null) {
    const payload = payloadOf(values, betRows, cadenceText, against?.revision ?? 0);
    const errors = validateVision(payload);
    if (Object.keys(errors).length > 0) {
      setSubmitted(true);
      focusSummary();
      return;
    }
    setSaveState('saving');
    setActionError(null);
    setServerErrors({});
    setServerExtra([]);
    const res = await call('vision/save', payload);
    if (res.ok) {
      setBase(res.data);
      setDraft(fieldsOf(res.data));
      setRows(rowsOf(res.data.bets));
      setCadence(cadenceOf(res.data));
      setSubmitted(false);
      setConflict(null);
      setSaveState('saved');
      onChanged(res.data);
      return;
    }
    setSaveState('idle');
    const { error } = res;
    if (error.code === 'VALIDATION_FAILED') {
      setServerErrors(fieldErrors(error.fields));
      setServerExtra(otherIssues(error.fields, Object.keys(labels)));
      focusSummary();
    } else if (error.code === 'CONFLICT') {
      const theirs = conflictDocument(error.details, isDraft);
      if (theirs) {
        setConflict(theirs);
        onChanged(theirs);
      } else {
        setActionError({ ...error, message: `${error.message} Reload the page to see the current version; copy your text first.` });
      }
    } else {
      setActionError(error);
    }
  }

  /** Keep every field the user changed, take the rest from the current version, and save on top of it. */
  function reapply() {
    if (!conflict) return;
    const mine = fieldsOf(base);
    const theirs = fieldsOf(conflict);
    const merged = { ...theirs };
    for (const f of FIELDS) if (draft[f] !== mine[f]) merged[f] = draft[f];
    // Bets and cadence: mine when I changed them, theirs otherwise.
    const mergedRows = sameRows(rows, rowsOf(base?.bets ?? [])) ? rowsOf(conflict.bets) : rows;
    const mergedCadence = cadence !== cadenceOf(base) ? cadence : cadenceOf(conflict);
    setBase(conflict);
    setDraft(merged);
    setRows(mergedRows);
    setCadence(mergedCadence);
    setConflict(null);
    void save(merged, mergedRows, mergedCadence, conflict);
  }

  function takeTheirs() {
    if (!conflict) return;
    setBase(conflict);
    setDraft(fieldsOf(conflict));
    setRows(rowsOf(conflict.bets));
    setCadence(cadenceOf(conflict));
    setConflict(null);
    setServerErrors({});
    setSubmitted(false);
  }

  const summaryErrors = submitted || Object.keys(serverErrors).length > 0 ? shown : {};

  return (
    <form
      ref={formRef}
      className="pv-form"
      noValidate
      aria-labelledby="vision-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving) void save(draft, rows, cadence, base);
      }}
    >
      <div className="pv-section-head">
        <h2 id="vision-form-title">Vision (draft)</h2>
        {base ? (
          <span className="pv-small pv-subtlest">
            Draft revision {base.revision}
            {base.restoredFrom ? ` (restored from version ${base.restoredFrom})` : ''} · {formatDateTime(base.updatedAt)}
            {base.updatedBy ? ` · ${personName(people, base.updatedBy)}` : ''}
          </span>
        ) : null}
      </div>

      {!base && !dirty ? (
        <Message kind="info" title="No vision yet — write the first one">
          <p>Start with the statement; the other fields help stakeholders read it in a minute. Saving keeps a draft; readers see it once you publish it.</p>
        </Message>
      ) : null}

      {conflict ? <ConflictPanel theirs={conflict} mine={draft} base={base} people={people} onReapply={reapply} onUseTheirs={takeTheirs} /> : null}

      <ErrorSummary
        summaryRef={summaryRef}
        errors={summaryErrors}
        labels={labels}
        extra={serverExtra}
        onJump={(f) => focusField(formRef.current, f)}
      />
      {actionError ? (
        <ErrorBanner error={actionError} onRetry={() => void save(draft, rows, cadence, base)} onDismiss={() => setActionError(null)} />
      ) : null}

      <TextAreaField
        name="statement"
        label={VISION_LABELS.statement}
        required
        rows={3}
        max={LIMITS.visionField}
        help={HELP.statement}
        value={draft.statement}
        readOnly={saving}
        error={shown.statement}
        onChange={(v) => edit('statement', v)}
      />
      <div className="pv-fields-wide">
        {(['targetUsers', 'problem', 'valueProposition'] as const).map((f) => (
          <TextAreaField
            key={f}
            name={f}
            label={VISION_LABELS[f]}
            rows={4}
            max={LIMITS.visionField}
            help={HELP[f]}
            value={draft[f]}
            readOnly={saving}
            error={shown[f]}
            onChange={(v) => edit(f, v)}
          />
        ))}
        <TextField
          name="horizon"
          label={VISION_LABELS.horizon}
          max={LIMITS.horizon}
          help={HELP.horizon}
          value={draft.horizon}
          readOnly={saving}
          error={shown.horizon}
          onChange={(v) => edit('horizon', v)}
        />
      </div>
      <BetsFields
        rows={rows}
        cadence={cadence}
        errors={shown}
        readOnly={saving}
        people={people}
        candidates={candidates.state}
        onWantPeople={candidates.ensure}
        onRows={(next) => {
          setRows(next);
          setServerErrors({});
          setSaveState((st) => (st === 'saved' ? 'idle' : st));
        }}
        onCadence={(value) => {
          setCadence(value);
          setServerErrors(({ reviewCadenceDays: _gone, ...rest }) => rest);
          setSaveState((st) => (st === 'saved' ? 'idle' : st));
        }}
      />
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={saving || !!conflict}>
          {saving ? 'Saving…' : 'Save vision'}
        </Button>
        <span
          className={`pv-status${saveState === 'saved' ? ' pv-status--ok' : dirty ? ' pv-status--dirty' : ''}`}
          role="status"
          aria-live="polite"
        >
          {saveState === 'saved' ? '✓ Saved' : saving ? 'Saving…' : dirty ? 'You have unsaved changes.' : ''}
        </span>
      </div>
    </form>
  );
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
    <Message
      kind="warning"
      title="Someone else changed this since you opened it"
      actions={
        <>
          <Button appearance="primary" onClick={onReapply}>
            Re-apply my changes on top and save
          </Button>
          <Button appearance="subtle" onClick={onUseTheirs}>
            Discard my changes
          </Button>
        </>
      }
    >
      <p>
        {personName(people, theirs.updatedBy, 'Someone')} saved revision {theirs.revision} on {formatDateTime(theirs.updatedAt)}.
        Your text is still in the form below. Re-applying keeps the {changedByMe.length === 1 ? 'field' : 'fields'} you changed
        {changedByMe.length ? ` (${changedByMe.map((f) => VISION_LABELS[f]).join(', ')})` : ''} and takes everything else from
        their version.
      </p>
      <h4>Current version{changedByMe.length ? ' (fields you changed are highlighted)' : ''}</h4>
      <div className="pv-compare">
        <dl>
          {FIELDS.map((f) => (
            <div key={f}>
              <dt>{VISION_LABELS[f]}</dt>
              <dd className={changedByMe.includes(f) ? 'pv-changed' : undefined}>{theirs[f] || '—'}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Message>
  );
}
