/**
 * Every resolver key of every function (the Jira resolver's and the macro resolver's) gets at least
 * 1,000 generated payloads: wrong types, huge strings, deep objects, unicode, prototype-pollution keys;
 * and then every key again as mutations of a payload that works (one field broken, dropped, retyped or
 * deepened, an unknown or `__proto__` field added) on a project seeded with something of everything,
 * sent by every role, so they get past the schema into the use cases. The macro's config (page content,
 * untrusted) is fuzzed too. Each answer must be a typed error or a valid result, never an exception,
 * and a refusal must write nothing (no storage write, no Jira write).
 */
import fc from 'fast-check';
import { ERROR_CODES, JIRA_KEYS, MACRO_KEYS, type ApiKey, type Result } from '../../src/contract';
import { isCacheKey } from '../../src/storage/keys';
import { createTestApp, PV, type Role } from '../support/local-app';
import { PV_CONFIG } from '../support/macro-app';
import { extensionFor, MOB, payloadOf, seeded, type App as SeededApp, type JiraKey } from '../support/seeded-project';

/** Cases run per key, printed at the end (the lead's "fuzz cases run per resolver key"). */
const perKey: Record<string, number> = {};
const ran = (key: string) => (perKey[key] = (perKey[key] ?? 0) + 1);
/** Answers other than a schema refusal: how far past the payload check the mutations got. */
const reach = { cases: 0, ok: 0, codes: {} as Record<string, number> };
const answered = (r: Result<unknown>) => {
  reach.cases += 1;
  if (r.ok) reach.ok += 1;
  else reach.codes[r.error.code] = (reach.codes[r.error.code] ?? 0) + 1;
};
afterAll(() => {
  const keys = Object.keys(perKey).sort();
  console.log(
    `fuzz cases run: ${Object.values(perKey).reduce((a, b) => a + b, 0)} over ${keys.length} keys (min ${Math.min(...keys.map((k) => perKey[k]!))} a key)\n` +
      keys.map((k) => `  ${k}: ${perKey[k]}`).join('\n') +
      `\nmutations and macro cases: ${reach.cases}; answered ok ${reach.ok}; refused ${JSON.stringify(reach.codes)}`,
  );
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const WRITE_OPS = ['set', 'setIfAbsent', 'delete', 'transact'];

/** Field names the payload schemas use, so generated objects get past the first checks. */
const FIELD_NAMES = [
  'statement', 'targetUsers', 'problem', 'valueProposition', 'horizon', 'baseRevision', 'cursor', 'goal', 'goalId',
  'title', 'description', 'ownerAccountId', 'status', 'targetDate', 'confirm', 'kpi', 'kpiId', 'name', 'unit',
  'direction', 'baseline', 'target', 'bandLow', 'bandHigh', 'issueKey', '__proto__', 'constructor', 'prototype',
  'anyPercent', 'confirmed', 'value', 'date', 'jql', 'launchId', 'iterationId', 'decisionId', 'issueTypeId', 'epics', 'baseGoalId',
  'exampleId', 'query', 'startAt',
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
        ran(key);
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

/* ---------- mutations of payloads that work, on a seeded project, by every role ---------- */

const MUTATION_RUNS = Number(process.env.FUZZ_MUTATION_RUNS ?? 1000);
const ROLES: Role[] = ['admin', 'member', 'viewer', 'outsider', 'anonymous', 'siteAdmin'];

/** Every path into a JSON value (the root is []). */
function paths(value: unknown, at: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [at];
  return [at, ...Object.keys(value).flatMap((k) => paths((value as Record<string, unknown>)[k], [...at, k]))];
}

const setOwn = (target: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });

type Mutation = { pick: number; op: 'none' | 'same-type' | 'replace' | 'drop' | 'add' | 'deepen' | 'wrap'; leaf: unknown; key: string; str: string; num: number };

/** Values of the right type that still may be wrong: ids of nothing or of another project, bad dates, edges. */
const sameTypeString = fc.oneof(
  fc.constantFrom('', ' ', 'id-1', 'id-2', 'id-4', 'id-5', 'id-99', 'PV-1', 'PV-2', 'PV-9', 'MOB-1', 'PV-999', '10100', '10103', '99999', '2025-02-30', '1999-12-31', '2099-12-31', '2025-08-21', 'project = MOB', 'project = PV OR 1 = 1', 'project in (PV, MOB)', '10002', '10011', '9998244127999-id-1', 'draft', 'latest', '__proto__', '\u202e\u0000', '🚀'.repeat(300)),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 100, max: 5_000 }).map((n) => 'é'.repeat(n)),
);
const sameTypeNumber = fc.oneof(
  // The value limits' edges (10^12 and just over) and numbers far outside any KPI's range.
  fc.constantFrom(0, -1, 1, 2, 3, 7, 100, 101, 2023, 2099, 2 ** 31, 1e12, -1e12, 1e12 + 1, -99_999_999_999, 1e15, -1e15, 1e308, 0.5, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('none', 'same-type', 'same-type', 'same-type', 'same-type', 'replace', 'replace', 'drop', 'add', 'deepen', 'wrap'),
  leaf: fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.constantFrom(...FIELD_NAMES), leaf, { maxKeys: 3 })),
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'projectId', 'accountId', 'issueKey', 'canEdit'), fc.string({ maxLength: 12 })),
  str: sameTypeString,
  num: sameTypeNumber,
});

