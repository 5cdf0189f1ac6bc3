/** An import's preview: the checked file's content, what the target project holds, and the choice to import. */
import type { ImportPreview } from '../../../src/contract/transfer/transfer-file';
import { counted, formatDateTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import { Button, Message } from '../../shared/ui';
import { LINKS_NOTE } from './transfer-text';

export function ImportPreviewMessage({ preview, onImport, onCancel, onExport }: { preview: ImportPreview; onImport: (replace: boolean) => void; onCancel: () => void; onExport: () => void }) {
  const c = preview.counts;
  const h = preview.target.holdings;
  const key = preview.target.key;
  const existing = [
    h.vision ? t('a vision') : null,
    h.goals ? counted(h.goals, t('{n} goal'), t('{n} goals')) : null,
    h.launches ? counted(h.launches, t('{n} launch'), t('{n} launches')) : null,
    h.history ? t('measurements or feedback') : null,
  ].filter((x): x is string => x !== null);
  return (
    <Message
      kind={preview.target.hasData ? 'warning' : 'info'}
      title={t('Import {projectKey}’s export of {exportedAt} into {key}?', { projectKey: preview.source.projectKey, exportedAt: formatDateTime(preview.exportedAt), key })}
      actions={
        <>
          <Button small appearance={preview.target.hasData ? 'danger' : 'primary'} onClick={() => onImport(preview.target.hasData)}>
            {preview.target.hasData ? t('Replace {key}’s data', { key }) : t('Import into {key}', { key })}
          </Button>
          {preview.target.hasData ? (
            <Button small onClick={onExport}>
              {t('Export {key} first', { key })}
            </Button>
          ) : null}
          <Button small appearance="subtle" onClick={onCancel}>
            {t('Cancel')}
          </Button>
        </>
      }
    >
      <p>
        {[
          counted(c.goals, t('{n} goal'), t('{n} goals')),
          counted(c.kpis, t('{n} KPI'), t('{n} KPIs')),
          counted(c.measurements, t('{n} measurement revision'), t('{n} measurement revisions')),
          t('{launches} with {iterations}', { launches: counted(c.launches, t('{n} launch'), t('{n} launches')), iterations: counted(c.iterations, t('{n} iteration'), t('{n} iterations')) }),
          counted(c.feedback, t('{n} feedback item'), t('{n} feedback items')),
          counted(c.decisions, t('{n} decision'), t('{n} decisions')),
          counted(c.snapshots, t('{n} alignment snapshot'), t('{n} alignment snapshots')),
          counted(c.versions, t('{n} published version'), t('{n} published versions')),
          counted(c.draftRevisions, t('{n} draft save'), t('{n} draft saves')),
        ].join(', ')}
        .
      </p>
      {preview.target.hasData ? (
        <p>
          <strong>
            {existing.length
              ? t('{key} has data already: {what}. Importing deletes all of it first.', { key, what: existing.join(', ') })
              : t('{key} has data already. Importing deletes all of it first.', { key })}
          </strong>
        </p>
      ) : null}
      {[...preview.notes, LINKS_NOTE()].map((note) => (
        <p key={note} className="pv-small">
          {note}
        </p>
      ))}
    </Message>
  );
}
