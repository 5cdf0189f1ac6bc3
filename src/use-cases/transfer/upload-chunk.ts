/**
 * `import/upload`: the UI sends the file in chunks (≤ 200 KB of UTF-8 each, one storage value, kept a
 * week); the first chunk starts an import.
 */
import { fail, ok, type Result } from '../../contract';
import { chunkBytes, IMPORT_CHUNK_BYTES, type ImportStatus } from '../../contract/transfer/transfer-file';
import type { Caller, Deps } from '../../ports';
import { authorize } from '../shared/authorize';
import { readChunk, readImportState, storeChunkOnce, writeImportState, type ImportState } from '../../storage/imports';
import { progressOf, sessionFor } from './import-session';

/** An import in one of these states is resumed or rolled back before another can start. */
const BUSY: ReadonlySet<ImportStatus> = new Set(['clearing', 'writing', 'incomplete', 'rolling-back']);

export async function uploadChunk(
  deps: Deps,
  caller: Caller,
  input: { importId: string | null; index: number; total: number; bytes: number; text: string },
): Promise<Result<{ importId: string; received: number }>> {
  const auth = await authorize(deps, caller, 'edit');
  if (!auth.ok) return auth;
  const { project, accountId } = auth.data;
  const fields = [
    ...(input.index >= input.total ? [{ path: 'index', message: 'The chunk index is past the last chunk.' }] : []),
    ...(chunkBytes(input.text) > IMPORT_CHUNK_BYTES ? [{ path: 'text', message: `A chunk can be at most ${IMPORT_CHUNK_BYTES} bytes.` }] : []),
    ...(input.importId === null && input.index !== 0 ? [{ path: 'index', message: 'An import starts with its first chunk.' }] : []),
  ];
  if (fields.length) return fail('VALIDATION_FAILED', 'Some fields need attention.', { fields });
  const state = await readImportState(deps, project.id);
  let importId = input.importId;
  if (importId === null) {
    if (state && BUSY.has(state.status))
      return fail('CONFLICT', 'An earlier import into this project has not finished: resume it or roll it back first.', { details: progressOf(state) });
    importId = deps.ids.next();
    const at = deps.clock.now().toISOString();
    const fresh: ImportState = {
      importId,
      status: 'uploading',
      by: accountId,
      startedAt: at,
      updatedAt: at,
      chunks: input.total,
      bytes: input.bytes,
      source: null,
      exportedAt: null,
      remaps: null,
      replace: false,
      done: 0,
      total: 0,
      message: null,
      notes: [],
    };
    await writeImportState(deps, project.id, fresh);
  } else {
    const session = sessionFor(state, importId);
    if (!session.ok) return session;
    if (session.data.status !== 'uploading') return fail('CONFLICT', 'This import has all its chunks already.', { details: progressOf(session.data) });
    if (session.data.chunks !== input.total || session.data.bytes !== input.bytes)
      return fail('VALIDATION_FAILED', 'This chunk belongs to another file: upload the file again.');
  }
  if (!(await storeChunkOnce(deps, project.id, importId, input.index, input.text))) {
    // A retried chunk: fine when it is the same text.
    if ((await readChunk(deps, project.id, importId, input.index)) !== input.text) return fail('CONFLICT', `Chunk ${input.index + 1} was uploaded already with other content.`);
  }
  return ok({ importId, received: input.index + 1 });
}
