/**
 * Numbers as people type them: with the decimal separator and digit grouping of their locale (Jira's
 * `locale`, e.g. "de_DE"). One pure parser for every number field, so "1,5" is one and a half in
 * German and "1,234.5" a thousand and more in English, and anything ambiguous is refused, not guessed.
 */
import { t } from './i18n';

/** "de_DE" (Forge's spelling) → "de-DE"; a locale Intl does not know → "en-US". */
export function normalizeLocale(locale: string | null | undefined): string {
  const tag = (locale ?? '').trim().replace(/_/g, '-');
  try {
    return (tag && Intl.NumberFormat.supportedLocalesOf([tag])[0]) || 'en-US';
  } catch {
    return 'en-US';
  }
}

/** The locale's decimal separator and grouping separator (a space-like one as ' '). */
export function separatorsOf(locale: string | null | undefined): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(normalizeLocale(locale)).formatToParts(12345.6);
  const of = (type: string, or: string) => parts.find((p) => p.type === type)?.value ?? or;
  const [decimal, group] = [of('decimal', '.'), of('group', ',')];
  return { decimal, group: /\s/.test(group) ? ' ' : group };
}

const SPACES = /[\s\u00a0\u202f\u2009'’]/g;

/**
 * Reads a number typed in `locale`. '' → null; text that is not one number → NaN (the form says so and
 * sends nothing). Spaces (also no-break and narrow no-break) and apostrophes group digits anywhere; the
 * locale's own group mark only in groups of three; a "." is the decimal point in any locale where it is
 * no valid grouping (pasted figures); "−" is a minus.
 * @example parseLocaleNumber('1,5', 'de_DE') // 1.5
 * @example parseLocaleNumber('1 234,5', 'fr_FR') // 1234.5 (with U+202F)
 * @example parseLocaleNumber('1,5', 'en_US') // NaN: a comma groups thousands in English
 */
export function parseLocaleNumber(text: string, locale: string | null | undefined): number | null {
  const t = text.trim().replace(/\u2212/g, '-').replace(SPACES, '');
  if (t === '') return null;
  const m = /^([-+]?)([\d.,]+)$/.exec(t);
  if (!m || !/\d/.test(m[2]!)) return Number.NaN;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2]!;
  const { decimal, group } = separatorsOf(locale);
  const other = decimal === ',' ? '.' : ',';
  const grouped = (s: string, mark: string) => new RegExp(`^\\d{1,3}(\\${mark}\\d{3})+$`).test(s);

  const read = (intPart: string, frac: string | null): number => {
    if (frac !== null && !/^\d+$/.test(frac)) return Number.NaN;
    let digits = intPart;
    if (/[.,]/.test(digits)) {
      // Only the locale's group mark, in groups of three, may stand in the whole part.
      if (group !== other || !grouped(digits, group)) return Number.NaN;
      digits = digits.split(group).join('');
    }
    if (digits !== '' && !/^\d+$/.test(digits)) return Number.NaN;
    if (digits === '' && frac === null) return Number.NaN;
    return sign * Number(`${digits || '0'}${frac === null ? '' : `.${frac}`}`);
  };

  const at = body.indexOf(decimal);
  if (at >= 0) {
    if (body.indexOf(decimal, at + 1) >= 0) return Number.NaN;
    return read(body.slice(0, at), body.slice(at + 1));
  }
  // No decimal separator of the locale: the other mark groups thousands, or, if it is a "." that
  // cannot be grouping, it is a decimal point.
  if (!body.includes(other)) return read(body, null);
  if (group === other && grouped(body, other)) return read(body, null);
  if (other === '.' && body.split('.').length === 2) return read(body.split('.')[0]!, body.split('.')[1]!);
  return Number.NaN;
}

/**
 * A number as the locale writes it in an input: its decimal separator, no grouping (so it reads back).
 * @example toInputText(1.5, 'de_DE') // '1,5'
 */
export function toInputText(n: number | null | undefined, locale: string | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const plain = Math.abs(n) < 1e21 ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : String(n);
  return plain.replace('.', separatorsOf(locale).decimal);
}

/**
 * The field error for text that is no number, with an example in the locale.
 * @example notANumber('Value', 'de_DE') // 'Value must be a number, like 1180 or 4,2.'
 */
export const notANumber = (label: string, locale: string | null | undefined): string =>
  t('{label} must be a number, like 1180 or {example}.', { label, example: toInputText(4.2, locale) });
