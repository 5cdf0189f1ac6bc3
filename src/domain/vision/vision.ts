/** The product vision: every save is a new revision; the previous ones stay readable. */
import type { Vision, VisionFields, VisionRevisionSummary } from '../../contract';

/** @example nextVision(null, fields, { by: 'abc', at: '2026-01-01T00:00:00Z' }).revision // 1 */
export const nextVision = (current: Vision | null, fields: VisionFields, stamp: { by: string; at: string }): Vision => ({
  ...fields,
  revision: (current?.revision ?? 0) + 1,
  updatedBy: stamp.by,
  updatedAt: stamp.at,
});

const FIELDS: (keyof VisionFields)[] = ['statement', 'targetUsers', 'problem', 'valueProposition', 'horizon'];

/** True when saving `fields` would change nothing. */
export const sameVision = (current: Vision | null, fields: VisionFields): boolean =>
  current !== null && FIELDS.every((f) => current[f] === fields[f]);

/** A short line for history lists. */
export const summarize = (v: Vision, max = 140): VisionRevisionSummary => ({
  revision: v.revision,
  updatedBy: v.updatedBy,
  updatedAt: v.updatedAt,
  statement: v.statement.length > max ? `${v.statement.slice(0, max - 1)}…` : v.statement,
});
