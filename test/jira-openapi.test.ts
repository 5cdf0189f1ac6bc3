/** The contract helper itself, and the fixture's coverage of what the simulator answers. */
import subset from './fixtures/jira-openapi/jira-subset.json';
import { findOperation, operationScopes, requestProblems, responseProblems } from './jira-openapi';
import { operationKey, ROUTES } from '../devtools/simulated-jira';

const json = (status: number, body: unknown) => ({ status, headers: {}, body });

describe('the fixture', () => {
  it('is the extract of the December 2025 Jira Cloud description, under Apache 2.0', () => {
    expect(subset.info.version).toBe('1001.0.0-SNAPSHOT-57a0ca5b4a0bb0ac5f3fee4764acb1c14e4d7e71');
    expect(subset.info.license.name).toBe('Apache 2.0');
  });

  it('documents exactly the operations the simulated Jira answers', () => {
    const documented = Object.entries(subset.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect([...documented].sort()).toEqual(ROUTES.map(operationKey).sort());
  });

  it('keeps every referenced schema', () => {
    const refs = [...JSON.stringify(subset).matchAll(/"\$ref": ?"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    const schemas = subset.components.schemas as Record<string, unknown>;
    expect(refs.filter((name) => !(name in schemas))).toEqual([]);
  });

  it('gives every operation its OAuth scopes', () => {
    for (const { operation, classic, granular } of operationScopes()) {
      expect({ operation, some: classic.length + granular.length > 0 }).toEqual({ operation, some: true });
    }
  });
});

describe('findOperation', () => {
  it('prefers literal segments over parameters', () => {
    expect(findOperation('GET', '/rest/api/3/project/search?maxResults=1')?.template).toBe('/rest/api/3/project/search');
    expect(findOperation('GET', '/rest/api/3/project/PV')?.template).toBe('/rest/api/3/project/{projectIdOrKey}');
    expect(findOperation('PATCH', '/rest/api/3/project/PV')).toBeUndefined();
  });
});

describe('responseProblems', () => {
  const myself = { method: 'GET', path: '/rest/api/3/myself' } as const;

  it('accepts a body matching the schema of its status', () => {
    expect(responseProblems(myself, json(200, { accountId: 'a', displayName: 'A', active: true }))).toEqual([]);
  });

  it('flags a status code the operation does not document as drift', () => {
    expect(responseProblems(myself, json(403, {}))[0]).toMatch(/status 403 is not documented .* \(documented: 200, 401\)/);
    expect(responseProblems({ method: 'GET', path: '/rest/api/3/project/PV/versions' } as const, json(401, {}))).toHaveLength(1);
  });

  it('flags bodies that break the schema', () => {
    expect(responseProblems(myself, json(200, { accountId: 'a', nickname: 'x' }))[0]).toContain('additional properties {"additionalProperty":"nickname"}');
    expect(responseProblems(myself, json(200, { accountId: 'a', active: 'yes' }))[0]).toContain('must be boolean');
    expect(responseProblems({ method: 'DELETE', path: '/rest/api/3/issue/PV-1/properties/k' } as const, json(204, {}))).toEqual([
      'a 204 response must have no body',
    ]);
  });

  it('accepts any body where the status documents none', () => {
    expect(responseProblems(myself, json(401, 'Unauthorized'))).toEqual([]);
  });

  it("validates JQL structures despite the description's additionalProperties on anyOf schemas", () => {
    const parsed = {
      queries: [{ query: 'project = PV', structure: { where: { field: { name: 'project' }, operator: '=', operand: { value: 'PV' } } } }],
    };
    expect(responseProblems({ method: 'POST', path: '/rest/api/3/jql/parse?validation=strict' } as const, json(200, parsed))).toEqual([]);
  });
});

describe('requestProblems', () => {
  it('flags undocumented query parameters, missing required ones and bad bodies', () => {
    expect(requestProblems({ method: 'GET', path: '/rest/api/3/user/bulk?accountIds=a', as: 'user' })).toEqual([
      "query parameter 'accountIds' is not documented for GET /rest/api/3/user/bulk",
      "required query parameter 'accountId' is missing",
    ]);
    expect(requestProblems({ method: 'POST', path: '/rest/api/3/search/jql', as: 'user', body: { jql: 'x', startAt: 0 } })[0]).toContain(
      'additional properties {"additionalProperty":"startAt"}',
    );
    expect(requestProblems({ method: 'GET', path: '/rest/api/3/dashboard', as: 'user' })[0]).toContain('not an operation');
  });
});
