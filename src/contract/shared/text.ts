/**
 * The one rule for text fields: trimmed, at most `max` characters, optionally required. In its own file
 * (like ./dates) because ./schemas and ../vision/publishing both use it, and ./schemas imports publishing.
 */
import * as z from 'zod/mini';

export const textSchema = (label: string, max: number, required = false) =>
  z
    .string({ error: `${label} must be text.` })
    .check(
      z.trim(),
      z.maxLength(max, `${label} can be at most ${max} characters.`),
      ...(required ? [z.minLength(1, `${label} is required.`)] : []),
    );
