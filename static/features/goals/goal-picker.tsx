/**
 * A native <select> of the goals an epic can serve, with an explicit save button (a select that saves on
 * change would fire on every arrow key). Used by the issue panel and by the report's rows.
 */
import { useEffect, useId, useState } from 'react';
import type { Goal } from '../../../src/contract/goals/model';
import { goalOptionLabel } from '../alignment/alignment-text';
import { Button } from '../../shared/ui';
import { t } from '../../shared/i18n';

export type GoalChoice = Pick<Goal, 'id' | 'title' | 'status'>;

/** The value the select starts from: a goal among the choices, none, or something that can't be chosen again. */
export type PickerStart = { kind: 'goal'; goalId: string } | { kind: 'none' } | { kind: 'stale'; label: string };

const NONE = '';
const STALE = '__stale__';

export function GoalPicker({
  choices,
  start,
  allowNone,
  label,
  hideLabel,
  busy,
  saveLabel = t('Save'),
  saveName,
  describedBy,
  onSave,
}: {
  choices: readonly GoalChoice[];
  start: PickerStart;
  /** Offer "No goal" (clears the link); otherwise the select starts on a "Choose a goal…" prompt. */
  allowNone: boolean;
  label: string;
  hideLabel?: boolean;
  busy?: boolean;
  saveLabel?: string;
  /** Accessible name of the save button when several pickers share a page, e.g. "Set goal for PV-7". */
  saveName?: string;
  describedBy?: string;
  onSave: (goalId: string | null) => void;
}) {
  const id = useId();
  const initial = start.kind === 'goal' ? start.goalId : start.kind === 'stale' ? STALE : NONE;
  const [value, setValue] = useState(initial);
  // A saved answer moves the starting point; the select follows it (and keeps focus: no remount).
  useEffect(() => setValue(initial), [initial]);
  const known = start.kind !== 'goal' || choices.some((c) => c.id === start.goalId);
  const canSave = value !== initial && value !== STALE && (value !== NONE || allowNone);

  return (
    <form
      className="pv-picker"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave && !busy) onSave(value === NONE ? null : value);
      }}
    >
      <label className={hideLabel ? 'pv-sr-only' : 'pv-label'} htmlFor={id}>
        {label}
      </label>
      <div className="pv-picker-row">
        <select
          id={id}
          className="pv-input"
          value={value}
          aria-describedby={describedBy}
          disabled={busy}
          onChange={(e) => setValue(e.target.value)}
        >
          {start.kind === 'stale' ? (
            <option value={STALE} disabled>
              {start.label}
            </option>
          ) : null}
          {!known && start.kind === 'goal' ? (
            <option value={start.goalId} disabled>
              {t('Current goal (no longer offered)')}
            </option>
          ) : null}
          {allowNone ? (
            <option value={NONE}>{t('No goal')}</option>
          ) : (
            <option value={NONE} disabled>
              {t('Choose a goal…')}
            </option>
          )}
          {choices.map((g) => (
            <option key={g.id} value={g.id}>
              {goalOptionLabel(g)}
            </option>
          ))}
        </select>
        <Button type="submit" appearance="primary" busy={busy || !canSave} aria-label={busy ? undefined : saveName}>
          {busy ? t('Saving…') : saveLabel}
        </Button>
      </div>
    </form>
  );
}
