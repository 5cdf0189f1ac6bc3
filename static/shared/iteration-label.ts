/** Iteration names as the user reads them. */
import { t } from './i18n';

/** The names the backend gives the 30-60-90 preset's iterations (src/domain/post-launch/launch-book.ts). */
const PRESET = /^\+(30|60|90) days$/;

/**
 * An iteration's name in the user's language: a preset name ("+30 days") is translated; a name someone
 * typed is shown as typed. @example iterationLabel('+30 days') // '+30 Tage' (de-DE)
 */
export function iterationLabel(name: string): string {
  const preset = PRESET.exec(name);
  return preset ? t('+{n} days', { n: Number(preset[1]) }) : name;
}
