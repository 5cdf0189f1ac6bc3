/**
 * What the vision bets on — assumptions, risks and technology bets, each with an owner and a review
 * date — and how often the vision itself is reviewed. Part of the draft form (saved with it).
 */
import './publishing.style';
import { useId } from 'react';
import type { Person } from '../../../src/contract/goals/model';
import { BET_KINDS, PUBLISHING_LIMITS, type BetKind, type VisionBet } from '../../../src/contract/vision/publishing';
import { SelectField, TextField, type Option } from '../../shared/field';
import { personName, type PeopleIndex, betKindLabel } from '../../shared/format';
import { Button } from '../../shared/ui';
import type { PeopleState } from '../../shared/use-people';
import { t } from '../../shared/i18n';

/** A bet as the form edits it: `key` is local; `id` is the saved bet's id (absent for new ones). */
export interface BetRow {
  key: string;
  id?: string;
  kind: BetKind;
  text: string;
  owner: string;
  reviewBy: string;
}

let counter = 0;
export const newRowKey = () => `row-${++counter}`;

export const rowsOf = (bets: readonly VisionBet[]): BetRow[] =>
  bets.map((b) => ({ key: b.id, id: b.id, kind: b.kind, text: b.text, owner: b.ownerAccountId ?? '', reviewBy: b.reviewBy }));

export const betsPayload = (rows: readonly BetRow[]) =>
  rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), kind: r.kind, text: r.text, ownerAccountId: r.owner || null, reviewBy: r.reviewBy }));

export const sameRows = (a: readonly BetRow[], b: readonly BetRow[]) =>
  a.length === b.length &&
  a.every((r, i) => {
    const o = b[i]!;
    return r.id === o.id && r.kind === o.kind && r.text === o.text && r.owner === o.owner && r.reviewBy === o.reviewBy;
  });

/** Field labels of every row, for the error summary's links. */
export function betLabels(rows: readonly BetRow[]): Record<string, string> {
  const out: Record<string, string> = { reviewCadenceDays: t('Review the vision every (days)') };
  rows.forEach((r, i) => {
    const name = `${betKindLabel(r.kind)} ${i + 1}`;
    out[`bets.${i}.kind`] = t('{name}: kind', { name });
    out[`bets.${i}.text`] = t('{name}: text', { name });
    out[`bets.${i}.ownerAccountId`] = t('{name}: owner', { name });
    out[`bets.${i}.reviewBy`] = t('{name}: review by', { name });
  });
  return out;
}

/** The remove button's name, one sentence per kind (a lowercased kind label reads wrong in German). */
const removeLabel = (kind: BetKind, n: number): string =>
  ({ assumption: t('Remove assumption {n}', { n }), risk: t('Remove risk {n}', { n }), technology: t('Remove technology bet {n}', { n }) })[kind];

const KIND_OPTIONS: Option[] = BET_KINDS.map((k) => ({ value: k, label: betKindLabel(k) }));

/** A date `days` from today, YYYY-MM-DD (local calendar). */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function BetsFields({
  rows,
  cadence,
  errors,
  readOnly,
  people,
  candidates,
  onRows,
  onCadence,
  onWantPeople,
}: {
  rows: BetRow[];
  cadence: string;
  errors: Record<string, string>;
  readOnly: boolean;
  people: PeopleIndex;
  candidates: PeopleState;
  onRows: (rows: BetRow[]) => void;
  onCadence: (value: string) => void;
  onWantPeople: () => void;
}) {
  const titleId = useId();
  const list: Person[] = candidates.status === 'ready' ? candidates.people : [];
  const ownerOptions = (current: string): Option[] => {
    const opts: Option[] = [{ value: '', label: t('No owner') }, ...list.map((p) => ({ value: p.accountId, label: p.displayName }))];
    if (current && !list.some((p) => p.accountId === current)) opts.push({ value: current, label: personName(people, current) });
    return opts;
  };
  const set = (key: string, patch: Partial<BetRow>) => onRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <section className="pv-stack" aria-labelledby={titleId}>
      <div className="pv-section-head">
        <h3 id={titleId}>{t('What the vision bets on')}</h3>
        <span className="pv-small pv-subtlest">
          {rows.length}/{PUBLISHING_LIMITS.maxBets}
        </span>
      </div>
      <p className="pv-small pv-muted">
        {t('Assumptions, risks and technology bets, each with an owner and a date to check it again. One past its date flags the vision for review on the project page and in Confluence.')}
      </p>
      {rows.length === 0 ? <p className="pv-small pv-subtlest">{t('None yet.')}</p> : null}
      <ol className="pv-bets">
        {rows.map((r, i) => (
          <li key={r.key} className="pv-bet" aria-label={`${betKindLabel(r.kind)} ${i + 1}`}>
            <SelectField
              name={`bets.${i}.kind`}
              label={t('Kind')}
              options={KIND_OPTIONS}
              value={r.kind}
              readOnly={readOnly}
              error={errors[`bets.${i}.kind`]}
              onChange={(v) => set(r.key, { kind: v as BetKind })}
            />
            <div className="pv-bet-text">
              <TextField
                name={`bets.${i}.text`}
                label={t('What')}
                required
                max={PUBLISHING_LIMITS.betText}
                value={r.text}
                readOnly={readOnly}
                error={errors[`bets.${i}.text`]}
                onChange={(v) => set(r.key, { text: v })}
              />
            </div>
            <div onFocusCapture={onWantPeople}>
              <SelectField
                name={`bets.${i}.ownerAccountId`}
                label={t('Owner')}
                options={ownerOptions(r.owner)}
                value={r.owner}
                readOnly={readOnly}
                error={errors[`bets.${i}.ownerAccountId`]}
                onChange={(v) => set(r.key, { owner: v })}
              />
            </div>
            <TextField
              type="date"
              name={`bets.${i}.reviewBy`}
              label={t('Review by')}
              required
              value={r.reviewBy}
              readOnly={readOnly}
              error={errors[`bets.${i}.reviewBy`]}
              onChange={(v) => set(r.key, { reviewBy: v })}
            />
            <Button
              small
              appearance="subtle"
              className="pv-bet-remove"
              aria-label={removeLabel(r.kind, i + 1)}
              disabled={readOnly}
              onClick={() => onRows(rows.filter((x) => x.key !== r.key))}
            >
              {t('Remove')}
            </Button>
          </li>
        ))}
      </ol>
      <div className="pv-row">
        <Button
          small
          disabled={readOnly || rows.length >= PUBLISHING_LIMITS.maxBets}
          onClick={() => {
            onWantPeople();
            onRows([...rows, { key: newRowKey(), kind: 'assumption', text: '', owner: '', reviewBy: inDays(90) }]);
          }}
        >
          {t('+ Add an assumption, risk or bet')}
        </Button>
      </div>
      <div className="pv-cadence">
        <TextField
          name="reviewCadenceDays"
          label={t('Review the vision every (days)')}
          inputMode="decimal"
          value={cadence}
          readOnly={readOnly}
          error={errors.reviewCadenceDays}
          help={t('Counted from each publish; {min}–{max} days, 90 by default.', { min: PUBLISHING_LIMITS.minCadenceDays, max: PUBLISHING_LIMITS.maxCadenceDays })}
          onChange={onCadence}
        />
      </div>
    </section>
  );
}
