/**
 * Draft and published vision rules: reading stored drafts (including ones saved before drafts
 * existed), making the next published version, restoring one as a draft. Pure.
 */
import type { Vision, VisionFields } from '../../contract/goals/model';
import {
  DEFAULT_REVIEW_CADENCE_DAYS,
  PUBLISHABLE_FIELDS,
  samePublishable,
  type PublishableVision,
  type PublishedVersionSummary,
  type PublishedVision,
  type VisionBet,
  type VisionDraft,
} from '../../contract/vision/publishing';

/** Drafts written since publishing exists carry `format: 2`; older stored visions do not. */
export const DRAFT_FORMAT = 2;

export type StoredDraft = VisionDraft & { format?: number };

import type { Stamp } from '../shared/outcomes';

export type { Stamp };

/** A stored vision as a draft: one saved before drafts existed gets no bets and the default cadence. */
export function toDraft(stored: Vision & Partial<StoredDraft>): VisionDraft {
  return {
    statement: stored.statement,
    targetUsers: stored.targetUsers,
    problem: stored.problem,
    valueProposition: stored.valueProposition,
    horizon: stored.horizon,
    revision: stored.revision,
    updatedBy: stored.updatedBy,
    updatedAt: stored.updatedAt,
    bets: Array.isArray(stored.bets) ? stored.bets : [],
    reviewCadenceDays: typeof stored.reviewCadenceDays === 'number' ? stored.reviewCadenceDays : DEFAULT_REVIEW_CADENCE_DAYS,
    restoredFrom: stored.restoredFrom ?? null,
  };
}

/**
 * True for a vision saved before drafts and publishing existed: until a version is published, it
 * reads as published (so nobody loses what they could read before).
 */
export const isLegacy = (stored: (Vision & { format?: number }) | null | undefined): boolean =>
  !!stored && stored.format !== DRAFT_FORMAT;

/** The published version 1 that a legacy vision stands for. */
export function legacyPublished(stored: Vision): PublishedVision {
  const draft = toDraft(stored);
  return {
    ...publishable(draft),
    version: 1,
    publishedBy: stored.updatedBy,
    publishedAt: stored.updatedAt,
    changeNote: '',
    draftRevision: null,
    legacy: true,
  };
}

/** The fields a version carries, copied so later edits of the source cannot reach it. */
export function publishable(v: PublishableVision): PublishableVision {
  const out = {} as PublishableVision;
  for (const f of PUBLISHABLE_FIELDS) out[f] = v[f];
  out.bets = v.bets.map((b) => ({ ...b }));
  out.reviewCadenceDays = v.reviewCadenceDays;
  return out;
}

/**
 * The next draft after a save. Bets and cadence are kept from the current draft when the save does
 * not name them (the vision form sends only the five text fields).
 * @example nextDraft(null, fields, {}, { by: 'a', at: 'T' }).revision // 1
 */
export function nextDraft(
  current: VisionDraft | null,
  fields: VisionFields,
  extra: { bets?: VisionBet[]; reviewCadenceDays?: number; restoredFrom?: number | null },
  stamp: Stamp,
): StoredDraft {
  return {
    statement: fields.statement,
    targetUsers: fields.targetUsers,
    problem: fields.problem,
    valueProposition: fields.valueProposition,
    horizon: fields.horizon,
    bets: (extra.bets ?? current?.bets ?? []).map((b) => ({ ...b })),
    reviewCadenceDays: extra.reviewCadenceDays ?? current?.reviewCadenceDays ?? DEFAULT_REVIEW_CADENCE_DAYS,
    restoredFrom: extra.restoredFrom ?? null,
    revision: (current?.revision ?? 0) + 1,
    updatedBy: stamp.by,
    updatedAt: stamp.at,
    format: DRAFT_FORMAT,
  };
}

/** True when saving would change nothing (same text, bets and cadence). */
export const sameDraft = (current: VisionDraft | null, next: PublishableVision): boolean =>
  current !== null && samePublishable(current, next);

/** Bets as saved: every bet gets an id (new ones from `newId`), in the order given. */
export function withBetIds(bets: ReadonlyArray<Omit<VisionBet, 'id'> & { id?: string }>, newId: () => string): VisionBet[] {
  const seen = new Set<string>();
  return bets.map((b) => {
    let id = b.id && !seen.has(b.id) ? b.id : newId();
    while (seen.has(id)) id = newId();
    seen.add(id);
    return { id, kind: b.kind, text: b.text, ownerAccountId: b.ownerAccountId, reviewBy: b.reviewBy };
  });
}

export type PublishDecision =
  | { kind: 'unchanged'; current: PublishedVision }
  | { kind: 'publish'; next: PublishedVision };

/**
 * Publishing `draft` on top of `current`: nothing new makes no version; otherwise the next version
 * number, stamped with who and when and the change note.
 */
export function decidePublish(current: PublishedVision | null, draft: VisionDraft, stamp: Stamp, changeNote: string): PublishDecision {
  if (current && samePublishable(current, draft)) return { kind: 'unchanged', current };
  return {
    kind: 'publish',
    next: {
      ...publishable(draft),
      version: (current?.version ?? 0) + 1,
      publishedBy: stamp.by,
      publishedAt: stamp.at,
      changeNote: changeNote.trim(),
      draftRevision: draft.revision,
    },
  };
}

/** A short line for the versions list. */
export function versionSummary(v: PublishedVision, max = 140): PublishedVersionSummary {
  const flat = v.statement.replace(/\s+/g, ' ').trim();
  return {
    version: v.version,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt,
    changeNote: v.changeNote,
    statement: flat.length > max ? `${flat.slice(0, max - 1)}…` : flat,
    legacy: v.legacy === true,
  };
}
