/**
 * The per-project opt-in to show the PUBLISHED vision in the Confluence macro to readers who may not
 * browse the Jira project. Kept in a Jira project property (written as the admin who chooses, so Jira's
 * own Administer projects check applies), because the macro reads no app storage: it reads this
 * property as the app, on every load, only when the viewer may not browse the project. Default off:
 * no property, or anything but `enabled: true`, is off.
 */
import * as z from 'zod/mini';

export const OPEN_READERS_PROPERTY = 'product-vision.open-readers';

export interface OpenReaders {
  enabled: boolean;
  /** Who last changed it and when; null before anyone did. */
  setBy: string | null;
  setAt: string | null;
}

export const OPEN_READERS_OFF: OpenReaders = { enabled: false, setBy: null, setAt: null };

/** The property's value as stored, or off when it is absent or not a value this app wrote. */
export function readOpenReaders(value: unknown): OpenReaders {
  if (!value || typeof value !== 'object') return OPEN_READERS_OFF;
  const v = value as Record<string, unknown>;
  if (v.enabled !== true) return { ...OPEN_READERS_OFF, setBy: typeof v.setBy === 'string' ? v.setBy : null, setAt: typeof v.setAt === 'string' ? v.setAt : null };
  return { enabled: true, setBy: typeof v.setBy === 'string' ? v.setBy : null, setAt: typeof v.setAt === 'string' ? v.setAt : null };
}

export const openReadersSchema = z.strictObject({});
export const setOpenReadersSchema = z.strictObject({ enabled: z.boolean({ error: 'Must be true or false.' }) });
