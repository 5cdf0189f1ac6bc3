/**
 * The layers (ARCHITECTURE.md, "Layers") as an allow-table: each layer names what it may import and
 * anything else is a violation, so a new kind of import is refused until it is added here on purpose.
 * Type-only imports count (`tsPreCompilationDeps`). Tests next to the code (`*.test.ts`) may use the
 * development tools, so the layer rules skip them; cycles and unresolvable imports are checked everywhere.
 * test/architecture-rules.test.ts plants a violation of each rule and checks it is reported.
 */

/** Test files: exempt from the layer rules (they are not shipped). */
const TESTS = '\\.test\\.tsx?$';
/** The folders src/ is made of; a file elsewhere in src/ has no row in this table. */
const SRC_LAYERS = '^src/(domain|contract|ports|storage|use-cases|resolvers|adapters|main)/|^src/index\\.ts$';

/** A layer's row: files matching `from` may import only what matches one of `allowed`. */
const layer = (name, comment, from, allowed, extra = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: TESTS },
  to: { pathNot: allowed, ...extra },
});

module.exports = {
  forbidden: [
    layer('domain-is-pure', 'src/domain holds pure rules: it imports only the domain and the contract (no packages, no node builtins).', '^src/domain/', [
      '^src/(domain|contract)/',
    ]),
    layer('contract-is-shared', 'src/contract is shared by the UI and the back end: only itself and zod.', '^src/contract/', [
      '^src/contract/',
      '^node_modules/zod/',
    ]),
    layer('ports-are-interfaces', 'src/ports describes what use cases need: only ports, contract and domain types.', '^src/ports/', [
      '^src/(ports|contract|domain)/',
    ]),
    layer(
      'storage-keeps-the-store',
      'src/storage is the only code that touches the key-value store: keys, versioned documents, claims and one module per stored thing; it imports only ports, the contract and pure rules.',
      '^src/storage/',
      ['^src/(storage|ports|contract|domain)/'],
    ),
    layer(
      'use-cases-stay-in-the-core',
      'src/use-cases reach the outside only through ports: no @forge/*, packages, node builtins, adapters, resolvers, main or devtools.',
      '^src/use-cases/',
      ['^src/(domain|contract|ports|storage|use-cases)/'],
    ),
    layer('resolvers-are-thin', 'src/resolvers parse with the contract and call a use case: no adapters, no @forge/*, no packages (the endpoint has storage note whether a call wrote anything).', '^src/resolvers/', [
      '^src/(resolvers|use-cases|ports|contract|domain)/',
      '^src/storage/track-writes\\.ts$',
    ]),
    layer(
      'adapters-implement-ports',
      'src/adapters implement ports with their SDKs and node builtins: never use cases, resolvers or main.',
      '^src/adapters/',
      ['^src/(adapters|ports|domain|contract)/', '^node_modules/'],
      { dependencyTypesNot: ['core'] },
    ),
    {
      name: 'only-forge-adapters-import-forge',
      comment: 'Only src/adapters/forge imports @forge/*: the rest of the back end runs without the Forge runtime.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/adapters/forge/', TESTS] },
      to: { path: '^node_modules/@forge/' },
    },
    layer('main-composes-src', 'src/main wires the app from src/ alone (its @forge/* use goes through adapters).', '^src/main/', ['^src/']),
    layer('index-exports-main-forge', 'src/index.ts re-exports the handlers assembled in src/main/forge.ts, nothing else.', '^src/index\\.ts$', [
      '^src/main/forge\\.ts$',
    ]),
    {
      name: 'src-ships-without-dev-tools',
      comment: 'src/ is what ships: it never imports the development tools, the preview, tests, tools, benchmarks or the UI.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: '^(devtools|preview|test|tools|bench|static)/' },
    },
    {
      name: 'src-ships-no-dev-dependencies',
      comment: 'src/ is bundled for Forge: a devDependency (better-sqlite3, yaml...) is not there at run time.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'src-layer-is-known',
      comment: 'Every file in src/ belongs to a layer of this table; a new folder needs its own row first.',
      severity: 'error',
      from: { path: '^src/', pathNot: [SRC_LAYERS, TESTS] },
      to: {},
    },
    layer(
      'ui-imports-contract-and-pure-rules',
      'static/ talks to the back end through @forge/bridge and the contract; it may reuse pure domain rules, React and Atlaskit.',
      '^static/',
      ['^static/', '^src/(contract|domain)/', '^node_modules/(@forge/bridge|react|react-dom|@atlaskit/[^/]+)/'],
    ),
    {
      name: 'ui-takes-bridge-parts',
      comment:
        "static/ imports @forge/bridge's parts (static/shared/forge-bridge.ts), never its index: the index evaluates every bridge module with tslib, lodash and i18n, ~16 KB gzip more on each surface.",
      severity: 'error',
      from: { path: '^static/' },
      to: { path: '^node_modules/@forge/bridge/out/index\\.js$' },
    },
    {
      name: 'no-circular',
      comment: 'No cycles, type-only ones included: a cycle makes load order matter and the layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)build/' },
  },
};
