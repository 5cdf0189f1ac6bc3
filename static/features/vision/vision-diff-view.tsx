/**
 * A diff of two versions of the vision, shown inline (removed and added words in one text) or side by
 * side (before | after). Changes are marked by more than colour: struck through / underlined, and
 * named for screen readers.
 */
import { useId } from 'react';
import './publishing.style';
import type { BetDiff, DiffSegment, FieldDiff, VisionDiff } from '../../../src/contract/vision/publishing';
import { formatDate, formatDateTime, personName, quoted, type PeopleIndex, betKindLabel, counted } from '../../shared/format';
import { t } from '../../shared/i18n';

export type DiffLayout = 'inline' | 'side-by-side';

function Segments({ segments, side }: { segments: readonly DiffSegment[]; side: 'both' | 'before' | 'after' }) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.op === 'same') return <span key={i}>{s.text}</span>;
        if (s.op === 'del' && side !== 'after')
          return (
            <del key={i} className="pv-diff-del">
              <span className="pv-sr-only">{t('[removed:')} </span>
              {s.text}
              <span className="pv-sr-only">]</span>
            </del>
          );
        if (s.op === 'add' && side !== 'before')
          return (
            <ins key={i} className="pv-diff-add">
              <span className="pv-sr-only">{t('[added:')} </span>
              {s.text}
              <span className="pv-sr-only">]</span>
            </ins>
          );
        return null;
      })}
    </>
  );
}

const Empty = () => <em className="pv-subtlest">{t('Empty')}</em>;

function FieldRow({ field, layout }: { field: FieldDiff; layout: DiffLayout }) {
  return (
    <div className={`pv-diff-field${field.changed ? ' pv-diff-field--changed' : ''}`}>
      <h4>
        {field.label}
        {field.changed ? <span className="pv-lozenge pv-lozenge--active pv-diff-badge">{t('Changed')}</span> : null}
      </h4>
      {layout === 'inline' ? (
        <p className="pv-prewrap">{field.before === '' && field.after === '' ? <Empty /> : <Segments segments={field.segments} side="both" />}</p>
      ) : (
        <div className="pv-diff-cols">
          <p className="pv-prewrap">{field.before === '' ? <Empty /> : <Segments segments={field.segments} side="before" />}</p>
          <p className="pv-prewrap">{field.after === '' ? <Empty /> : <Segments segments={field.segments} side="after" />}</p>
        </div>
      )}
    </div>
  );
}

const CHANGE_LABEL = (): Record<BetDiff['change'], string> => ({ added: t('Added'), removed: t('Removed'), changed: t('Changed'), same: t('Unchanged') });

function betMeta(b: BetDiff['after'], people: PeopleIndex) {
  if (!b) return null;
  return t('{kind} · review by {reviewBy}{value}', { kind: betKindLabel(b.kind), reviewBy: formatDate(b.reviewBy), value: b.ownerAccountId ? ` · ${personName(people, b.ownerAccountId)}` : '' });
}

function BetRow({ bet, layout, people }: { bet: BetDiff; layout: DiffLayout; people: PeopleIndex }) {
  const before = betMeta(bet.before, people);
  const after = betMeta(bet.after, people);
  return (
    <li className={`pv-diff-bet pv-diff-bet--${bet.change}`}>
      <span className="pv-small pv-subtlest">{CHANGE_LABEL()[bet.change]}</span>
      {layout === 'inline' ? (
        <>
          <p className="pv-prewrap">
            <Segments segments={bet.segments} side="both" />
          </p>
          <p className="pv-small pv-subtlest">{before && after && before !== after ? `${before} → ${after}` : (after ?? before)}</p>
        </>
      ) : (
        <div className="pv-diff-cols">
          <div>
            {bet.before ? (
              <p className="pv-prewrap">
                <Segments segments={bet.segments} side="before" />
              </p>
            ) : (
              <Empty />
            )}
            {before ? <p className="pv-small pv-subtlest">{before}</p> : null}
          </div>
          <div>
            {bet.after ? (
              <p className="pv-prewrap">
                <Segments segments={bet.segments} side="after" />
              </p>
            ) : (
              <Empty />
            )}
            {after ? <p className="pv-small pv-subtlest">{after}</p> : null}
          </div>
        </div>
      )}
    </li>
  );
}

export function VisionDiffView({ diff, layout, people, onlyChanges }: { diff: VisionDiff; layout: DiffLayout; people: PeopleIndex; onlyChanges: boolean }) {
  const fields = onlyChanges ? diff.fields.filter((f) => f.changed) : diff.fields;
  const bets = onlyChanges ? diff.bets.filter((b) => b.change !== 'same') : diff.bets;
  const side = (info: VisionDiff['from']) => (
    <div>
      <strong>{info.label}</strong>
      <span className="pv-small pv-subtlest">
        {' '}
        · {formatDateTime(info.at)} · {personName(people, info.by)}
        {info.changeNote ? ` · ${quoted(info.changeNote)}` : ''}
      </span>
    </div>
  );
  return (
    <div className="pv-diff" aria-label={t('Changes from {label} to {label2}', { label: diff.from.label, label2: diff.to.label })}>
      <div className={layout === 'side-by-side' ? 'pv-diff-cols pv-diff-head' : 'pv-stack pv-diff-head'}>
        {side(diff.from)}
        {side(diff.to)}
      </div>
      <p className="pv-small pv-muted" role="status">
        {diff.changes === 0 ? t('No differences.') : `${counted(diff.changes, t('{n} change'), t('{n} changes'))}.`}
      </p>
      {fields.map((f) => (
        <FieldRow key={f.field} field={f} layout={layout} />
      ))}
      {bets.length > 0 ? (
        <div className="pv-diff-field">
          <h4>{t('What it bets on')}</h4>
          <ul className="pv-diff-bets">
            {bets.map((b, i) => (
              <BetRow key={b.after?.id ?? b.before?.id ?? i} bet={b} layout={layout} people={people} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** The diff with its tools; the choices stay with the caller, so they outlast a new comparison. */
export function VisionDiffPanel({
  diff,
  people,
  layout,
  onLayout,
  onlyChanges,
  onOnlyChanges,
}: {
  diff: VisionDiff;
  people: PeopleIndex;
  layout: DiffLayout;
  onLayout: (layout: DiffLayout) => void;
  onlyChanges: boolean;
  onOnlyChanges: (only: boolean) => void;
}) {
  const only = useId();
  return (
    <div className="pv-stack">
      <div className="pv-row pv-diff-tools">
        <div className="pv-segmented" role="group" aria-label={t('Show the changes')}>
          <button type="button" className="pv-btn pv-btn--small" aria-pressed={layout === 'side-by-side'} onClick={() => onLayout('side-by-side')}>
            {t('Side by side')}
          </button>
          <button type="button" className="pv-btn pv-btn--small" aria-pressed={layout === 'inline'} onClick={() => onLayout('inline')}>
            {t('Inline')}
          </button>
        </div>
        <label className="pv-row pv-small" htmlFor={only}>
          <input id={only} type="checkbox" checked={onlyChanges} onChange={(e) => onOnlyChanges(e.target.checked)} /> {t('Only what changed')}
        </label>
      </div>
      <VisionDiffView diff={diff} layout={layout} people={people} onlyChanges={onlyChanges} />
    </div>
  );
}
