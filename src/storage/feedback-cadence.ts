/**
 * "When did we last hear from users?": one small document per project with the cadence the admin set
 * and the newest feedback items (at most 20, newest first), kept by every feedback save and delete
 * (./feedback.ts calls in here, so every path that stores feedback keeps it right).
 *
 * Why a short list and not just the newest date: deleting the newest item must fall back to the one
 * before it without scanning (KVS queries have no order). The list always holds the newest items there
 * are (all of them while `complete`); only when the last one in it is deleted and more remain is the
 * project's feedback scanned once to refill it. A project stored before this document existed is
 * scanned once on first use the same way.
 */
import { FEEDBACK_CADENCE } from '../contract/post-launch/post-launch';
import { casUpdate, type Versioned } from './claims/compare-and-set';
import { plKeys } from './post-launch-keys';
import { readAll } from './query-order';
import type { StorageDeps } from './storage-deps';

/** What the list keeps of an item: enough to order it and to recognise it when it is deleted. */
export interface FeedbackStamp {
  id: string;
  at: string;
}

export interface FeedbackCadenceDoc extends Versioned {
  cadenceDays: number;
  /** The newest items, newest first, at most RECENT_SIZE. */
  recent: FeedbackStamp[];
  /** The list holds every item of the project. Empty and not complete: not known yet (scan). */
  complete: boolean;
}

const RECENT_SIZE = 20;
/** A refill reads at most this many pages of 20 items. */
const SCAN_PAGES = 1000;

const unknownDoc = (): FeedbackCadenceDoc => ({ rev: 0, cadenceDays: FEEDBACK_CADENCE.defaultDays, recent: [], complete: false });
const isUnknown = (doc: FeedbackCadenceDoc) => doc.recent.length === 0 && !doc.complete;

/** Newest first; the same instant ordered by id, so the order never depends on arrival. */
const newestFirst = (a: FeedbackStamp, b: FeedbackStamp) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const stampOf = (item: FeedbackStamp): FeedbackStamp => ({ id: item.id, at: item.at });

/** Reads every item of the project and keeps the newest: the list is complete when there are no more. */
async function refill(deps: StorageDeps, projectId: string): Promise<FeedbackCadenceDoc> {
  const entries = await readAll<FeedbackStamp>(deps.store, plKeys.feedbackPrefix(projectId), SCAN_PAGES);
  const all = entries.map((e) => stampOf(e.value)).sort(newestFirst);
  return casUpdate(deps.store, plKeys.feedbackCadence(projectId), unknownDoc, (doc) => ({
    ...doc,
    recent: all.slice(0, RECENT_SIZE),
    complete: all.length <= RECENT_SIZE,
  }));
}

/** The document, refilled first when its list is not known (a project stored before it, or after deletes). */
async function knownDoc(deps: StorageDeps, projectId: string): Promise<FeedbackCadenceDoc> {
  const doc = (await deps.store.get<FeedbackCadenceDoc>(plKeys.feedbackCadence(projectId))) ?? unknownDoc();
  return isUnknown(doc) ? refill(deps, projectId) : doc;
}

/**
 * When the project last heard from its users and how often it expects to.
 * @returns newestAt: the instant (ISO) of its newest feedback item, null when it has none;
 *   cadenceDays: the admin's cadence, 30 unless set.
 * @example await readFeedbackCadence(deps, '10001') // { newestAt: '2026-11-02T09:30:00.000Z', cadenceDays: 30 }
 */
export async function readFeedbackCadence(deps: StorageDeps, projectId: string): Promise<{ newestAt: string | null; cadenceDays: number }> {
  const doc = await knownDoc(deps, projectId);
  return { newestAt: doc.recent[0]?.at ?? null, cadenceDays: doc.cadenceDays };
}

/** Sets the cadence (days; the caller validated the range). */
export async function saveFeedbackCadenceDays(deps: StorageDeps, projectId: string, cadenceDays: number): Promise<void> {
  await casUpdate(deps.store, plKeys.feedbackCadence(projectId), unknownDoc, (doc) => (doc.cadenceDays === cadenceDays ? null : { ...doc, cadenceDays }));
}

/**
 * Notes an item that was just stored (new, put back, or re-saved with a new classification). It joins the
 * list when the list holds every item or when it is at least as new as the list's oldest; otherwise
 * newer items are known and it changes nothing.
 */
export async function noteFeedbackSaved(deps: StorageDeps, projectId: string, item: FeedbackStamp): Promise<void> {
  const stamp = stampOf(item);
  const doc = await casUpdate(deps.store, plKeys.feedbackCadence(projectId), unknownDoc, (current) => {
    if (isUnknown(current)) return null;
    const others = current.recent.filter((s) => s.id !== stamp.id);
    const oldest = others[others.length - 1];
    const joins = current.complete || !oldest || newestFirst(stamp, oldest) <= 0;
    if (!joins) return others.length === current.recent.length ? null : { ...current, recent: others };
    const recent = [...others, stamp].sort(newestFirst);
    return { ...current, recent: recent.slice(0, RECENT_SIZE), complete: current.complete && recent.length <= RECENT_SIZE };
  });
  if (isUnknown(doc)) await refill(deps, projectId);
}

/**
 * Notes an item that was just deleted: it leaves the list, and the next in the list becomes the newest.
 * When the list empties while items remain, they are scanned once to refill it.
 */
export async function noteFeedbackDeleted(deps: StorageDeps, projectId: string, item: FeedbackStamp): Promise<void> {
  const doc = await casUpdate(deps.store, plKeys.feedbackCadence(projectId), unknownDoc, (current) => {
    const recent = current.recent.filter((s) => s.id !== item.id);
    return recent.length === current.recent.length ? null : { ...current, recent };
  });
  if (isUnknown(doc)) await refill(deps, projectId);
}

/**
 * Runs a note of a save or delete; when it fails, the list is marked not known, so the next read scans
 * once instead of answering a wrong date. Never fails the feedback write it follows (that write stands,
 * and its iteration's count must still follow it).
 */
export async function keepingCadence(deps: StorageDeps, projectId: string, note: () => Promise<void>): Promise<void> {
  try {
    await note();
  } catch (error) {
    console.warn('Could not note feedback in the project’s newest feedback date; it is read again from the feedback', projectId, error);
    await casUpdate(deps.store, plKeys.feedbackCadence(projectId), unknownDoc, (doc) => (isUnknown(doc) ? null : { ...doc, recent: [], complete: false })).catch(
      (markError: unknown) => console.error('Could not mark the newest feedback date for a fresh read', projectId, markError),
    );
  }
}
