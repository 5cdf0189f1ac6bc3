/**
 * Export and import (admins): the project's whole data as one JSON file, and a file put back into this
 * project. Nothing is invoked until the admin acts (the page load stays one invoke). The export comes in
 * parts (`export/project` until its cursor is null), assembled here and offered as a download link (a
 * Custom UI frame may start a download on a click); the import uploads the file in chunks, has it checked,
 * asks before replacing data, then runs it with progress — an import that stops can be resumed or rolled back.
 */
import { useEffect, useState } from 'react';
import type { AppError, Result } from '../../../src/contract/shared/result';
import type { ExportPart, ImportPreview, ImportProgress } from '../../../src/contract/transfer/transfer-file';
import { call } from '../../shared/bridge';
import { counted } from '../../shared/format';
import { Meter } from '../../shared/meter';
import { chunkError, lazyPart } from '../../shared/lazy';
import { LINKS_NOTE } from './transfer-text';
import { closedParts } from '../closed-parts-load';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import { t, uiLocale } from '../../shared/i18n';
import './transfer.style';

/** The import's phase; the export has its own state, so exporting the target first keeps the import's preview. */
type Phase =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; share: number | null }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'stopped'; progress: ImportProgress }
  | { kind: 'done'; text: string; notes: string[] };

/** Assembling the export and splitting an upload: code fetched with the first export or import. */
const transferFile = closedParts;
/** The file's content and what importing it does, shown after the check: code fetched with it. */
const Preview = lazyPart(() => closedParts().then((m) => m.ImportPreviewMessage));
const n = (x: number) => x.toLocaleString(uiLocale());
const mb = (bytes: number) => (bytes < 1 << 20 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`);
/** `3 goals`, `1 goal`. */
const isProgress = (d: unknown): d is ImportProgress => typeof d === 'object' && d !== null && typeof (d as ImportProgress).importId === 'string';

/** The fields of a refused file in the message, so the admin sees where it goes wrong. */
const withFields = (e: AppError): AppError =>
  e.fields?.length ? { ...e, message: `${e.message} ${e.fields.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join(' · ')}` } : e;

export function TransferPanel({ projectKey, onImported }: { projectKey: string; onImported: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [exported, setExported] = useState<{ url?: string; name?: string; text: string } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const url = exported?.url;
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const busy = phase.kind === 'busy' || (!!exported && !exported.url);
  const failed = (e: AppError, keep = false) => {
    setError(withFields(e));
    if (!keep) setPhase({ kind: 'idle' });
  };

  async function exportAll() {
    setError(null);
    const parts: ExportPart[] = [];
    let records = 0;
    let cursor: string | null = null;
    do {
      setExported({ text: t('Exporting… {records} so far', { records: counted(records, t('{n} record'), t('{n} records')) }) });
      const r: Result<ExportPart> = await call('export/project', cursor ? { cursor } : {});
      if (!r.ok) {
        setExported(null);
        return failed(r.error, true);
      }
      parts.push(r.data);
      records += r.data.progress.records;
      cursor = r.data.cursor;
    } while (cursor);
    const file = await transferFile().catch(() => null);
    if (!file) {
      setExported(null);
      return failed(chunkError(), true);
    }
    const doc = file.assembleExport(parts);
    const blob = new Blob([JSON.stringify(doc)], { type: 'application/json' });
    setExported({ url: URL.createObjectURL(blob), name: file.exportFileName(doc), text: `${counted(records, t('{n} record'), t('{n} records'))}, ${mb(blob.size)}` });
  }

  async function upload(file: File) {
    setError(null);
    const code = await transferFile().catch(() => null);
    if (!code) return failed(chunkError());
    const { MAX_IMPORT_BYTES, splitForUpload } = code;
    if (file.size > MAX_IMPORT_BYTES) return failed({ code: 'VALIDATION_FAILED', message: t('{name} is larger than {MAX_IMPORT_BYTES}.', { name: file.name, MAX_IMPORT_BYTES: mb(MAX_IMPORT_BYTES) }) });
    const text = await file.text();
    const chunks = splitForUpload(text);
    const bytes = new TextEncoder().encode(text).length;
    let importId: string | null = null;
    for (const [index, chunk] of chunks.entries()) {
      setPhase({ kind: 'busy', text: t('Uploading {name}: part {value} of {length}', { name: file.name, value: index + 1, length: chunks.length }), share: index / chunks.length });
      const r: Result<{ importId: string }> = await call('import/upload', { importId, index, total: chunks.length, bytes, text: chunk });
      if (!r.ok) return r.error.code === 'CONFLICT' && isProgress(r.error.details) ? setPhase({ kind: 'stopped', progress: r.error.details }) : failed(r.error);
      importId = r.data.importId;
    }
    setPhase({ kind: 'busy', text: t('Checking {name}…', { name: file.name }), share: null });
    const checked = await call('import/check', { importId: importId! });
    if (!checked.ok) return failed(checked.error);
    setPhase({ kind: 'preview', preview: checked.data });
  }

  /** Runs (or rolls back) an import until it is done, stopped, or refused. */
  async function drive(importId: string, action: 'run' | 'rollback', replace = false) {
    setError(null);
    for (let at: ImportProgress | null = null; ; ) {
      const what = action === 'rollback' ? t('Rolling back') : at?.status === 'clearing' ? t('Clearing {key}', { key: projectKey }) : t('Importing');
      setPhase({ kind: 'busy', text: !at ? `${what}…` : at.total ? t('{what}… {done} of {total} records', { what, done: n(at.done), total: n(at.total) }) : t('{what}… {done} records', { what, done: n(at.done) }), share: at?.total ? at.done / at.total : null });
      const r = action === 'run' ? await call('import/run', { importId, replace }) : await call('import/rollback', { importId });
      if (!r.ok) return failed(r.error);
      at = r.data;
      if (at.status === 'incomplete') return setPhase({ kind: 'stopped', progress: at });
      if (at.status === 'done')
        return setPhase({ kind: 'done', text: t('Imported into {projectKey}.{value}', { projectKey, value: at.summary === 'failed' ? t(' Jira did not take the summary the Confluence macro reads: publish again to write it.') : '' }), notes: at.notes });
      if (at.status === 'rolled-back') return setPhase({ kind: 'done', text: t('The import was rolled back.'), notes: [] });
    }
  }

  return (
    <section className="pv-section" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('Export and import')}</h2>
      <p className="pv-muted">
        {t('Everything the app keeps for this project as one JSON file: the vision with every version and draft save, goals and KPIs, measurements with their history, launches, iterations, feedback, decisions and alignment snapshots. {linksNote} Uninstalling the app deletes its storage: export first.', { linksNote: LINKS_NOTE() })}
      </p>
      <div className="pv-row">
        <Button busy={busy} onClick={() => void exportAll()}>
          {t('Export project data')}
        </Button>
        <label className={`pv-btn pv-file${busy ? ' pv-file--busy' : ''}`}>
          {t('Import…')}
          <input
            type="file"
            className="pv-sr-only"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </label>
      </div>
      {error ? <ErrorBanner error={error} title={error.code === 'VALIDATION_FAILED' ? t('This file cannot be imported') : undefined} onDismiss={() => setError(null)} /> : null}
      {phase.kind === 'busy' ? (
        <div className="pv-stack" role="status" aria-live="polite">
          <p>{phase.text}</p>
          {phase.share !== null ? <Meter share={phase.share} /> : null}
        </div>
      ) : null}
      {exported?.url ? (
        <Message kind="success" title={t('Export ready')}>
          <p>
            <a href={exported.url} download={exported.name}>
              {t('Download {name}', { name: exported.name ?? '' })}
            </a>{' '}
            ({exported.text})
          </p>
        </Message>
      ) : exported ? (
        <p role="status">{exported.text}</p>
      ) : null}
      {phase.kind === 'preview' ? <Preview preview={phase.preview} onImport={(replace) => void drive(phase.preview.importId, 'run', replace)} onCancel={() => setPhase({ kind: 'idle' })} onExport={() => void exportAll()} /> : null}
      {phase.kind === 'stopped' ? (
        <Message
          kind="warning"
          title={t('An import has not finished')}
          actions={
            <>
              <Button small appearance="primary" onClick={() => void drive(phase.progress.importId, 'run')}>
                {t('Resume')}
              </Button>
              <Button small onClick={() => void drive(phase.progress.importId, 'rollback')}>
                {t('Roll back')}
              </Button>
            </>
          }
        >
          <p>
            {t('{value} Rolling back removes what it wrote and leaves {projectKey} empty.', { value: phase.progress.message ?? t('It stopped at {done} of {total} records.', { done: n(phase.progress.done), total: n(phase.progress.total) }), projectKey })}
          </p>
        </Message>
      ) : null}
      {phase.kind === 'done' ? (
        <Message kind="success" title={phase.text} actions={<Button small onClick={onImported}>{t('Show the imported data')}</Button>}>
          {phase.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </Message>
      ) : null}
    </section>
  );
}
