/**
 * Every JQL the app builds parses with Atlassian's own grammar (@atlaskit/jql-ast, the parser behind
 * Jira's JQL editor), keeps hostile ids as the exact values written, and uses only fields the
 * simulated Jira knows (the manifest's search alias included).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JastBuilder } from '@atlaskit/jql-ast';
import * as alignmentJql from '../src/domain/alignment/alignment-jql';
import * as kpiJql from '../src/domain/post-launch/kpi-jql';
import { intakeSearch } from '../src/domain/post-launch/intake';
import { decisionIssuesJql } from '../src/domain/post-launch/decision-issue';
import { repointJql } from '../src/use-cases/transfer/import-file';
import { registerManifestAliases } from '../devtools/forge-platform/manifest';
import { DEMO_USERS, DEMO_PROJECTS, handleJiraRequest, seedDemoSite } from '../devtools/simulated-jira';
import { expectJiraContract } from './jira-openapi';

const HOSTILE = ['g1', 'goal "quoted"', 'back\\slash\\', 'OR project = MOB', ') OR (1 = 1', 'ünïcödé ✓', "it's", 'EMPTY'];
const PV = DEMO_PROJECTS.PV;
const scope = { projectId: PV.id, epicTypeIds: ['10000', '10001'] };

/** Every query the domain's builders make, named by its builder. */
const built: Array<[string, string]> = [
  ['epicsJql', alignmentJql.epicsJql(scope)],
  ['alignedJql', alignmentJql.alignedJql(scope, HOSTILE)!],
  ['unalignedJql (no goals)', alignmentJql.unalignedJql(scope, [])],
  ['unalignedJql', alignmentJql.unalignedJql(scope, HOSTILE)],
  ['goalEpicsJql', alignmentJql.goalEpicsJql(PV.id, 'goal "quoted" \\ OR 1 = 1')],
  ['openChildrenJql', alignmentJql.openChildrenJql(PV.id, ['10001', '10002', '10003'])],
  ['outputJql (window)', kpiJql.outputJql(PV.key, { start: '2025-07-01', end: '2025-07-31', versionId: null }).jql],
  ['outputJql (version)', kpiJql.outputJql(PV.key, { start: '2025-07-01', end: '2025-07-31', versionId: '10100' }).jql],
  ['intakeSearch (first)', intakeSearch('project = SD AND "Request Type" = "Report a bug"', null)],
  ['intakeSearch (from an issue)', intakeSearch('project = SD AND "Request Type" = "Report a bug"', { created: '2025-07-03T08:12:00.000Z' })],
  ['decisionIssuesJql (iteration)', decisionIssuesJql(PV.id, { iterationId: HOSTILE[3]! })],
  ['decisionIssuesJql (decision)', decisionIssuesJql(PV.id, { decisionId: '9998235430399-id-8' })],
  ['repointJql', repointJql('project = "MOB" AND statusCategory = Done', { projectKey: 'MOB', projectId: '10010' }, PV.key)!],
];

const grammarErrors = (jql: string) => new JastBuilder().build(jql).errors.map((e) => e.message);

/** Every value operand the grammar read, in order. */
function valuesOf(jql: string): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (node.operandType === 'value') out.push(node.value);
    for (const child of [node.where, node.clause, ...(node.clauses ?? []), node.operand, ...(node.values ?? [])]) walk(child);
  };
  walk(new JastBuilder().build(jql).query);
  return out;
}

it.each(built)('%s parses with the grammar without errors', (_name, jql) => {
  expect(jql).toBeTruthy();
  expect(grammarErrors(jql)).toEqual([]);
});

it('keeps hostile goal ids as the exact values written (no value changes a query’s meaning)', () => {
  const aligned = alignmentJql.alignedJql(scope, HOSTILE)!;
  expect(valuesOf(aligned).slice(-HOSTILE.length)).toEqual(HOSTILE);
  expect(valuesOf(alignmentJql.unalignedJql(scope, HOSTILE)).slice(-HOSTILE.length)).toEqual(HOSTILE);
  for (const id of HOSTILE) expect(valuesOf(alignmentJql.goalEpicsJql(PV.id, id))).toEqual([PV.id, id]);
});

it('the grammar check can fail: an unescaped quote is a syntax error', () => {
  expect(grammarErrors('project = PV AND visionGoal in ("a"b")')).not.toEqual([]);
});

it.each(built)('%s uses only fields the simulated Jira knows', async (_name, jql) => {
  const site = seedDemoSite();
  registerManifestAliases(site);
  const request = { method: 'POST' as const, path: '/rest/api/3/jql/parse?validation=strict', as: 'user' as const, body: { queries: [jql] } };
  const response = await handleJiraRequest(site, request, DEMO_USERS.admin);
  expectJiraContract(request, response);
  expect((response.body as any).queries[0].errors).toBeUndefined();
});

it('covers every JQL builder in src (a new *-jql.ts or builder must be added above)', () => {
  const src = join(__dirname, '..', 'src');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/-jql\.ts$/.test(name)) files.push(relative(src, path));
    }
  };
  walk(src);
  expect(files.sort()).toEqual(['domain/alignment/alignment-jql.ts', 'domain/post-launch/kpi-jql.ts']);
  const builders = [alignmentJql, kpiJql].flatMap((m) => Object.keys(m).filter((k) => /Jql$/.test(k)));
  const covered = new Set(built.map(([name]) => name.split(' ')[0]));
  expect(builders.filter((b) => !covered.has(b))).toEqual([]);
});
