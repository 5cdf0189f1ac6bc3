/** Display helpers shared by the read views and the editors. */
import type { Kpi, KpiDirection, GoalStatus, Person } from '../../src/contract/goals/model';
import type { BetKind, KpiStatusKind } from '../../src/contract/vision/publishing';
import type { MacroSection } from '../../src/contract/macro/macro';
import { FORMER_USER_ACCOUNT_ID } from '../../src/contract/privacy/privacy';
import { t, uiLocale } from './i18n';

/** A goal status as the user reads it. */
export const statusLabel = (s: GoalStatus): string => ({ active: t('Active'), achieved: t('Achieved'), dropped: t('Dropped') })[s];

/** A KPI's status against its target as the user reads it. */
export const kpiStatusLabel = (k: KpiStatusKind): string =>
  ({ 'no-data': t('No measurement yet'), achieved: t('Target reached'), 'on-track': t('On track'), 'off-track': t('Off track') })[k];

/** A section of the Confluence macro as the user reads it. */
export const macroSectionLabel = (s: MacroSection): string =>
  ({ vision: t('Vision'), goals: t('Goals and KPIs with their status'), coverage: t('Alignment coverage'), iteration: t('Latest iteration verdict') })[s];

/** A bet's kind as the user reads it. */
export const betKindLabel = (k: BetKind): string => ({ assumption: t('Assumption'), risk: t('Risk'), technology: t('Technology bet') })[k];

/** A KPI direction as the user reads it. */
export const directionLabel = (d: KpiDirection): string =>
  ({ increase: t('Increase'), decrease: t('Decrease'), band: t('Keep within a range') })[d];

/**
 * A day in the reader's locale: `2027-06-30` → "30 Jun 2027" without a time-zone shift; an instant
 * (`2026-12-01T09:30:58.826Z`, as the backend stamps events) → the reader's own calendar day of it.
 * Anything else is shown as it is.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : /^\d{4}-\d{2}-\d{2}T/.test(iso) ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * A number for reading: in full up to ten million, compact beyond ("12B"), so a long figure never runs
 * across a card. @example formatNumber(-99_999_999_999) // '-100B' (en)
 */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 1e7) return n.toLocaleString(uiLocale(), { notation: 'compact', maximumFractionDigits: 2 });
  return n.toLocaleString(uiLocale(), { maximumFractionDigits: 6 });
}

/** A percentage (72 → "72%", in German "72 %") in the reader's locale, with up to `digits` decimals. */
export const formatPercent = (percent: number, digits = 0): string =>
  (percent / 100).toLocaleString(uiLocale(), { style: 'percent', maximumFractionDigits: digits });

/** A number with its unit: "42%", "120 ms", "3". */
export function withUnit(n: number | null | undefined, unit: string): string {
  const num = formatNumber(n);
  if (!unit || num === '–') return num;
  return /^[%‰°]/.test(unit) ? `${num}${unit}` : `${num} ${unit}`;
}

/** "baseline → target" as a stakeholder reads it. */
export function kpiSummary(k: Kpi): { values: string; direction: string; arrow: string } {
  if (k.direction === 'band') {
    return {
      values: `${withUnit(k.baseline, k.unit)} → ${withUnit(k.bandLow, k.unit)} – ${withUnit(k.bandHigh, k.unit)}`,
      direction: t('Keep within range'),
      arrow: '↔',
    };
  }
  return {
    values: `${withUnit(k.baseline, k.unit)} → ${withUnit(k.target, k.unit)}`,
    direction: k.direction === 'increase' ? t('Increase') : t('Decrease'),
    arrow: k.direction === 'increase' ? '↑' : '↓',
  };
}

export type PeopleIndex = ReadonlyMap<string, string>;

export const indexPeople = (...lists: ReadonlyArray<readonly Person[] | undefined>): PeopleIndex => {
  const m = new Map<string, string>();
  for (const list of lists) for (const p of list ?? []) m.set(p.accountId, p.displayName);
  return m;
};

/** A person's name; a closed account (erased to the marker) reads "Former user". */
export const personName = (people: PeopleIndex, accountId: string | null | undefined, unknown?: string): string =>
  accountId === FORMER_USER_ACCOUNT_ID ? t('Former user') : accountId ? (people.get(accountId) ?? unknown ?? t('Unknown user')) : '';

/** First `max` characters of a text, cut at a word boundary. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A count in the user's language, both forms written with t() (`{n}` is the count, as the locale writes it).
 * @example counted(3, t('{n} issue'), t('{n} issues')) // '3 issues'
 */
export const counted = (n: number, one: string, many: string): string => (n === 1 ? one : many).replace('{n}', formatNumber(n));

/** "1 issue", "3 KPIs": one plural rule for the server and every surface (English words only). */
export { plural } from '../../src/domain/shared/words';

/**
 * A quote in the reader's quotation marks (German „…“, otherwise “…”), once: marks the author already
 * typed around it are not doubled. @example quoted('"Too slow"') // "“Too slow”" (en)
 */
export function quoted(text: string): string {
  const [open, close] = uiLocale().toLowerCase().startsWith('de') ? ['„', '“'] : ['“', '”'];
  return `${open}${text.trim().replace(/^["“”„«‘’']+|["“”»‘’']+$/g, '')}${close}`;
}
