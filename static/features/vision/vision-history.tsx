/** Collapsible "Draft saves": every saved revision of the draft, newest first, fetched when first opened; "Load more" pages on. */
import type { VisionRevisionSummary } from '../../../src/contract/goals/model';
import { call } from '../../shared/bridge';
import { excerpt, formatDateTime, personName, type PeopleIndex } from '../../shared/format';
import { PagedDetails } from '../../shared/paged-details';
import { usePagedList } from '../../shared/use-paged-list';
import { t } from '../../shared/i18n';

const fetchPage = (cursor?: string) => call('vision/history', cursor ? { cursor } : {});
const itemsOf = (page: { revisions: VisionRevisionSummary[] }) => page.revisions;

export function VisionHistory({ latestRevision, people }: { latestRevision: number; people: PeopleIndex }) {
  // A newer revision (a save) makes the loaded list stale.
  const paged = usePagedList({ fetchPage, itemsOf, stamp: latestRevision });
  const revisions = paged.list.items;
  return (
    <PagedDetails title={t('Draft saves')} paged={paged} empty={t('No saved drafts yet.')} loadingLabel={t('Loading history')}>
      {revisions.length > 0 ? (
        <ol className="pv-history" aria-label={t('Draft revisions')}>
          {revisions.map((r) => (
            <li key={r.revision}>
              <span className="pv-small pv-muted">
                <strong>{t('Revision {revision}', { revision: r.revision })}</strong> · {personName(people, r.updatedBy)} · {formatDateTime(r.updatedAt)}
              </span>
              <span>{excerpt(r.statement) || <em className="pv-subtlest">{t('No statement')}</em>}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </PagedDetails>
  );
}
