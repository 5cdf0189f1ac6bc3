/** Add or edit one KPI of a goal. Cross-field rules (target above baseline…) are the server's to say. */
import { useCallback, useEffect, useRef } from 'react';
import { isPercentUnit } from '../../../src/domain/goals/plausible-values';
import { notANumber, parseLocaleNumber, toInputText } from '../../shared/locale-number';
import { useLocale } from '../../shared/use-locale';
import { LIMITS } from '../../../src/contract/shared/limits';
import { KPI_DIRECTIONS, type Kpi, type KpiDirection, type KpiFields } from '../../../src/contract/goals/model';
import { kpiFieldsSchema, toFieldIssues } from '../../../src/contract/shared/schemas';
import { ConflictMessage, FormAlerts, FormFoot } from '../../shared/conflict-form-parts';
import { fieldErrors, type FieldErrors } from '../../shared/errors';
import { escapeCancels } from '../../shared/escape';
import { SelectField, TextField, focusField } from '../../shared/field';
import { kpiSummary, directionLabel } from '../../shared/format';
import { Button } from '../../shared/ui';
import type { BookOps } from './use-book-runner';
import { mergeDraft } from '../../shared/merge-draft';
import { isGone } from '../../shared/guards';
import { useConflictForm } from '../../shared/use-conflict-form';
import { t } from '../../shared/i18n';

interface Draft {
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline: string;
  target: string;
  bandLow: string;
  bandHigh: string;
  /** 'yes' when a percent KPI may hold any percent (a string, as every draft field). */
  anyPercent: string;
}

const LABELS = () => ({
  name: t('Name'),
  unit: t('Unit'),
  direction: t('Direction'),
  baseline: t('Baseline'),
  target: t('Target'),
  bandLow: t('Lower bound'),
  bandHigh: t('Upper bound'),
});
const FORM_FIELDS = Object.keys(LABELS());

const draftOf = (k: KpiFields | null, locale: string): Draft => ({
  name: k?.name ?? '',
  unit: k?.unit ?? '',
  direction: k?.direction ?? 'increase',
  baseline: toInputText(k?.baseline, locale),
  target: toInputText(k?.target, locale),
  bandLow: toInputText(k?.bandLow, locale),
  bandHigh: toInputText(k?.bandHigh, locale),
  anyPercent: k?.anyPercent ? 'yes' : '',
});

const fieldsOf = (d: Draft, goalId: string, locale: string): KpiFields => {
  const band = d.direction === 'band';
  const num = (s: string) => parseLocaleNumber(s, locale);
  return {
    goalId,
    name: d.name,
    unit: d.unit,
    direction: d.direction,
    baseline: num(d.baseline) as number,
    target: band ? null : num(d.target),
    bandLow: band ? num(d.bandLow) : null,
    bandHigh: band ? num(d.bandHigh) : null,
    ...(isPercentUnit(d.unit) && d.anyPercent ? { anyPercent: true } : {}),
  };
};

