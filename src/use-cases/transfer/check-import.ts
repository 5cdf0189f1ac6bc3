/**
 * `import/check`: the whole file is read and validated (export-document.ts), the ids that differ in this
 * project are worked out (Jira versions, automatic KPIs' JQL), and every write is planned and checked
 * against the storage limits. Any problem: a clear error, and nothing is written to the project.
 */
import { fail, ok, type Result } from '../../contract';
import { holdsData, type ExportDocument, type ImportCounts, type ImportPreview } from '../../contract/transfer/transfer-file';
import type { Caller, Deps } from '../../ports';
import { writeImportState } from '../../storage/imports';
import { projectHoldings } from '../../storage/project-records';
import { loadFile } from './import-file';
import { openSession, progressOf } from './import-session';

function countsOf(doc: ExportDocument): ImportCounts {
  const d = doc.data;
  return {
    draftRevisions: d.vision.draftRevisions.length,
    versions: d.vision.versions.length,
    goals: d.goalBook?.goals.length ?? 0,
    kpis: d.goalBook?.kpis.length ?? 0,
    measurements: d.measurements.length,
    launches: d.launchBook?.launches.length ?? 0,
    iterations: d.launchBook?.launches.reduce((n, l) => n + l.iterations.length, 0) ?? 0,
    feedback: d.feedback.length,
    decisions: d.decisions.length,
    snapshots: d.alignment.snapshots.length,
  };
}

export async function checkImport(deps: Deps, caller: Caller, input: { importId: string }): Promise<Result<ImportPreview>> {
  const session = await openSession(deps, caller, input.importId);
  if (!session.ok) return session;
  const { project, state } = session.data;
  if (state.status !== 'uploading' && state.status !== 'ready')
    return fail('CONFLICT', 'This import has started writing already.', { details: progressOf(state) });
  const loaded = await loadFile(deps, project, state);
  if (!loaded.ok) return loaded;
  const { doc, ops, remaps, notes } = loaded.data;
  const holdings = await projectHoldings(deps, project.id);
  await writeImportState(deps, project.id, {
    ...state,
    status: 'ready',
    source: doc.source,
    exportedAt: doc.exportedAt,
    remaps,
    notes,
    done: 0,
    total: ops.length,
    updatedAt: deps.clock.now().toISOString(),
  });
  return ok({
    importId: state.importId,
    source: doc.source,
    exportedAt: doc.exportedAt,
    counts: countsOf(doc),
    target: { key: project.key, holdings, hasData: holdsData(holdings) },
    notes,
  });
}
