/** Add or edit one KPI of a goal. Cross-field rules (target above baseline…) are the server's to say. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { LIMITS } from '../../../src/contract/shared/limits';
import { KPI_DIRECTIONS, type Kpi, type KpiDirection, type KpiFields } from '../../../src/contract/goals/model';
import type { AppError } from '../../../src/contract/shared/result';
import { kpiFieldsSchema, toFieldIssues } from '../../../src/contract/shared/schemas';
import { fieldErrors, otherIssues, type FieldErrors } from '../../shared/errors';
import { ErrorSummary, SelectField, TextField, focusField } from '../../shared/field';
import { DIRECTION_LABEL, kpiSummary } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import type { BookOps } from './use-book-runner';
import { mergeDraft } from '../../shared/merge-draft';

interface Draft {
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline: string;
  target: string;
  bandLow: string;
  bandHigh: string;
}

const LABELS = {
  name: 'Name',
  unit: 'Unit',
  direction: 'Direction',
  baseline: 'Baseline',
  target: 'Target',
  bandLow: 'Lower bound',
  bandHigh: 'Upper bound',
};
const FORM_FIELDS = Object.keys(LABELS);

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

const draftOf = (k: KpiFields | null): Draft => ({
  name: k?.name ?? '',
  unit: k?.unit ?? '',
  direction: k?.direction ?? 'increase',
  baseline: str(k?.baseline),
  target: str(k?.target),
  bandLow: str(k?.bandLow),
  bandHigh: str(k?.bandHigh),
});

/** '' → null; not a number → NaN (reported by the form, never sent). */
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));

const fieldsOf = (d: Draft, goalId: string): KpiFields => {
  const band = d.direction === 'band';
  return {
    goalId,
    name: d.name,
    unit: d.unit,
    direction: d.direction,
    baseline: num(d.baseline) as number,
    target: band ? null : num(d.target),
    bandLow: band ? num(d.bandLow) : null,
    bandHigh: band ? num(d.bandHigh) : null,
  };
};

function validate(d: Draft, goalId: string): FieldErrors {
  const errors: FieldErrors = {};
  const needed: Array<keyof Draft> = d.direction === 'band' ? ['baseline', 'bandLow', 'bandHigh'] : ['baseline', 'target'];
  for (const k of needed) {
    const v = num(d[k]);
    if (v === null) errors[k] = `${LABELS[k]} is required.`;
    else if (!Number.isFinite(v)) errors[k] = `${LABELS[k]} must be a number, like 42 or 3.5.`;
  }
  const parsed = kpiFieldsSchema.safeParse(fieldsOf(d, goalId));
  const schemaErrors = parsed.success ? {} : fieldErrors(toFieldIssues(parsed.error.issues));
  return { ...schemaErrors, ...errors };
}

type Conflict = { theirs: Kpi | null };

