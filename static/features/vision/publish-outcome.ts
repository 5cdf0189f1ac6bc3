/**
 * What the publish panel shows after `vision/publish` answers, and whether the change note may go:
 * only a new version consumes it. Nothing new, a refusal or a lost race keep it, so the admin never
 * types it twice. React-free, to be tested alone.
 */
import type { PublishConflict, PublishedVision, PublishOutcome } from '../../../src/contract/vision/publishing';
import type { AppError, Result } from '../../../src/contract/shared/result';
import { formatDateTime, personName, quoted, type PeopleIndex } from '../../shared/format';
import { t } from '../../shared/i18n';

export type PublishNotice = { kind: 'success' | 'info' | 'warning'; title: string; text: string; retry?: boolean };

export interface PublishView {
  notice: PublishNotice | null;
  error: (AppError & { title?: string }) | null;
  /** True only when a new version took the note. */
  clearNote: boolean;
  /** The version readers see now, when the answer tells it. */
  published: PublishedVision | null;
}

const NOTE_KEPT = () => t('Your change note is still here.');

const isPublished = (v: unknown): v is PublishedVision => typeof (v as PublishedVision | null)?.version === 'number';

/** "version 4, published 1 Dec 2026, 10:02 by Maya (“note”)". */
export const versionLine = (v: Pick<PublishedVision, 'version' | 'publishedAt' | 'publishedBy' | 'changeNote'>, people: PeopleIndex) =>
  t('version {version}, published {publishedAt} by {people}{value}', { version: v.version, publishedAt: formatDateTime(v.publishedAt), people: personName(people, v.publishedBy), value: v.changeNote ? ` (${quoted(v.changeNote)})` : '' });

export function publishView(res: Result<PublishOutcome>, people: PeopleIndex): PublishView {
  if (res.ok) {
    const { published: p, created, summary } = res.data;
    const confluence = summary === 'written' ? t(' The Confluence macro shows it now.') : '';
    const notice: PublishNotice =
      summary === 'failed'
        ? {
            kind: 'warning',
            title: created ? t('Published version {version}', { version: p.version }) : t('Version {version} is still current', { version: p.version }),
            text: t('Jira did not take the summary the Confluence macro reads, so the macro may show an older version. Try again in a minute.'),
            retry: true,
          }
        : created
          ? { kind: 'success', title: t('Published version {version}', { version: p.version }), text: t('Everyone who can browse the project reads it now.{confluence}', { confluence }) }
          : {
              kind: 'info',
              title: t('Nothing new to publish'),
              // Another admin may have published this very draft a moment ago: say who and when.
              text: t('The saved draft has the same content as {p}, so no version was made.{confluence} {noteKept}', { p: versionLine(p, people), confluence, noteKept: NOTE_KEPT() }),
            };
    return { notice, error: null, clearNote: created, published: p };
  }
  const e = res.error;
  const c = (e.details ?? {}) as Partial<PublishConflict>;
  const published = isPublished(c.published) ? c.published : null;
  // A lost race: the version that won (number, who, when), which readers see now.
  const won = c.reason === 'published-meanwhile' ? (c.winner ?? published) : null;
  const why = won ? t('Readers now see {won}.', { won: versionLine(won, people) }) : e.code === 'VALIDATION_FAILED' ? e.fields?.map((f) => f.message).join(' ') || e.message : e.message;
  const title = won ? t('Not published: version {version} was published first', { version: won.version }) : e.code === 'CONFLICT' ? t('Not published: the draft changed meanwhile') : undefined;
  return { notice: null, error: { ...e, title, message: `${why} ${NOTE_KEPT()}` }, clearNote: false, published };
}

/** When the form's edits could not be saved first: the form shows why; the panel keeps the note. */
export const unsavedRefused = (): PublishView => ({
  notice: { kind: 'warning', title: t('Not published: your edits are not saved'), text: t('See the form above. {noteKept}', { noteKept: NOTE_KEPT() }) },
  error: null,
  clearNote: false,
  published: null,
});
