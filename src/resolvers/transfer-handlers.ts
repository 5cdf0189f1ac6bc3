/** Export and import keys of the Jira resolver (project settings page): thin, each a schema and a use case. */
import { emptyPayload } from '../contract/shared/schemas';
import * as T from '../contract/transfer/transfer';
import { exportProject } from '../use-cases/transfer/export-project';
import { checkImport } from '../use-cases/transfer/check-import';
import { importStatus } from '../use-cases/transfer/import-status';
import { rollbackImport } from '../use-cases/transfer/rollback-import';
import { runImport } from '../use-cases/transfer/run-import';
import { uploadChunk } from '../use-cases/transfer/upload-chunk';
import { endpoint, type DepsFactory, type Handler } from './endpoint';

export function transferHandlers(makeDeps: DepsFactory): Record<(typeof T.TRANSFER_KEYS)[number], Handler> {
  return {
    'export/project': endpoint(T.exportSchema, exportProject, makeDeps),
    'import/upload': endpoint(T.uploadSchema, uploadChunk, makeDeps),
    'import/check': endpoint(T.importRefSchema, checkImport, makeDeps),
    'import/run': endpoint(T.runImportSchema, runImport, makeDeps),
    'import/rollback': endpoint(T.importRefSchema, rollbackImport, makeDeps),
    'import/status': endpoint(emptyPayload, importStatus, makeDeps),
  };
}
