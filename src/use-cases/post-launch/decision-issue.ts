/**
 * Decisions become work: the issue types the caller may create, an issue made from a decision as the
 * caller (so Jira's own permissions decide), and the current status of an iteration's issues.
 *
 * One decision makes at most one issue, however often the button is pressed or the call retried: the
 * decision's issue is claimed (write-if-absent) before Jira is asked. The issue carries a property
 * naming the decision, set in the same create call, and searchable by JQL: when Jira made the issue but
 * the app could not record it (a storage failure, a lost answer), the next attempt finds that issue and
 * links it instead of making a second one.
 */
import { fail, ok, type Result } from '../../contract';
import type { DecisionOrigin } from '../../contract/alignment/alignment';
import type { CreatableIssueType, Decision, DecisionIssues, Iteration, Launch } from '../../contract/post-launch/post-launch';
import { decisionIssuesJql, DECISION_PROPERTY, issueDescription, issueSummary, type DecisionPropertyValue } from '../../domain/post-launch/decision-issue';
import { findIteration, findLaunch } from '../../domain/post-launch/launch-book';
import { JiraError, type Caller, type Deps, type IssueCreation } from '../../ports';
import { authorize } from '../shared/authorize';
import {
  claimDecisionIssue,
  readDecision,
  readDecisionIssueClaim,
  releaseDecisionIssue,
  saveDecision,
  takeOverDecisionIssue,
  updateDecisionIssueClaim,
  type DecisionIssueClaim,
} from '../../storage/decisions';
import { readLaunchBook } from '../../storage/launches';

/**
 * How long an attempt in progress holds the decision's issue. A create is one Jira call inside a 25 s
 * invocation, and Jira's search sees a new issue within seconds: after this, an attempt that left no
 * issue behind has stopped, and another may take over.
 */
export const CLAIM_WAIT_MS = 2 * 60_000;

/** Issues the status search reads at once: an iteration's linked issues, newest decisions first. */
export const STATUS_SEARCH_MAX = 100;

const toChoice = (t: { id: string; name: string; hierarchyLevel: number }): CreatableIssueType => ({ id: t.id, name: t.name, hierarchyLevel: t.hierarchyLevel });

/** The issue types the caller may create in the project (subtasks left out: they need a parent). Empty: none. */
export async function listCreatableIssueTypes(deps: Deps, caller: Caller): Promise<Result<CreatableIssueType[]>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const types = await deps.jira.creatableIssueTypes(auth.data.project.id);
  return ok((types ?? []).filter((t) => t.hierarchyLevel >= 0).map(toChoice));
}

/** Jira's refusal as the typed error the form shows beside the issue type. */
function refused(creation: Extract<IssueCreation, { created: false }>, projectKey: string): Result<never> {
  const said = [...creation.messages, ...Object.values(creation.fields)].join(' ') || `Jira answered ${creation.status}.`;
  if (creation.status === 403) return fail('FORBIDDEN', `Jira does not let you create issues in ${projectKey}: ${said}`);
  return fail('VALIDATION_FAILED', `Jira refused to create the issue: ${said}`, {
    fields: [{ path: 'issueTypeId', message: `Jira refused to create this issue: ${said} Create it in Jira, or choose another issue type.` }],
  });
}

/** Records the issue on the decision. */
async function link(deps: Deps, projectId: string, decision: Decision, issue: { id: string; key: string; typeName: string }, at: string): Promise<Decision> {
  const linked: Decision = { ...decision, issue: { ...issue, at } };
  await saveDecision(deps, projectId, linked);
  return linked;
}

/**
 * The issue an earlier attempt made, when there is one: the claim names it once Jira answered, else
 * Jira's search finds it by the property set in the create call. null: no issue was made.
 */
async function earlierIssue(deps: Deps, projectId: string, decisionId: string, held: DecisionIssueClaim): Promise<{ id: string; key: string; typeName: string } | null> {
  if (held.issue) return held.issue;
  const page = await deps.jira.searchIssues({ jql: decisionIssuesJql(projectId, { decisionId }), fields: ['issuetype'], maxResults: 1 });
  const found = page.issues[0];
  return found ? { id: found.id, key: found.key, typeName: found.type?.name ?? '' } : null;
}

const busy = () =>
  fail<never>('CONFLICT', 'An issue is being created from this decision right now (a second click, or someone else). Reload the iteration in a moment to see it.');

/**
 * Creates the Jira issue of a decision, as the caller, in the project; answers the decision with its
 * issue. A decision that has one answers it unchanged (a retry after success). Jira's refusal (no
 * *Create issues* permission, a required field the app cannot fill) is a typed error and leaves nothing.
 */
