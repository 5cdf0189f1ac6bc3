/**
 * "Published versions": every version with who, when and its note; a diff of any two (or of a
 * version and the draft), inline or side by side; and, for admins, restoring a version as the draft.
 * Loaded when first opened; one page (20 versions) per call, "Load more" for older ones. The diff's
 * rendering and its tools are a lazy chunk, fetched with the first comparison.
 */
import { useCallback, useId, useState } from 'react';
import type { PublishedVersionSummary, VersionRef, VisionDiff, VisionDraft } from '../../../src/contract/vision/publishing';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { ConfirmDialog } from '../../shared/dialog';
import { excerpt, formatDateTime, personName, quoted, type PeopleIndex } from '../../shared/format';
import { PagedDetails } from '../../shared/paged-details';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import { usePagedList } from '../../shared/use-paged-list';
import { lazyPart } from '../../shared/lazy';
import { closedParts } from '../closed-parts-load';
import type { DiffLayout } from './vision-diff-view';
import { t } from '../../shared/i18n';

const fetchPage = (cursor?: string) => call('vision/versions', cursor ? { cursor } : {});
const itemsOf = (page: { versions: PublishedVersionSummary[] }) => page.versions;

const refText = (r: VersionRef) => String(r);
const parseRef = (s: string): VersionRef => (s === 'draft' ? 'draft' : Number(s));

