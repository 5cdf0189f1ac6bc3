/**
 * Publishing the draft: what readers see now, whether the draft differs, an optional change note, and
 * the defined outcomes (publish-outcome.ts) — a new version; nothing new (no version, the Confluence
 * summary is written again); the draft changed meanwhile, or another admin published first (CONFLICT,
 * saying which version won); the summary Jira did not take (published anyway, with a way to try again).
 * Unsaved edits in the vision form are saved first rather than asked about: the button says "Save and
 * publish", and a refused save shows its reasons next to the fields where they were typed. Only a new
 * version consumes the change note.
 */
import './publishing.style';
import { useId, useState } from 'react';
import { samePublishable, PUBLISHING_LIMITS, type PublishedVision, type ReviewFlags, type VisionDraft } from '../../../src/contract/vision/publishing';
import { call } from '../../shared/bridge';
import { TextField } from '../../shared/field';
import type { PeopleIndex } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';
import { publishView, unsavedRefused, versionLine, type PublishView } from './publish-outcome';
import { t } from '../../shared/i18n';

export function PublishPanel({
  draft,
  published,
  people,
  unsaved = false,
  saveFirst,
  onPublished,
}: {
  draft: VisionDraft | null;
  published: PublishedVision | null;
  people: PeopleIndex;
  /** The vision form holds unsaved edits: `saveFirst` saves them (null: refused), so publishing takes what the admin sees. */
  unsaved?: boolean;
  saveFirst?: () => Promise<VisionDraft | null>;
  onPublished: (published: PublishedVision, review: ReviewFlags | null) => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<Omit<PublishView, 'clearNote' | 'published'> | null>(null);
  const titleId = useId();
  const differs = unsaved || (!!draft && (!published || !samePublishable(draft, published)));

  async function publish() {
    if ((!draft && !unsaved) || busy) return;
    setBusy(true);
    setView(null);
    // Save first: "Publish" means what the form shows; the form reports a refused save next to the fields.
    const target = unsaved && saveFirst ? await saveFirst() : draft;
    const res = target ? await call('vision/publish', { baseRevision: target.revision, ...(note.trim() ? { changeNote: note.trim() } : {}) }) : null;
    setBusy(false);
    const next = res ? publishView(res, people) : unsavedRefused();
    if (next.published) onPublished(next.published, res?.ok ? res.data.review : null);
    if (next.clearNote) setNote('');
    setView(next);
  }

  const { notice, error } = view ?? { notice: null, error: null };
  return (
    <section className="pv-card pv-card--sunken pv-publish" aria-labelledby={titleId}>
      <div className="pv-section-head">
        <h3 id={titleId}>{t('Publish')}</h3>
        <span className={`pv-lozenge${differs ? ' pv-lozenge--active' : ''}`}>{!published ? t('Not published yet') : differs ? t('Unpublished changes') : t('Up to date')}</span>
      </div>
      <p className="pv-small pv-muted">
        {t('{value} Publishing makes the draft{value2} the current version; unsaved changes in the form are saved first. Every version is kept.', { value: published ? t('Readers see {published}.', { published: versionLine(published, people) }) : t('Readers see nothing yet: the project page and the Confluence macro show the vision once it is published.'), value2: draft ? t(' (revision {revision})', { revision: draft.revision }) : '' })}
      </p>
      {notice ? (
        <Message
          kind={notice.kind}
          title={notice.title}
          actions={
            <>
              {notice.retry ? (
                <Button small onClick={() => void publish()}>
                  {t('Try again')}
                </Button>
              ) : null}
              <Button small appearance="subtle" onClick={() => setView(null)}>
                {t('Dismiss')}
              </Button>
            </>
          }
        >
          <p>{notice.text}</p>
        </Message>
      ) : null}
      {error ? <ErrorBanner error={error} title={error.title} onDismiss={() => setView(null)} /> : null}
      <div className="pv-publish-row">
        <div className="pv-grow">
          <TextField
            name="changeNote"
            label={t('Change note (optional)')}
            max={PUBLISHING_LIMITS.changeNote}
            value={note}
            readOnly={busy}
            help={t('What changed and why, for the history.')}
            onChange={setNote}
          />
        </div>
        <Button appearance="primary" busy={busy || (!draft && !unsaved)} disabled={!draft && !unsaved} onClick={() => void publish()}>
          {busy ? t('Publishing…') : published && !differs ? t('Publish again') : unsaved ? t('Save and publish version {version}', { version: (published?.version ?? 0) + 1 }) : t('Publish version {version}', { version: (published?.version ?? 0) + 1 })}
        </Button>
      </div>
    </section>
  );
}
