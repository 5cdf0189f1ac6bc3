/**
 * Messages the backend writes (errors, field messages, export text) in the user's language.
 *
 * The backend writes English sentences, many with values in them ("You can't edit PV-7, so …"). The
 * catalogue maps each English template, values as `{name}` ("You can't edit {key}, so …"), to its
 * translation. A finished English message is matched against the templates; the values it holds are
 * carried into the translation, and a value that is itself a catalogue entry (a field label such as
 * "Target date") is translated too. A message no template matches stays English, as Forge's own
 * lookup falls back to the default language.
 */

/** English template → translated template, both with the same `{name}` placeholders. */
export type MessageCatalogue = Readonly<Record<string, string>>;

/** A finished English message → the same message in the catalogue's language (English if unknown). */
export type TranslateMessage = (english: string) => string;

/** The `{name}` placeholders of a template, in order. @example placeholders('{a} of {b}') // ['a', 'b'] */
export const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** Letters outside placeholders: how specific a template is when two match the same message. */
const literalLength = (template: string): number => template.replace(/\{\w+\}/g, '').length;

interface CompiledTemplate {
  pattern: RegExp;
  names: string[];
  target: string;
  weight: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/[{}]/g, '\\$&');

function compile(template: string, target: string): CompiledTemplate {
  const names = placeholders(template);
  const source = template
    .split(/\{\w+\}/)
    .map(escapeRegExp)
    .join('([\\s\\S]*?)');
  return { pattern: new RegExp(`^${source}$`), names, target, weight: literalLength(template) };
}

/** Replaces each `{name}` in `template` by `values[name]`; an unknown name stays as written. */
export const fillTemplate = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** How deep values are translated in turn (a label inside a message inside a message). */
const MAX_DEPTH = 2;

/**
 * A number as the backend writes it (en-US: "1,200", "-4.5") — grouped or with decimals, so that a
 * year ("2027"), a key or a version ("1.2.3") is never taken for one.
 */
const ENGLISH_NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/;

/** `value` in the locale's digits when it is an English-written number ("1,200.5" → "1.200,5" in German), else null. */
export function localizeNumber(value: string, locale: string | undefined): string | null {
  if (!locale || !ENGLISH_NUMBER.test(value)) return null;
  const decimals = value.split('.')[1]?.length ?? 0;
  try {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(value.replace(/,/g, '')));
  } catch {
    return null; // a locale Intl does not know: the value as written
  }
}

/**
 * Builds the translator of one catalogue. Exact entries are looked up directly; templates with values
 * are tried most specific first (most literal text), so "Version {n} of the vision does not exist."
 * wins over a template that is mostly placeholders.
 * Numbers in the values are written in `locale`'s digits (the UI's locale, `de-DE`).
 * @example compileCatalogue({ '{label} is required.': '{label} ist erforderlich.', Title: 'Titel' })('Title is required.') // 'Titel ist erforderlich.'
 */
export function compileCatalogue(catalogue: MessageCatalogue, locale?: string): TranslateMessage {
  const exact = new Map<string, string>();
  const templates: CompiledTemplate[] = [];
  for (const [english, translated] of Object.entries(catalogue)) {
    if (typeof translated !== 'string' || !translated) continue;
    if (placeholders(english).length === 0) exact.set(english, translated);
    else if (literalLength(english) > 0) templates.push(compile(english, translated));
  }
  templates.sort((a, b) => b.weight - a.weight);

  const translate = (english: string, depth: number): string | null => {
    const direct = exact.get(english);
    if (direct !== undefined) return direct;
    if (depth > MAX_DEPTH) return null;
    for (const t of templates) {
      const match = t.pattern.exec(english);
      if (!match) continue;
      const values: Record<string, string> = {};
      t.names.forEach((name, i) => {
        const value = match[i + 1] ?? '';
        values[name] = translate(value, depth + 1) ?? localizeNumber(value, locale) ?? value;
      });
      return fillTemplate(t.target, values);
    }
    return null;
  };
  return (english) => translate(english, 0) ?? english;
}
