/**
 * Where stored documents name people. Field names are the app's own, the same in every document
 * (vision, goal book, launch book, measurements, feedback, decisions, KPI sources, summaries, export files).
 */
import { FORMER_USER_ACCOUNT_ID } from '../../contract/privacy/privacy';

/** Fields that say who owns something: nobody, once that person's account is closed. */
export const OWNER_FIELDS: ReadonlySet<string> = new Set(['ownerAccountId']);

/** Fields that record who did something: kept as "a former user", so the record stays whole. */
export const ACTOR_FIELDS: ReadonlySet<string> = new Set(['updatedBy', 'createdBy', 'publishedBy', 'setBy', 'by', 'accountId']);

export const isAccountField = (field: string): boolean => OWNER_FIELDS.has(field) || ACTOR_FIELDS.has(field);

/** A value that is not a person: empty (unknown setter of an old goal link) or the marker itself. */
export const isPlaceholder = (id: string): boolean => id === '' || id === FORMER_USER_ACCOUNT_ID;