function validate(d: Draft, goalId: string, locale: string): FieldErrors {
  const errors: FieldErrors = {};
  const needed = (d.direction === 'band' ? ['baseline', 'bandLow', 'bandHigh'] : ['baseline', 'target']) as Array<keyof ReturnType<typeof LABELS>>;
  for (const k of needed) {
    const v = parseLocaleNumber(d[k], locale);
    if (v === null) errors[k] = t('{label} is required.', { label: LABELS()[k] });
    else if (!Number.isFinite(v)) errors[k] = notANumber(LABELS()[k], locale);
  }
  const parsed = kpiFieldsSchema.safeParse(fieldsOf(d, goalId, locale));
  const schemaErrors = parsed.success ? {} : fieldErrors(toFieldIssues(parsed.error.issues));
  return { ...schemaErrors, ...errors };
}

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
  const locale = useLocale();
  const check = useCallback((d: Draft) => validate(d, goalId, locale), [goalId, locale]);
  const form = useConflictForm({
    initial: kpi,
    draftOf: (k: Kpi | null) => draftOf(k, locale),
    validate: check,
    merge: mergeDraft,
    fields: FORM_FIELDS,
    prefix: 'kpi',
    send: (values, against: Kpi | null) => {
      const fields = fieldsOf(values, goalId, locale);
      return against
        ? ops.run('kpi/update', (baseRevision) => ({ kpiId: against.id, kpi: fields, baseRevision }))
        : ops.run('kpi/create', (baseRevision) => ({ kpi: fields, baseRevision }));
    },
    onSaved: (_book, values, against) =>
      onDone(against ? t('Saved KPI “{name}”.', { name: values.name.trim() }) : t('Added KPI “{name}” to “{goalTitle}”.', { name: values.name.trim(), goalTitle })),
    readConflict: (_error, against) => ({ theirs: against ? (ops.current().kpis.find((k) => k.id === against.id) ?? null) : null }),
    isGone: (error) => isGone(error.details),
  });
  const { draft, conflict } = form;
  const kpiId = form.base?.id ?? null;
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => focusField(formRef.current, 'name'), []);

  const goalGone = !ops.current().goals.some((g) => g.id === goalId);
  const band = draft.direction === 'band';
  const title = kpiId ? t('Edit KPI') : t('Add a KPI to “{goalTitle}”', { goalTitle });
  return (
    <form ref={formRef} className="pv-form pv-card pv-card--sunken" noValidate aria-label={title} onSubmit={form.onSubmit} onKeyDown={escapeCancels(form.saving, onCancel)}>
      <h4>{title}</h4>
      {conflict ? (
        <ConflictMessage
          title={goalGone ? t('Goal “{goalTitle}” was deleted by someone else', { goalTitle }) : kpiId && !conflict.theirs ? t('KPI “{value}” was deleted by someone else', { value: form.base?.name ?? '' }) : undefined}
          reapplyLabel={!kpiId ? t('Add my KPI now') : conflict.theirs ? t('Re-apply my changes on top') : t('Add it again as a new KPI')}
          onReapply={form.reapply}
          onDiscard={onCancel}
          actions={
            goalGone ? (
              <Button appearance="subtle" onClick={onCancel}>
                {t('Close')}
              </Button>
            ) : undefined
          }
        >
          {goalGone ? (
            <p>{t('The KPI went with its goal, so it cannot be saved. Your values are still in the form.')}</p>
          ) : !kpiId ? (
            <p>{t('The goals changed while you were typing. Your KPI has not been added yet.')}</p>
          ) : conflict.theirs ? (
            <p>
              {t('Current version:')} <strong>{conflict.theirs.name}</strong> {t('— {values} ({toLowerCase}). Your values are still in the form.', { values: kpiSummary(conflict.theirs).values, toLowerCase: directionLabel(conflict.theirs.direction).toLowerCase() })}
            </p>
          ) : (
            <p>{t('Your values are still in the form; you can add it again as a new KPI of “{goalTitle}”.', { goalTitle })}</p>
          )}
        </ConflictMessage>
      ) : null}
      <FormAlerts form={form} labels={LABELS()} onJump={(f) => focusField(formRef.current, f)} />
      <div className="pv-fields-2">
        <TextField {...form.bind('name')} label={LABELS().name} required max={LIMITS.kpiName} />
        <TextField {...form.bind('unit')} label={LABELS().unit} max={LIMITS.kpiUnit} help={t('e.g. %, ms, users')} />
        <SelectField
          {...form.bind('direction')}
          label={LABELS().direction}
          options={KPI_DIRECTIONS.map((d) => ({ value: d, label: directionLabel(d) }))}
        />
      </div>
      <div className="pv-fields-2">
        <TextField {...form.bind('baseline')} label={LABELS().baseline} required inputMode="decimal" help={t('Where it stands today')} />
        {band ? (
          <>
            <TextField {...form.bind('bandLow')} label={LABELS().bandLow} required inputMode="decimal" />
            <TextField {...form.bind('bandHigh')} label={LABELS().bandHigh} required inputMode="decimal" />
          </>
        ) : (
          <TextField
            {...form.bind('target')}
            label={LABELS().target}
            required
            inputMode="decimal"
            help={draft.direction === 'increase' ? t('Above the baseline') : t('Below the baseline')}
          />
        )}
      </div>
      {isPercentUnit(draft.unit) ? (
        <label className="pl-check">
          <input type="checkbox" checked={draft.anyPercent === 'yes'} onChange={(e) => form.setField('anyPercent', e.target.checked ? 'yes' : '')} />
          {t('Allow percents below 0 or above 100 (e.g. a growth rate)')}
        </label>
      ) : null}
      <FormFoot form={form} label={kpiId ? t('Save KPI') : t('Add KPI')} onCancel={onCancel} />
    </form>
  );
}