export async function createDecisionIssue(
  deps: Deps,
  caller: Caller,
  input: { launchId: string; iterationId: string; decisionId: string; issueTypeId: string },
): Promise<Result<Decision>> {
  const auth = await authorize(deps, caller, 'read');
  if (!auth.ok) return auth;
  const { project } = auth.data;
  const [book, decision] = await Promise.all([readLaunchBook(deps, project.id), readDecision(deps, project.id, input.iterationId, input.decisionId)]);
  const launch = findLaunch(book, input.launchId);
  const iteration = launch && findIteration(launch, input.iterationId);
  if (!launch || !iteration) return fail('NOT_FOUND', 'This iteration no longer exists.');
  if (!decision || decision.launchId !== input.launchId) return fail('NOT_FOUND', 'This decision no longer exists.');
  if (decision.issue) return ok(decision);

  // As the caller: the types Jira lets them create here (none without *Create issues*).
  const types = ((await deps.jira.creatableIssueTypes(project.id)) ?? []).filter((t) => t.hierarchyLevel >= 0);
  if (!types.length) return fail('FORBIDDEN', `Jira does not let you create issues in ${project.key}.`);
  const type = types.find((t) => t.id === input.issueTypeId);
  if (!type)
    return fail('VALIDATION_FAILED', 'Choose an issue type you can create.', {
      fields: [{ path: 'issueTypeId', message: `Choose one of the issue types you can create in ${project.key}: ${types.map((t) => t.name).join(', ')}.` }],
    });

  const now = deps.clock.now();
  const mine: DecisionIssueClaim = { token: deps.ids.next(), at: now.toISOString(), state: 'creating' };
  if (!(await claimDecisionIssue(deps, project.id, decision.id, mine))) {
    const held = await readDecisionIssueClaim(deps, project.id, decision.id);
    if (!held) {
      // Released meanwhile (Jira refused the other attempt): claim it afresh, once.
      if (!(await claimDecisionIssue(deps, project.id, decision.id, mine))) return busy();
    } else {
      const earlier = await earlierIssue(deps, project.id, decision.id, held);
      if (earlier) return ok(await link(deps, project.id, decision, earlier, held.at));
      const inProgress = held.state === 'creating' && now.getTime() - Date.parse(held.at) < CLAIM_WAIT_MS;
      if (inProgress || !(await takeOverDecisionIssue(deps, project.id, decision.id, held, mine))) return busy();
    }
  }
  return createAndLink(deps, project, launch, iteration, decision, type, mine);
}

async function createAndLink(
  deps: Deps,
  project: { id: string; key: string },
  launch: Launch,
  iteration: Iteration,
  decision: Decision,
  type: { id: string; name: string },
  mine: DecisionIssueClaim,
): Promise<Result<Decision>> {
  const property: DecisionPropertyValue = {
    projectId: project.id,
    launchId: launch.id,
    iterationId: iteration.id,
    decisionId: decision.id,
    token: mine.token,
    kind: decision.kind,
    iterationName: iteration.name,
  };
  let creation: IssueCreation;
  try {
    creation = await deps.jira.createIssue({
      projectId: project.id,
      issueTypeId: type.id,
      summary: issueSummary(decision.text),
      description: issueDescription(decision, iteration.name, launch.name),
      properties: { [DECISION_PROPERTY]: property },
    });
  } catch (error) {
    // Jira may or may not have made it: the next attempt searches for it first, without waiting.
    if (error instanceof JiraError) await updateDecisionIssueClaim(deps, project.id, decision.id, { ...mine, state: 'unsure' }).catch(() => undefined);
    throw error;
  }
  if (!creation.created) {
    await releaseDecisionIssue(deps, project.id, decision.id);
    return refused(creation, project.key);
  }
  const issue = { id: creation.id, key: creation.key, typeName: type.name };
  // The claim names the issue before the decision does: if saving the decision fails, a retry links it from here.
  await updateDecisionIssueClaim(deps, project.id, decision.id, { ...mine, issue }).catch(() => undefined);
  return ok(await link(deps, project.id, decision, issue, mine.at));
}

/**
 * The status of the issues made from an iteration's decisions, as the viewer sees them in Jira: one
 * search for the whole iteration, only when some of `decisions` has an issue. Jira failing leaves a
 * message, never a broken page.
 */
export async function decisionIssueStatuses(deps: Deps, projectId: string, iterationId: string, decisions: Decision[]): Promise<DecisionIssues | undefined> {
  if (!decisions.some((d) => d.issue)) return undefined;
  try {
    const page = await deps.jira.searchIssues({
      jql: `${decisionIssuesJql(projectId, { iterationId })} ORDER BY created DESC`,
      fields: ['summary', 'status'],
      properties: [DECISION_PROPERTY],
      maxResults: STATUS_SEARCH_MAX,
    });
    const found: Record<string, { id: string; key: string; summary: string; status: { name: string; category: string } | null }> = {};
    for (const issue of page.issues) {
      const value = issue.properties[DECISION_PROPERTY] as Partial<DecisionPropertyValue> | undefined;
      if (typeof value?.decisionId !== 'string' || found[value.decisionId]) continue;
      found[value.decisionId] = { id: issue.id, key: issue.key, summary: issue.summary ?? '', status: issue.status };
    }
    return { ok: true, found };
  } catch (error) {
    if (!(error instanceof JiraError) || error.code === 'UNAUTHENTICATED') throw error;
    return { ok: false, error: 'Jira did not answer; the status of the issues made from these decisions is missing. Try again in a minute.' };
  }
}

/**
 * For the issue panel: the decision an issue was made from, read from its property and checked against
 * this project's iterations (anyone who may edit the issue could write the property). One storage read,
 * only when the issue has the property.
 */
export async function decisionOrigin(deps: Deps, projectId: string, property: unknown): Promise<DecisionOrigin | null> {
  const value = property as Partial<DecisionPropertyValue> | undefined;
  if (!value || typeof value !== 'object' || value.projectId !== projectId || typeof value.launchId !== 'string' || typeof value.iterationId !== 'string') return null;
  const launch = findLaunch(await readLaunchBook(deps, projectId), value.launchId);
  const iteration = launch && findIteration(launch, value.iterationId);
  if (!launch || !iteration) return null;
  return { kind: value.kind === 'decision' ? 'decision' : 'next-step', iterationName: iteration.name, launchName: launch.name };
}
