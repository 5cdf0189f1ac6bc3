/**
 * Publishing the saved draft: what readers see now, whether the draft differs, an optional change
 * note, and the defined outcomes — a new version; nothing new (no version, the Confluence summary is
 * written again); the draft changed meanwhile, or another admin published first (CONFLICT); the
 * summary Jira did not take (published anyway, with a way to try again).
 */
import './publishing.style';
import { useId, useState } from 'react';
import { samePublishable, PUBLISHING_LIMITS, type PublishedVision, type ReviewFlags, type VisionDraft } from '../../../src/contract/vision/publishing';
import type { AppError } from '../../../src/contract/shared/result';
import { call } from '../../shared/bridge';
import { TextField } from '../../shared/field';
import { formatDateTime, personName, type PeopleIndex } from '../../shared/format';
import { ErrorBanner } from '../../shared/states';
import { Button, Message } from '../../shared/ui';

type Notice = { kind: 'success' | 'info' | 'warning'; title: string; text: string; retry?: boolean };

const isPublished = (v: unknown): v is PublishedVision =>
  typeof v === 'object' && v !== null && typeof (v as { version?: unknown }).version === 'number' && typeof (v as { statement?: unknown }).statement === 'string';

export function PublishPanel({
  draft,
  published,
  people,
  onPublished,
}: {
  draft: VisionDraft | null;
  published: PublishedVision | null;
  people: PeopleIndex;
  onPublished: (published: PublishedVision, review: ReviewFlags | null) => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const titleId = useId();
  const differs = !!draft && (!published || !samePublishable(draft, published));

  async function publish() {
    if (!draft || busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    const res = await call('vision/publish', { baseRevision: draft.revision, ...(note.trim() ? { changeNote: note.trim() } : {}) });
    setBusy(false);
    if (res.ok) {
      const { published: p, created, summary, review } = res.data;
      onPublished(p, review);
      setNote('');
      const confluence = summary === 'written' ? 'The Confluence macro shows it now.' : '';
      setNotice(
        summary === 'failed'
          ? {
              kind: 'warning',
              title: created ? `Published version ${p.version}` : `Version ${p.version} is still current`,
              text: 'Jira did not take the summary the Confluence macro reads, so the macro may show an older version. Try again in a minute.',
              retry: true,
            }
          : created
            ? { kind: 'success', title: `Published version ${p.version}`, text: `Everyone who can browse the project reads it now. ${confluence}` }
            : { kind: 'info', title: 'Nothing new to publish', text: `The draft has the same content as version ${p.version}, so no version was made. ${confluence}` },
      );
      return;
    }
    const e = res.error;
    if (e.code === 'CONFLICT') {
      const details = e.details as { published?: unknown } | undefined;
      if (isPublished(details?.published)) onPublished(details.published, null);
      setError({ ...e, message: `${e.message} Reload the page to see the current draft and version, then publish again if needed.` });
    } else if (e.code === 'VALIDATION_FAILED') {
      setError({ ...e, message: e.fields?.map((f) => f.message).join(' ') || e.message });
    } else setError(e);
  }

  return (
    <section className="pv-card pv-card--sunken pv-publish" aria-labelledby={titleId}>
      <div className="pv-section-head">
        <h3 id={titleId}>Publish</h3>
        <span className={`pv-lozenge${differs ? ' pv-lozenge--active' : ''}`}>{!published ? 'Not published yet' : differs ? 'Unpublished changes' : 'Up to date'}</span>
      </div>
      <p className="pv-small pv-muted">
        {published
          ? `Readers see version ${published.version}, published ${formatDateTime(published.publishedAt)} by ${personName(people, published.publishedBy)}${published.changeNote ? ` (“${published.changeNote}”)` : ''}.`
          : 'Readers see nothing yet: the project page and the Confluence macro show the vision once it is published.'}{' '}
        Publishing makes the saved draft{draft ? ` (revision ${draft.revision})` : ''} the current version; unsaved changes in the form are not included. Every
        version is kept.
      </p>
      {notice ? (
        <Message
          kind={notice.kind}
          title={notice.title}
          actions={
            <>
              {notice.retry ? (
                <Button small onClick={() => void publish()}>
                  Try again
                </Button>
              ) : null}
              <Button small appearance="subtle" onClick={() => setNotice(null)}>
                Dismiss
              </Button>
            </>
          }
        >
          <p>{notice.text}</p>
        </Message>
      ) : null}
      {error ? <ErrorBanner error={error} title={error.code === 'CONFLICT' ? 'Not published: something changed meanwhile' : undefined} onDismiss={() => setError(null)} /> : null}
      <div className="pv-publish-row">
        <div className="pv-grow">
          <TextField
            name="changeNote"
            label="Change note (optional)"
            max={PUBLISHING_LIMITS.changeNote}
            value={note}
            readOnly={busy}
            help="What changed and why, for the history."
            onChange={setNote}
          />
        </div>
        <Button appearance="primary" busy={busy || !draft} disabled={!draft} onClick={() => void publish()}>
          {busy ? 'Publishing…' : published && !differs ? 'Publish again' : `Publish version ${(published?.version ?? 0) + 1}`}
        </Button>
      </div>
    </section>
  );
}
