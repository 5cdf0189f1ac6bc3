/**
 * Export and import of a project's whole data: resolver keys and payload schemas (admins only; the
 * project is the invocation's). Shapes of the file and of the answers are in ./transfer-file.
 *
 * - `export/project { cursor? }` answers one part of the export (≤ ~1 MB); the UI asks again with the
 *   part's cursor until it is null and assembles the parts into one file.
 * - `import/upload { importId, index, total, bytes, text }` stores one chunk of the file (the first one,
 *   with `importId: null`, starts an import and answers its id).
 * - `import/check { importId }` reads and validates the whole file, writes nothing to the project, and
 *   answers what it holds and what the project holds already.
 * - `import/run { importId, replace }` writes it, a bounded amount per call; the UI calls again until the
 *   status is `done`. A project with data is only replaced with `replace: true`.
 * - `import/rollback { importId }` removes what an unfinished import wrote; `import/status` says where the
 *   project's latest import stands.
 */
import * as z from 'zod/mini';
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES, MAX_IMPORT_CHUNKS, type ExportPart, type ImportPreview, type ImportProgress } from './transfer-file';

const importId = z.string({ error: 'Must be an import id.' }).check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Not a valid import id.'));

export const exportSchema = z.strictObject({
  cursor: z.optional(z.string({ error: 'Cursor must be text.' }).check(z.maxLength(2000, 'Cursor too long.'))),
});

export const uploadSchema = z.strictObject({
  /** null for the first chunk: it starts a new import. */
  importId: z.nullable(importId),
  index: z.int({ error: 'Index must be a whole number.' }).check(z.minimum(0), z.maximum(MAX_IMPORT_CHUNKS - 1, 'Too many chunks.')),
  total: z.int({ error: 'Total must be a whole number.' }).check(z.minimum(1), z.maximum(MAX_IMPORT_CHUNKS, 'The file is too large to import.')),
  /** The whole file's size in bytes of UTF-8. */
  bytes: z.int({ error: 'Bytes must be a whole number.' }).check(z.minimum(1), z.maximum(MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`)),
  text: z.string({ error: 'Text must be text.' }).check(z.minLength(1), z.maxLength(IMPORT_CHUNK_BYTES, 'Chunk too large.')),
});

export const importRefSchema = z.strictObject({ importId });

export const runImportSchema = z.strictObject({
  importId,
  /** Must be true to replace a project that has data already; without it the answer says what it holds. */
  replace: z.boolean({ error: 'Replace must be true or false.' }),
});

export interface TransferApi {
  'export/project': { payload: z.infer<typeof exportSchema>; result: ExportPart };
  'import/upload': { payload: z.infer<typeof uploadSchema>; result: { importId: string; received: number } };
  'import/check': { payload: z.infer<typeof importRefSchema>; result: ImportPreview };
  'import/run': { payload: z.infer<typeof runImportSchema>; result: ImportProgress };
  'import/rollback': { payload: z.infer<typeof importRefSchema>; result: ImportProgress };
  'import/status': { payload: Record<string, never>; result: ImportProgress | null };
}

export const TRANSFER_KEYS = ['export/project', 'import/upload', 'import/check', 'import/run', 'import/rollback', 'import/status'] as const satisfies ReadonlyArray<
  keyof TransferApi
>;
