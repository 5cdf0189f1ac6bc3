/**
 * After a publish, the read-only summary goes to Jira as project properties, written as the publishing
 * admin (Jira checks Administer projects): the latest (`product-vision.published`) and this version's
 * (`product-vision.published.v<N>`, for macros pinned to it). The Confluence macro reads them as its
 * viewer, so Jira's own permissions decide who sees them. The summary names people by account id only. KVS stays the source of truth; a failed write
 * (or a storage failure while building it) is reported to the admin, and publishing again (even unchanged)
 * writes the summary again.
 */
import { SUMMARY_PROPERTY, versionSummaryProperty, type PublishedVision, type SummarySync } from '../../contract/vision/publishing';
import { buildSummary } from '../../domain/vision/published-summary';
import { JiraError, passConsentThrough, type Deps } from '../../ports';
import { readHighlights } from '../project/project-highlights';
import { readGoalBook } from '../../storage/books';
import { readHead } from '../../storage/visions';

export async function writePublishedSummary(
  deps: Deps,
  project: { id: string; key: string },
  published: PublishedVision,
): Promise<SummarySync> {
  try {
    const [book, head, highlights] = await Promise.all([
      readGoalBook(deps, project.id),
      readHead(deps, project.id), // the newest versions: Forge documents no query order to find them by
      readHighlights(deps, project),
    ]);
    const listed = head.recent;
    const summary = buildSummary({
      project,
      published,
      goalBook: book,
      highlights,
      versions: listed.some((v) => v.version === published.version) ? listed : [published, ...listed],
    });
    const newest = head.current?.version ?? published.version;
    const writes = [deps.jira.setProjectProperty(project.id, versionSummaryProperty(published.version), summary)];
    // A newer version published meanwhile writes the latest summary itself; never roll it back.
    if (newest <= published.version) writes.push(deps.jira.setProjectProperty(project.id, SUMMARY_PROPERTY, summary));
    const outcomes = await Promise.all(writes);
    if (outcomes.every((o) => o === 'ok')) return 'written';
    console.warn('Jira did not take the published summary', outcomes);
    return 'failed';
  } catch (error) {
    passConsentThrough(error);
    // The version is published already (its key is claimed): whatever failed here (Jira, or a storage
    // read for the summary) must not turn that into an error. The admin is told; publishing again repairs.
    console.warn('Could not write the published summary to Jira', error instanceof JiraError ? error.message : error);
    return 'failed';
  }
}
