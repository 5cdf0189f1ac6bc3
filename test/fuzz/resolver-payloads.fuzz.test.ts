/**
 * Every resolver key gets at least 1,000 generated payloads: wrong types, huge strings, deep objects,
 * unicode, prototype-pollution keys, and near-valid payloads with one field broken. Each answer must be
 * a typed error or a valid result, never an exception, and a refusal must write nothing (no storage
 * write, no Jira write).
 */
import fc from 'fast-check';
import { ERROR_CODES, JIRA_KEYS, type ApiKey } from '../../src/contract';
import { createTestApp } from '../support/local-app';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const WRITE_OPS = ['set', 'setIfAbsent', 'delete', 'transact'];

/** Field names the payload schemas use, so generated objects get past the first checks. */
const FIELD_NAMES = [
  'statement', 'targetUsers', 'problem', 'valueProposition', 'horizon', 'baseRevision', 'cursor', 'goal', 'goalId',
  'title', 'description', 'ownerAccountId', 'status', 'targetDate', 'confirm', 'kpi', 'kpiId', 'name', 'unit',
  'direction', 'baseline', 'target', 'bandLow', 'bandHigh', 'issueKey', '__proto__', 'constructor', 'prototype',
];

const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '../../etc/passwd', '<script>alert(1)</script>', 'PV-1', 'id-1', '10000', 'NaN'),
  fc.integer({ min: 2001, max: 120_000 }).map((n) => 'x'.repeat(n)),
);

const leaf = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String));

const deep = fc.integer({ min: 20, max: 400 }).map((levels) => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { goal: v };
  return v;
});

const shaped = fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(leaf, fc.dictionary(fc.constantFrom(...FIELD_NAMES), leaf, { maxKeys: 6 })), {
  maxKeys: 10,
});

const payload = fc.oneof(
  { weight: 3, arbitrary: shaped },
  { weight: 2, arbitrary: fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: leaf },
  // Payloads arrive as JSON: a literal "__proto__" key survives JSON.parse as an own property.
  { weight: 1, arbitrary: fc.constantFrom('{"__proto__":{"canEdit":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"goal":{"__proto__":{"title":"x"}}}').map((s) => JSON.parse(s)) },
);

describe('resolver fuzzing', () => {
  const app = createTestApp();
  const jiraWrites = () => Object.entries(app.site.calls).filter(([op]) => /^(PUT|DELETE|POST) /.test(op) && !/search|count|parse|check/.test(op)).reduce((n, [, c]) => n + c, 0);
  const storeWrites = () => WRITE_OPS.reduce((n, op) => n + (app.store.calls[op] ?? 0), 0);

  it.each([...JIRA_KEYS] as ApiKey[])(`%s: ${RUNS} payloads, typed answers only, refusals write nothing`, async (key) => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom('admin', 'member', 'outsider', 'anonymous') as fc.Arbitrary<'admin'>, async (p, role) => {
        // JSON round trip: what the bridge would deliver (functions, undefined, -0 and the like cannot cross).
        let wire: unknown;
        try {
          wire = JSON.parse(JSON.stringify(p) ?? 'null');
        } catch {
          return; // not serialisable, so it can never reach a resolver
        }
        const beforeStore = storeWrites();
        const beforeJira = jiraWrites();
        const result = await app.call(role, key, wire);
        expect(typeof result).toBe('object');
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          refused++;
          expect(ERROR_CODES).toContain(result.error.code);
          expect(typeof result.error.message).toBe('string');
          expect(storeWrites()).toBe(beforeStore);
          expect(jiraWrites()).toBe(beforeJira);
        }
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).canEdit).toBeUndefined();
  }, 120_000);
});
