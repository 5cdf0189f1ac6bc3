/**
 * The automatic (JQL) sources of a project's KPIs, one small document, and the index of the projects
 * that have some, which the daily measurement pages through.
 */
import type { QueryPage } from '../ports';
import { casUpdate } from './claims/compare-and-set';
import { SCHEMA_VERSIONS } from './documents';
import type { SourcesDoc } from './document-shapes';
import { plKeys } from './post-launch-keys';
import type { StorageDeps } from './storage-deps';

export type { SourcesDoc };

/** An entry of the index of projects with automatic KPIs. */
export interface AutomaticProject {
  projectId: string;
  projectKey: string;
}

export const emptySources = (projectKey: string): SourcesDoc => ({ rev: 0, schemaVersion: SCHEMA_VERSIONS.kpiSources, projectKey, sources: {} });

export const readSources = async (deps: StorageDeps, projectId: string, projectKey: string): Promise<SourcesDoc> =>
  (await deps.store.get<SourcesDoc>(plKeys.sources(projectId))) ?? emptySources(projectKey);

/** Compare-and-set of the sources document: `change` answers null to leave it as it is. Answers the stored document. */
export const updateSources = (deps: StorageDeps, projectId: string, projectKey: string, change: (current: SourcesDoc) => SourcesDoc | null): Promise<SourcesDoc> =>
  casUpdate(deps.store, plKeys.sources(projectId), () => emptySources(projectKey), change);

export const indexAutomaticProject = (deps: StorageDeps, project: { id: string; key: string }): Promise<void> =>
  deps.store.set<AutomaticProject>(plKeys.jqlProject(project.id), { projectId: project.id, projectKey: project.key });

export const unindexAutomaticProject = (deps: StorageDeps, projectId: string): Promise<void> => deps.store.delete(plKeys.jqlProject(projectId));

/** One page (20) of the index, in no assumed order. */
export const listAutomaticProjects = (deps: StorageDeps, cursor: string | undefined): Promise<QueryPage<AutomaticProject>> =>
  deps.store.query<AutomaticProject>(plKeys.jqlProjectPrefix, { cursor, limit: 20 });