/** `base` with one mutation applied at one of its paths (a JSON copy: the base is never touched). */
function mutate(base: unknown, m: Mutation): unknown {
  const root = { v: JSON.parse(JSON.stringify(base ?? {})) as unknown };
  const all = paths(root.v);
  const path = all[m.pick % all.length]!;
  const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], root.v);
  const last = path[path.length - 1];
  const holder: any = last === undefined ? root : parent;
  const slot = last === undefined ? 'v' : last;
  const current = holder[slot];
  switch (m.op) {
    case 'none':
      break;
    case 'same-type':
      holder[slot] =
        typeof current === 'string' ? m.str : typeof current === 'number' ? m.num : typeof current === 'boolean' ? !current : current === null ? (m.pick % 2 ? m.str : m.num) : current;
      break;
    case 'replace':
      holder[slot] = m.leaf;
      break;
    case 'drop':
      if (last === undefined) root.v = undefined;
      else delete holder[slot];
      break;
    case 'add':
      if (typeof current === 'object' && current !== null && !Array.isArray(current)) setOwn(current, m.key, m.leaf);
      else holder[slot] = { [m.key]: m.leaf };
      break;
    case 'deepen': {
      let v: unknown = current;
      for (let i = 0; i < 40; i++) v = { [m.key || 'goal']: v };
      holder[slot] = v;
      break;
    }
    case 'wrap':
      holder[slot] = [current, m.leaf];
      break;
  }
  return root.v;
}