/** One side of the comparison: the draft or a published version. */
function RefSelect(p: {
  id: string;
  label: string;
  value: VersionRef | null;
  options: Array<{ value: string; label: string }>;
  onChange: (ref: VersionRef) => void;
}) {
  return (
    <div className="pv-field">
      <label className="pv-label" htmlFor={p.id}>
        {p.label}
      </label>
      <select id={p.id} className="pv-input" value={p.value === null ? '' : refText(p.value)} onChange={(e) => p.onChange(parseRef(e.target.value))}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const VisionDiffPanel = lazyPart(() => closedParts().then((m) => m.VisionDiffPanel));

export function VersionHistory({
  canEdit,
  draft,
  latestVersion,
  people,
  onRestored,
}: {
  canEdit: boolean;
  /** The draft the admin edits (null for readers or before the first save). */
  draft: VisionDraft | null;
  /** The current published version; a new one refreshes the list. */
  latestVersion: number;
  people: PeopleIndex;
  onRestored: (draft: VisionDraft) => void;
}) {
  const [from, setFrom] = useState<VersionRef | null>(null);
  const [to, setTo] = useState<VersionRef | null>(null);
  const [layout, setLayout] = useState<DiffLayout>('side-by-side');
  const [onlyChanges, setOnlyChanges] = useState(true);
  const [diff, setDiff] = useState<{ status: 'idle' } | { status: 'loading' } | { status: 'ready'; diff: VisionDiff } | { status: 'error'; error: AppError }>({ status: 'idle' });
  const [restoring, setRestoring] = useState<PublishedVersionSummary | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'info' | 'error'; text: string } | null>(null);
  const ids = { from: useId(), to: useId() };

  // The newest two versions are compared unless the user already chose.
  const onFirstPage = useCallback((page: { versions: PublishedVersionSummary[] }) => {
    const [newest, previous] = page.versions;
    setTo((t) => t ?? newest?.version ?? null);
    setFrom((f) => f ?? previous?.version ?? newest?.version ?? null);
  }, []);
  // A publish makes the loaded list, and what was compared, stale.
  const onStale = useCallback(() => {
    setFrom(null);
    setTo(null);
    setDiff({ status: 'idle' });
  }, []);
  const paged = usePagedList({ fetchPage, itemsOf, stamp: latestVersion, onFirstPage, onStale });
  const versions = paged.list.items;

  const compare = useCallback((a: VersionRef, b: VersionRef) => {
    setFrom(a);
    setTo(b);
    setDiff({ status: 'loading' });
    void call('vision/diff', { from: a, to: b }).then((res) => setDiff(res.ok ? { status: 'ready', diff: res.data } : { status: 'error', error: res.error }));
  }, []);

  async function restore() {
    if (!restoring) return;
    setRestoreBusy(true);
    const res = await call('vision/restore', { version: restoring.version, baseRevision: draft?.revision ?? 0 });
    setRestoreBusy(false);
    const version = restoring.version;
    setRestoring(null);
    if (res.ok) {
      onRestored(res.data.draft);
      setNotice(
        res.data.changed
          ? { kind: 'success', text: t("The draft now has version {version}'s content. Review it above, then publish it to make it current.", { version }) }
          : { kind: 'info', text: t("The draft already has version {version}'s content: nothing changed.", { version }) },
      );
    } else {
      setNotice({ kind: 'error', text: res.error.code === 'CONFLICT' ? t('{message} Reload the page to see the current draft.', { message: res.error.message }) : res.error.message });
    }
  }

  const options = [...(canEdit && draft ? [{ value: 'draft', label: t('Draft (unpublished)') }] : []), ...versions.map((v) => ({ value: String(v.version), label: t('Version {version}', { version: v.version }) }))];

  return (
    <PagedDetails
      title={t('Published versions')}
      paged={paged}
      empty={t('Nothing published yet. Publish the draft to make the first version.')}
      loadingLabel={t('Loading versions')}
      top={
        notice ? (
          <Message kind={notice.kind} actions={<Button small appearance="subtle" onClick={() => setNotice(null)}>{t('Dismiss')}</Button>}>
            <p>{notice.text}</p>
          </Message>
        ) : null
      }
      after={
        <ConfirmDialog
          open={restoring !== null}
          title={t('Restore version {value} as the draft?', { value: restoring?.version ?? '' })}
          confirmLabel={t('Restore as draft')}
          danger={false}
          busy={restoreBusy}
          onConfirm={() => void restore()}
          onCancel={() => setRestoring(null)}
        >
          <p>
            {t('The draft gets version {version}’s text, bets and review cadence. The current draft stays in the draft history, and readers keep seeing version {latestVersion} until you publish.', { version: restoring?.version ?? '', latestVersion })}
          </p>
        </ConfirmDialog>
      }
    >
      {versions.length > 0 ? (
        <div className="pv-compare-bar">
          <RefSelect id={ids.from} label={t('Compare version')} value={from} options={options} onChange={setFrom} />
          <RefSelect id={ids.to} label={t('With version')} value={to} options={options} onChange={setTo} />
          <Button appearance="primary" disabled={from === null || to === null} busy={diff.status === 'loading'} onClick={() => from !== null && to !== null && compare(from, to)}>
            {t('Compare')}
          </Button>
        </div>
      ) : null}

      {diff.status === 'error' ? <ErrorBanner error={diff.error} onDismiss={() => setDiff({ status: 'idle' })} /> : null}
      {diff.status === 'ready' ? <VisionDiffPanel diff={diff.diff} people={people} layout={layout} onLayout={setLayout} onlyChanges={onlyChanges} onOnlyChanges={setOnlyChanges} /> : null}

      {versions.length > 0 ? (
        <ol className="pv-history" aria-label={t('Published versions')}>
          {versions.map((v, i) => (
            <li key={v.version}>
              <span className="pv-small pv-muted">
                <strong>{v.version === latestVersion ? t('Version {version} (current)', { version: v.version }) : t('Version {version}', { version: v.version })}</strong> · {personName(people, v.publishedBy)} · {formatDateTime(v.publishedAt)}
                {v.legacy ? t(' · saved before versions were published') : ''}
              </span>
              {v.changeNote ? <span>{quoted(v.changeNote)}</span> : null}
              <span className="pv-subtlest">{excerpt(v.statement) || <em>{t('No statement')}</em>}</span>
              <span className="pv-row">
                {versions[i + 1] ? (
                  <Button small appearance="subtle" onClick={() => compare(versions[i + 1]!.version, v.version)}>
                    {t('Changes from version {version}', { version: versions[i + 1]!.version })}
                  </Button>
                ) : null}
                {canEdit ? (
                  <Button small appearance="subtle" onClick={() => setRestoring(v)}>
                    {t('Restore as draft')}
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </PagedDetails>
  );
}
