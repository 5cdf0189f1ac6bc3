/** Iteration names and verdict words as the user reads them. */
import { t } from './i18n';

/** The names the backend gives the 30-60-90 preset's iterations (src/domain/post-launch/launch-book.ts). */
const PRESET = /^\+(30|60|90) days$/;
/** A highlight's name: "<launch> · <iteration>" (src/use-cases/post-launch/highlights.ts). */
const IN_LAUNCH = /^(.*) · (\+(?:30|60|90) days)$/s;

/**
 * An iteration's name in the user's language: a preset name ("+30 days") is translated; a name someone
 * typed is shown as typed. @example iterationLabel('+30 days') // '+30 Tage' (de-DE)
 */
export function iterationLabel(name: string): string {
  const preset = PRESET.exec(name);
  return preset ? t('+{n} days', { n: Number(preset[1]) }) : name;
}

/**
 * The latest iteration's name as a project highlight gives it, "<launch> · <iteration>": the iteration
 * part as iterationLabel() reads it, the launch's name as typed.
 * @example highlightName('Portal 1.0 · +90 days') // 'Portal 1.0 · +90 Tage' (de-DE)
 */
export function highlightName(name: string): string {
  const parts = IN_LAUNCH.exec(name);
  return parts ? `${parts[1]} · ${iterationLabel(parts[2]!)}` : iterationLabel(name);
}

/**
 * The latest iteration's verdict in words as a highlight gives it (English, stored in the published
 * summary), in the user's language; words it does not know are shown as they are.
 */
export function highlightVerdict(words: string): string {
  const known: Record<string, () => string> = {
    Worked: () => t('Worked'),
    Mixed: () => t('Mixed'),
    'Did not work': () => t('Did not work'),
    'Too early to tell': () => t('Too early to tell'),
  };
  return Object.hasOwn(known, words) ? known[words]!() : words;
}