export function KpiForm({
  goalId,
  goalTitle,
  kpi,
  ops,
  onDone,
  onCancel,
}: {
  goalId: string;
  goalTitle: string;
  /** The KPI being edited; null to add one. */
  kpi: Kpi | null;
  ops: BookOps;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [base, setBase] = useState<KpiFields | null>(kpi);
  const [kpiId, setKpiId] = useState<string | null>(kpi?.id ?? null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(kpi));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [serverExtra, setServerExtra] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  useEffect(() => focusField(formRef.current, 'name'), []);

  const local = useMemo(() => validate(draft, goalId), [draft, goalId]);
  const shown: FieldErrors = { ...(submitted ? local : {}), ...serverErrors };

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    if (serverErrors[k]) setServerErrors(({ [k]: _gone, ...rest }) => rest);
  };

  async function submit(values: Draft, id: string | null) {
    const errors = validate(values, goalId);
    if (Object.keys(errors).length) {
      setSubmitted(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSaving(true);
    setActionError(null);
    setServerErrors({});
    setServerExtra([]);
    const fields = fieldsOf(values, goalId);
    const res = id
      ? await ops.run('kpi/update', (baseRevision) => ({ kpiId: id, kpi: fields, baseRevision }))
      : await ops.run('kpi/create', (baseRevision) => ({ kpi: fields, baseRevision }));
    setSaving(false);
    if (res.ok) {
      onDone(id ? `Saved KPI “${fields.name.trim()}”.` : `Added KPI “${fields.name.trim()}” to “${goalTitle}”.`);
      return;
    }
    const { error } = res;
    if (error.code === 'VALIDATION_FAILED') {
      setServerErrors(fieldErrors(error.fields, 'kpi'));
      setServerExtra(otherIssues(error.fields, FORM_FIELDS, 'kpi'));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } else if (error.code === 'CONFLICT') {
      setConflict({ theirs: id ? (ops.current().kpis.find((k) => k.id === id) ?? null) : null });
    } else {
      setActionError(error);
    }
  }

  function reapply() {
    if (!conflict) return;
    const { theirs } = conflict;
    setConflict(null);
    if (!kpiId || !theirs) {
      setKpiId(null);
      setBase(null);
      void submit(draft, null);
      return;
    }
    const merged = mergeDraft(draft, draftOf(base), draftOf(theirs));
    setBase(theirs);
    setDraft(merged);
    void submit(merged, kpiId);
  }

  const goalGone = !ops.current().goals.some((g) => g.id === goalId);
  const band = draft.direction === 'band';
  const title = kpiId ? 'Edit KPI' : `Add a KPI to “${goalTitle}”`;
  return (
    <form
      ref={formRef}
      className="pv-form pv-card pv-card--sunken"
      noValidate
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving && !conflict) void submit(draft, kpiId);
      }}
    >
      <h4>{title}</h4>
      {conflict ? (
        <Message
          kind="warning"
          title="Someone else changed this since you opened it"
          actions={
            goalGone ? (
              <Button appearance="subtle" onClick={onCancel}>
                Close
              </Button>
            ) : (
              <>
                <Button appearance="primary" onClick={reapply}>
                  {!kpiId ? 'Add my KPI now' : conflict.theirs ? 'Re-apply my changes on top' : 'Add it again as a new KPI'}
                </Button>
                <Button appearance="subtle" onClick={onCancel}>
                  Discard my changes
                </Button>
              </>
            )
          }
        >
          {goalGone ? (
            <p>The goal of this KPI was deleted, so the KPI cannot be saved.</p>
          ) : !kpiId ? (
            <p>The goals changed while you were typing. Your KPI has not been added yet.</p>
          ) : conflict.theirs ? (
            <p>
              Current version: <strong>{conflict.theirs.name}</strong> — {kpiSummary(conflict.theirs).values} (
              {DIRECTION_LABEL[conflict.theirs.direction].toLowerCase()}). Your values are still in the form.
            </p>
          ) : (
            <p>Someone deleted this KPI. Your values are still in the form; you can add it again.</p>
          )}
        </Message>
      ) : null}
      <ErrorSummary
        summaryRef={summaryRef}
        errors={shown}
        labels={LABELS}
        extra={serverExtra}
        onJump={(f) => focusField(formRef.current, f)}
      />
      {actionError ? (
        <ErrorBanner error={actionError} onRetry={() => void submit(draft, kpiId)} onDismiss={() => setActionError(null)} />
      ) : null}
      <div className="pv-fields-2">
        <TextField
          name="name"
          label={LABELS.name}
          required
          max={LIMITS.kpiName}
          value={draft.name}
          error={shown.name}
          readOnly={saving}
          onChange={(v) => set('name', v)}
        />
        <TextField
          name="unit"
          label={LABELS.unit}
          max={LIMITS.kpiUnit}
          help="e.g. %, ms, users"
          value={draft.unit}
          error={shown.unit}
          readOnly={saving}
          onChange={(v) => set('unit', v)}
        />
        <SelectField
          name="direction"
          label={LABELS.direction}
          options={KPI_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABEL[d] }))}
          value={draft.direction}
          error={shown.direction}
          readOnly={saving}
          onChange={(v) => set('direction', v as KpiDirection)}
        />
      </div>
      <div className="pv-fields-2">
        <TextField
          name="baseline"
          label={LABELS.baseline}
          required
          inputMode="decimal"
          help="Where it stands today"
          value={draft.baseline}
          error={shown.baseline}
          readOnly={saving}
          onChange={(v) => set('baseline', v)}
        />
        {band ? (
          <>
            <TextField
              name="bandLow"
              label={LABELS.bandLow}
              required
              inputMode="decimal"
              value={draft.bandLow}
              error={shown.bandLow}
              readOnly={saving}
              onChange={(v) => set('bandLow', v)}
            />
            <TextField
              name="bandHigh"
              label={LABELS.bandHigh}
              required
              inputMode="decimal"
              value={draft.bandHigh}
              error={shown.bandHigh}
              readOnly={saving}
              onChange={(v) => set('bandHigh', v)}
            />
          </>
        ) : (
          <TextField
            name="target"
            label={LABELS.target}
            required
            inputMode="decimal"
            help={draft.direction === 'increase' ? 'Above the baseline' : 'Below the baseline'}
            value={draft.target}
            error={shown.target}
            readOnly={saving}
            onChange={(v) => set('target', v)}
          />
        )}
      </div>
      <div className="pv-form-foot">
        <Button type="submit" appearance="primary" busy={saving || !!conflict}>
          {saving ? 'Saving…' : kpiId ? 'Save KPI' : 'Add KPI'}
        </Button>
        <Button appearance="subtle" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
