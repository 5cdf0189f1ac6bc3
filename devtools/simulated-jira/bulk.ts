/**
 * Large projects for benchmarks and scale tests: many epics (some tied to goals through the
 * goal-link property) with open work under them, added in linear time (`addIssue` numbers issues by
 * counting, which is quadratic for tens of thousands).
 */
import { findProject, type JiraSite, type SimIssue } from './site';

export interface BulkEpics {
  projectKey: string;
  epics: number;
  /** The goal-link property value of epic `i` (0 = oldest), or undefined for none. */
  link: (i: number) => unknown;
  /** Open stories under each epic, with these story points (null: no estimate). */
  openChildren?: number;
  storyPoints?: number | null;
  /** First creation instant; each next epic one minute later. */
  from?: string;
}

export function addBulkEpics(site: JiraSite, spec: BulkEpics): { epics: SimIssue[]; children: SimIssue[] } {
  const project = findProject(site, spec.projectKey);
  if (!project) throw new Error(`No project ${spec.projectKey}`);
  const epicType = project.issueTypes.find((t) => t.hierarchyLevel === 1);
  const storyType = project.issueTypes.find((t) => t.hierarchyLevel === 0);
  if (!epicType || !storyType) throw new Error(`Project ${project.key} has no epic or standard type`);
  let number = site.issues.filter((i) => i.projectId === project.id).length;
  const start = Date.parse(spec.from ?? '2024-01-01T00:00:00Z');
  const make = (typeId: string, summary: string, created: string, extra: Partial<SimIssue> = {}): SimIssue => {
    const issue: SimIssue = {
      id: String(site.nextIssueId++),
      key: `${project.key}-${++number}`,
      projectId: project.id,
      issueTypeId: typeId,
      summary,
      statusName: 'To Do',
      statusCategory: 'new',
      created,
      updated: created,
      fixVersionIds: [],
      properties: new Map(),
      ...extra,
    };
    site.issues.push(issue);
    return issue;
  };
  const epics: SimIssue[] = [];
  const children: SimIssue[] = [];
  for (let i = 0; i < spec.epics; i++) {
    const created = new Date(start + i * 60_000).toISOString();
    const epic = make(epicType.id, `Epic ${i + 1}`, created);
    const link = spec.link(i);
    if (link !== undefined) epic.properties.set('product-vision-goal', structuredClone(link));
    epics.push(epic);
    for (let c = 0; c < (spec.openChildren ?? 0); c++) {
      const points = spec.storyPoints === undefined ? 3 : spec.storyPoints;
      children.push(make(storyType.id, `Story ${c + 1} of epic ${i + 1}`, created, { parentId: epic.id, ...(points === null ? {} : { storyPoints: points }) }));
    }
  }
  return { epics, children };
}