describe('mutations of working payloads, by every role, on a seeded project', () => {
  let s: Awaited<ReturnType<typeof seeded>>;
  const dataWrites: string[] = [];
  beforeAll(async () => {
    s = await seeded();
    // Note which keys each call writes (caches of permission answers and epic types do not count).
    const store = s.app.store as unknown as Record<string, (...args: any[]) => Promise<unknown>>;
    for (const op of ['set', 'delete'] as const) {
      const original = store[op]!.bind(s.app.store);
      store[op] = async (key: string, ...rest: unknown[]) => {
        const r = await original(key, ...rest);
        if (!isCacheKey(key)) dataWrites.push(key);
        return r;
      };
    }
    const original = store.setIfAbsent!.bind(s.app.store);
    store.setIfAbsent = async (key: string, ...rest: unknown[]) => {
      const r = await original(key, ...rest);
      if (r && !isCacheKey(key)) dataWrites.push(key);
      return r;
    };
    const transact = store.transact!.bind(s.app.store);
    store.transact = async (ops: Array<{ key: string }>) => {
      const r = await transact(ops);
      dataWrites.push(...ops.map((o) => o.key));
      return r;
    };
  });
  const jiraWrites = (app: SeededApp) =>
    Object.entries(app.site.calls).filter(([op]) => /^(PUT|DELETE) /.test(op)).reduce((n, [, c]) => n + c, 0);

  it.each([...JIRA_KEYS] as JiraKey[])(`%s: ${MUTATION_RUNS} mutated payloads`, async (key) => {
    const base = payloadOf(key, s);
    await fc.assert(
      fc.asyncProperty(mutation, fc.constantFrom(...ROLES), fc.constantFrom(PV, MOB), async (m, role, project) => {
        let wire: unknown;
        try {
          wire = JSON.parse(JSON.stringify(mutate(base, m)) ?? 'null');
        } catch {
          return;
        }
        const writes = dataWrites.length;
        const jira = jiraWrites(s.app);
        const result: Result<unknown> = await s.app.call(role, key, wire, extensionFor(s.app, key, project));
        ran(key);
        answered(result);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(typeof result.error.message).toBe('string');
          expect(dataWrites.slice(writes)).toEqual([]);
          expect(jiraWrites(s.app)).toBe(jira);
        }
      }),
      { numRuns: MUTATION_RUNS },
    );
    expect(({} as Record<string, unknown>).canEdit).toBeUndefined();
  }, 240_000);

  it(`gadget/load: ${RUNS} gadget configurations (written by whoever edits the dashboard), typed answers only, never writes`, async () => {
    const PV_GADGET = { projectId: '10000', projectKey: 'PV' };
    const config = fc.oneof(
      fc.constant(PV_GADGET),
      fc.constant({ projectId: '10001', projectKey: 'MOB' }),
      fc.constant({ projectId: '10001', projectKey: 'PV' }),
      mutation.map((m) => mutate(PV_GADGET, m)),
      fc.anything({ maxDepth: 3 }),
      fc.constant(undefined),
    );
    await fc.assert(
      fc.asyncProperty(config, fc.constantFrom(...ROLES), async (c, role) => {
        let wire: unknown;
        try {
          wire = JSON.parse(JSON.stringify({ c: c ?? null })).c;
        } catch {
          return;
        }
        const writes = dataWrites.length;
        const jira = jiraWrites(s.app);
        const result: Result<unknown> = await s.app.call(role, 'gadget/load', {}, { type: 'jira:dashboardGadget', gadgetConfiguration: wire });
        ran('gadget/load (configurations)');
        answered(result);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
        // MOB's vision reaches only those who may browse MOB, whatever key the configuration pairs it with.
        if (role !== 'member' && role !== 'admin') expect(JSON.stringify(result)).not.toContain('The MOB vision');
        expect(dataWrites.slice(writes)).toEqual([]);
        expect(jiraWrites(s.app)).toBe(jira);
      }),
      { numRuns: RUNS },
    );
  }, 240_000);

  it.each([...MACRO_KEYS])(`%s (macro resolver): ${RUNS} payloads and ${RUNS} configs, typed answers only, never writes`, async (key) => {
    const config = fc.oneof(
      fc.constant(PV_CONFIG),
      fc.constant({ ...PV_CONFIG, projectId: '10001', projectKey: 'MOB' }),
      mutation.map((m) => mutate(PV_CONFIG, m)),
      fc.anything({ maxDepth: 3 }),
      fc.constant(undefined),
    );
    const payloadFor = key === 'macro/versions' ? fc.oneof(mutation.map((m) => mutate({ projectId: '10000' }, m)), payload) : payload;
    await fc.assert(
      fc.asyncProperty(payloadFor, config, fc.constantFrom(...ROLES), async (p, c, role) => {
        let wire: { payload: unknown; config: unknown };
        try {
          wire = JSON.parse(JSON.stringify({ payload: p ?? null, config: c ?? null }));
        } catch {
          return;
        }
        const writes = dataWrites.length;
        const jira = jiraWrites(s.app);
        const result: Result<unknown> = await s.app.callMacro(role, key, wire.payload, wire.config ?? undefined);
        ran(key);
        answered(result);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
        // The macro reads Jira as the viewer; it never writes anything anywhere.
        expect(dataWrites.slice(writes)).toEqual([]);
        expect(jiraWrites(s.app)).toBe(jira);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 240_000);
});
