#!/usr/bin/env node
/**
 * Copies the Jira Cloud operations the app calls, and every schema they reach, out of Atlassian's
 * OpenAPI description into a small fixture the tests can read without the full 2.4 MB file.
 *
 *   node tools/extract-jira-openapi.mjs [source.json] [out.json]
 *
 * Defaults: ../shared/jira-openapi/jira-platform-v3.json → test/fixtures/jira-openapi/jira-subset.json
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv[2] ?? resolve(root, '../shared/jira-openapi/jira-platform-v3.json'));
const out = resolve(process.argv[3] ?? resolve(root, 'test/fixtures/jira-openapi/jira-subset.json'));

/** The operations the app (and the simulated Jira) use: method → paths. */
export const OPERATIONS = [
  ['get', '/rest/api/3/myself'],
  ['get', '/rest/api/3/mypermissions'],
  ['post', '/rest/api/3/permissions/check'],
  ['get', '/rest/api/3/user/bulk'],
  ['get', '/rest/api/3/user/assignable/search'],
  ['get', '/rest/api/3/user/search'],
  ['get', '/rest/api/3/groups/picker'],
  ['get', '/rest/api/3/project/{projectIdOrKey}'],
  ['get', '/rest/api/3/project/search'],
  ['get', '/rest/api/3/issuetype/project'],
  ['get', '/rest/api/3/project/{projectIdOrKey}/versions'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['put', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['delete', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['get', '/rest/api/3/issue/{issueIdOrKey}'],
  ['post', '/rest/api/3/issue'],
  ['get', '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes'],
  ['get', '/rest/api/3/search/jql'],
  ['post', '/rest/api/3/search/jql'],
  ['post', '/rest/api/3/search/approximate-count'],
  ['post', '/rest/api/3/jql/parse'],
  ['get', '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}'],
  ['put', '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}'],
];

const SCHEMA_REF = '#/components/schemas/';

function collectRefs(node, found) {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith(SCHEMA_REF)) throw new Error(`Unsupported $ref ${value}`);
        found.add(value.slice(SCHEMA_REF.length));
      } else {
        collectRefs(value, found);
      }
    }
  }
}

function extract(spec) {
  const paths = {};
  const pending = new Set();
  const scopes = new Set();
  const schemes = new Set();
  for (const [method, path] of OPERATIONS) {
    const item = spec.paths[path];
    const operation = item?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in ${source}`);
    if (item.parameters) throw new Error(`${path} has path-level parameters; copy them too`);
    paths[path] ??= {};
    paths[path][method] = operation;
    collectRefs(operation, pending);
    for (const requirement of operation.security ?? []) {
      for (const [scheme, list] of Object.entries(requirement)) {
        schemes.add(scheme);
        for (const scope of list) scopes.add(scope);
      }
    }
    for (const entry of operation['x-atlassian-oauth2-scopes'] ?? []) {
      for (const scope of entry.scopes) scopes.add(scope);
    }
  }

  const schemas = {};
  const queue = [...pending];
  while (queue.length > 0) {
    const name = queue.pop();
    if (name in schemas) continue;
    const schema = spec.components.schemas[name];
    if (!schema) throw new Error(`Schema ${name} is referenced but missing`);
    schemas[name] = schema;
    const next = new Set();
    collectRefs(schema, next);
    for (const ref of next) if (!(ref in schemas)) queue.push(ref);
  }

  // Keep only the schemes and scopes the operations name; the full OAuth2 scope list is long.
  const securitySchemes = {};
  for (const name of [...schemes].sort()) {
    const scheme = structuredClone(spec.components.securitySchemes[name]);
    for (const flow of Object.values(scheme.flows ?? {})) {
      flow.scopes = Object.fromEntries(Object.entries(flow.scopes).filter(([scope]) => scopes.has(scope)).sort());
    }
    securitySchemes[name] = scheme;
  }

  return {
    openapi: spec.openapi,
    info: spec.info,
    servers: spec.servers,
    paths: sortKeys(paths),
    components: { schemas: sortKeys(schemas), securitySchemes },
  };
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

const spec = JSON.parse(readFileSync(source, 'utf8'));
const subset = extract(spec);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(subset, null, 2)}\n`);
console.log(
  `Wrote ${out}: ${OPERATIONS.length} operations, ${Object.keys(subset.components.schemas).length} schemas (info.version ${spec.info.version}).`,
);
