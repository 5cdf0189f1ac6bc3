/** Draft and published vision keys, and what Confluence readers see of it, answered by the Jira resolver (project settings page, project page). */
import * as M from '../contract/macro/macro';
import * as P from '../contract/vision/publishing';
import { setOpenReadersSchema, openReadersSchema } from '../contract/macro/open-readers';
import { loadOpenReaders, setOpenReaders } from '../use-cases/macro/open-readers';
import { readerView } from '../use-cases/macro/reader-view';
import { diffVision } from '../use-cases/vision/diff-vision';
import { publishVision } from '../use-cases/vision/publish-vision';
import { restoreVision } from '../use-cases/vision/restore-vision';
import { visionVersions } from '../use-cases/vision/vision-versions';
import { endpoint, type DepsFactory, type Handler } from './endpoint';

export function publishingHandlers(makeDeps: DepsFactory): Record<(typeof P.PUBLISHING_KEYS)[number] | (typeof M.READER_VIEW_KEYS)[number], Handler> {
  return {
    'vision/publish': endpoint(P.publishSchema, publishVision, makeDeps),
    'vision/versions': endpoint(P.versionsPageSchema, visionVersions, makeDeps),
    'vision/diff': endpoint(P.diffSchema, diffVision, makeDeps),
    'vision/restore': endpoint(P.restoreSchema, restoreVision, makeDeps),
    'vision/reader-view': endpoint(M.readerViewSchema, readerView, makeDeps),
    'vision/open-readers': endpoint(openReadersSchema, loadOpenReaders, makeDeps),
    'vision/set-open-readers': endpoint(setOpenReadersSchema, setOpenReaders, makeDeps),
  };
}
