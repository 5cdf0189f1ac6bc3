/**
 * UI text. The English text is the key: `t('Saved by {name}', { name })`. A locale other than English
 * looks the key up in its dictionary (static/locales/<locale>/*.json); a key it lacks falls back to
 * English, as Forge's translations do.
 */
export type TextValues = Readonly<Record<string, string | number>>;

let dictionary: Readonly<Record<string, string>> = {};

/** Installs the dictionary of the user's locale (empty for English). */
export function setDictionary(next: Readonly<Record<string, string>>): void {
  dictionary = next;
}

/** `text` in the user's language, with each `{name}` replaced by `values[name]`. */
export function t(text: string, values?: TextValues): string {
  const template = dictionary[text] ?? text;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
